import { browser } from 'wxt/browser';
import { uiShadowMode } from '../build-flavor';

/**
 * A shadow-root host for the console UI, built by hand: WXT's createShadowRootUi does the same
 * and more (auto-mount, overlay positions, name checks) but costs the content script ~4 KB
 * gzip of its 20 KB budget. Same isolation: a reset so console styles never reach in, our
 * styles only inside the shadow root, key events stopped at the boundary.
 */

/** The content script's CSS; the manifest makes it readable from console pages (cssInjectionMode 'ui'). */
const CONTENT_SCRIPT_CSS = '/content-scripts/console-ui.css';
const HOST_RESET = ':host{all:initial !important;}';
/** @property and @font-face have no effect inside a shadow root; they go to the document. */
const DOCUMENT_ONLY_RULES = /(\s*@(property|font-face)[\s\S]*?{[\s\S]*?})/gm;
/** Typing in our fields must not trigger the console's keyboard shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export interface ShadowHost {
  host: HTMLElement;
  /** The shadow root's `<html>` (carries `lang`) and `<body>` (where the UI renders). */
  html: HTMLElement;
  body: HTMLElement;
  remove(): void;
}

export async function loadContentScriptCss(): Promise<string> {
  try {
    // WXT types getURL for public files and HTML pages only; built entry CSS is not among them.
    const url = (browser.runtime.getURL as (path: string) => string)(CONTENT_SCRIPT_CSS);
    return await (await fetch(url)).text();
  } catch {
    return ''; // the extension was updated or removed mid-load; the UI is torn down anyway
  }
}

/** Builds the host (not yet in the page) with `css` plus the entry's CSS, `:root` read as `:host`. */
export function createShadowHost(tag: string, css: string): ShadowHost {
  const sheet = css.replaceAll(':root', ':host');
  const documentCss = Array.from(sheet.matchAll(DOCUMENT_ONLY_RULES), (match) => match[0]).join('');
  const host = document.createElement(tag);
  const shadow = host.attachShadow({ mode: uiShadowMode });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  style.textContent = `${HOST_RESET}\n${sheet.replace(DOCUMENT_ONLY_RULES, '')}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  for (const type of ISOLATED_EVENTS) body.addEventListener(type, (event) => event.stopPropagation());

  let documentStyle: HTMLStyleElement | undefined;
  if (documentCss.trim()) {
    documentStyle = document.createElement('style');
    documentStyle.textContent = documentCss;
    (document.head ?? document.body).append(documentStyle);
  }
  return {
    host,
    html,
    body,
    remove() {
      host.remove();
      documentStyle?.remove();
    },
  };
}
