import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext, type ContentScriptLifetime } from '@/lib/console-page/quiet-context';

// The content scripts' context (wxt.config.ts aliases WXT's to it): it stops an older instance of
// the same script and follows the frame's URL without dispatching anything a page could hear.

const started: ContentScriptContext[] = [];
function start(name: string): ContentScriptContext {
  const ctx = new ContentScriptContext(name);
  started.push(ctx);
  return ctx;
}

const EXTENSION_ID = fakeBrowser.runtime.id;
beforeEach(() => {
  fakeBrowser.reset();
  // reset() keeps a removed id removed.
  fakeBrowser.runtime.id = EXTENSION_ID;
});
afterEach(() => {
  for (const ctx of started.splice(0)) ctx.abort('test over');
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the quiet content-script context', () => {
  it('stops the older instance of the same script in this world, and only that one', () => {
    const olderUi = start('console-ui');
    const detector = start('console');
    const stopped = vi.fn();
    olderUi.onInvalidated(stopped);

    const newerUi = start('console-ui');

    expect(olderUi.signal.aborted).toBe(true);
    expect(stopped).toHaveBeenCalledOnce();
    expect(newerUi.isValid).toBe(true);
    expect(detector.isValid).toBe(true);
  });

  it('is invalid once the extension is gone (runtime.id disappears), and cleans up once', () => {
    const ctx = start('console');
    const cleanup = vi.fn();
    ctx.onInvalidated(cleanup);
    expect(ctx.isInvalid).toBe(false);

    fakeBrowser.runtime.id = undefined as unknown as string;

    expect(ctx.isInvalid).toBe(true);
    expect(ctx.isValid).toBe(false);
    expect(cleanup).toHaveBeenCalledOnce();
  });

  it('removes its listeners when invalidated', () => {
    const ctx = start('console');
    const target = new EventTarget();
    const heard = vi.fn();
    ctx.addEventListener(target as Window, 'load', heard);
    target.dispatchEvent(new Event('load'));
    ctx.abort('done');
    target.dispatchEvent(new Event('load'));
    expect(heard).toHaveBeenCalledOnce();
  });

  it('tells a location listener about route changes through the Navigation API, dispatching nothing', () => {
    const navigation = new EventTarget();
    vi.stubGlobal('location', { href: 'https://console.example/#/settings/creative-cloud' });
    vi.stubGlobal('navigation', navigation);
    const window = new EventTarget();
    const windowEvents = vi.spyOn(window, 'dispatchEvent');
    const ctx: ContentScriptLifetime = start('console-ui');
    const changes: string[] = [];
    ctx.addEventListener(window as Window, 'wxt:locationchange', (event) => changes.push(event.newUrl.hash));

    const navigate = (url: string) =>
      navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
    navigate('https://console.example/#/settings/creative-cloud');
    navigate('https://console.example/#/settings/general');
    ctx.abort('done');
    navigate('https://console.example/#/assets');

    expect(changes).toEqual(['#/settings/general']);
    expect(windowEvents).not.toHaveBeenCalled();
  });

  it('polls the URL once a second where the Navigation API is missing, while the extension is there', () => {
    vi.useFakeTimers();
    const location = { href: 'https://console.example/#/settings/creative-cloud' };
    vi.stubGlobal('location', location);
    vi.stubGlobal('navigation', undefined);
    const ctx: ContentScriptLifetime = start('console-ui');
    const changes: string[] = [];
    ctx.addEventListener(new EventTarget() as Window, 'wxt:locationchange', (event) =>
      changes.push(`${event.oldUrl.hash} → ${event.newUrl.hash}`),
    );

    location.href = 'https://console.example/#/settings/general';
    vi.advanceTimersByTime(999);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual(['#/settings/creative-cloud → #/settings/general']);

    fakeBrowser.runtime.id = undefined as unknown as string;
    location.href = 'https://console.example/#/assets';
    vi.advanceTimersByTime(5000);
    expect(changes).toHaveLength(1);
    expect(ctx.signal.aborted).toBe(true);
  });
});
