// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectConsoleView } from '@/lib/console-page/detector';
import { applyProfilePolicy } from '@/lib/console-page/profile';
import type { ContentScriptLifetime } from '@/lib/console-page/quiet-context';

// The detector in every console frame: no message on a page without a listbox picker; on a page
// with one it recognises nothing by, it asks the worker once for the policy's labels, and asks
// for the UI once those labels match.

const ES = {
  picker: 'Seleccionar nuevo ID de organización de Creative Cloud',
  switchButton: 'Cambiar de organización',
};

function lifetime(): ContentScriptLifetime & { stop: () => void } {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    stop: () => controller.abort(),
    isInvalid: false,
    isValid: true,
    onInvalidated: () => () => {},
    addEventListener: () => {},
  } as unknown as ContentScriptLifetime & { stop: () => void };
}

describe('the detector', () => {
  let ctx: ReturnType<typeof lifetime>;
  let requests: { type: string }[];
  beforeEach(() => {
    fakeBrowser.reset();
    requests = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const request = message as { type: string };
      requests.push(request);
      if (request.type === 'getConsoleProfile') return Promise.resolve({ ok: true, data: { labels: { es: ES } } });
      return Promise.resolve({ ok: true, data: { shown: true } });
    });
    ctx = lifetime();
  });
  afterEach(() => {
    ctx.stop();
    applyProfilePolicy({ labels: {} });
    document.body.replaceChildren();
  });

  /** The English view, recognised by the built-in labels: the request it causes marks the end of a test. */
  const englishView = `<section><div><button aria-haspopup="listbox">Select new Creative Cloud org ID</button><button>Switch orgs</button></div></section>`;
  const changePageThreeTimes = async () => {
    for (let i = 0; i < 3; i += 1) {
      document.body.insertAdjacentHTML('beforeend', `<p>${i}</p>`);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  };

  it('sends nothing on a page without a listbox picker, however it changes', async () => {
    document.body.innerHTML = '<main><h1>Recursos</h1><button>Subir</button></main>';
    detectConsoleView(ctx);
    await changePageThreeTimes();
    document.body.insertAdjacentHTML('beforeend', englishView);
    // The view's request is the first and only one: nothing went out before it.
    await vi.waitFor(() => expect(requests.map(({ type }) => type)).toEqual(['showConsoleUi']));
  });

  it('asks once for the policy labels where a picker matches nothing, then for the UI when they match', async () => {
    document.documentElement.lang = 'es';
    document.body.innerHTML = `<main><div><section><h2>x</h2></section><section><div>
      <span id="l">${ES.picker}</span><button aria-haspopup="listbox" aria-labelledby="l v"><span id="v">-</span></button>
      <button>${ES.switchButton}</button></div></section></div></main>`;
    detectConsoleView(ctx);
    await vi.waitFor(() => expect(requests.map(({ type }) => type)).toEqual(['getConsoleProfile', 'showConsoleUi']));
  });

  it('asks for the policy labels only once while the picker keeps matching nothing', async () => {
    document.body.innerHTML =
      '<main><section><div><button aria-haspopup="listbox">Idioma</button><button>Guardar</button></div></section></main>';
    detectConsoleView(ctx);
    await vi.waitFor(() => expect(requests.map(({ type }) => type)).toEqual(['getConsoleProfile']));
    await changePageThreeTimes();
    document.body.insertAdjacentHTML('beforeend', englishView);
    await vi.waitFor(() => expect(requests.map(({ type }) => type)).toEqual(['getConsoleProfile', 'showConsoleUi']));
  });
});
