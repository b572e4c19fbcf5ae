import { el, replaceContent } from '../../dom';
import { loadError, loadingIndicator, pageTitle, type View, type ViewContext } from './view';

/** Assets: the org's (empty) asset browser, loaded like every console view. */
export function assetsView(context: ViewContext): View {
  const { api, t } = context;
  const body = el('div', { class: 'view-body', 'aria-live': 'polite' });
  const element = el('div', { class: 'view', 'data-view': 'assets' }, pageTitle(t('assetsTitle')), body);
  let disposed = false;

  async function load(): Promise<void> {
    replaceContent(body, loadingIndicator(t));
    const session = await api.session();
    if (disposed) return;
    if (!session.ok) return replaceContent(body, loadError(t, session.error, load));
    replaceContent(body, el('p', { class: 'empty-state' }, t('assetsEmpty', { org: session.value.aemOrg.name })));
  }

  void load();
  return {
    element,
    dispose() {
      disposed = true;
    },
  };
}
