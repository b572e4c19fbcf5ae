import { el } from '../../dom';
import { pageTitle, type View, type ViewContext } from './view';

/** Navigation entries the sandbox does not model still lead somewhere honest. */
export function notInSandboxView(context: ViewContext, title: string): View {
  const element = el(
    'div',
    { class: 'view', 'data-view': 'not-in-sandbox' },
    pageTitle(title),
    el('p', { class: 'muted' }, context.t('notInSandbox')),
  );
  return { element, dispose() {} };
}
