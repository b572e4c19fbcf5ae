import { el } from '../../dom';
import type { Translate } from '../../locales';
import type { ConsoleApi, ConsoleError } from '../console-api';

export interface ViewContext {
  api: ConsoleApi;
  t: Translate;
  language: string;
}

/** A mounted view; `dispose` runs when the route changes (listeners off, late answers ignored). */
export interface View {
  element: HTMLElement;
  dispose(): void;
}

export function loadingIndicator(t: Translate): HTMLElement {
  return el(
    'div',
    { class: 'loading', role: 'progressbar', 'aria-label': t('loading') },
    el('span', { class: 'spinner', 'aria-hidden': 'true' }),
    el('span', {}, t('loading')),
  );
}

export function loadError(t: Translate, error: ConsoleError, retry: () => void): HTMLElement {
  const retryButton = el('button', { type: 'button', class: 'button secondary' }, t('retry'));
  retryButton.addEventListener('click', retry);
  return el(
    'div',
    { class: 'load-error', role: 'alert' },
    el('p', {}, t('loadFailed', { code: error.code, message: error.message })),
    retryButton,
  );
}

export function pageTitle(text: string): HTMLHeadingElement {
  return el('h1', { class: 'page-title' }, text);
}
