import { el, replaceContent } from '../../dom';
import type { ConsoleSession } from '../console-api';
import { loadError, loadingIndicator, pageTitle, type View, type ViewContext } from './view';

/** Settings > General Settings: the AEM org this console belongs to and who is signed in. */
export function generalSettingsView(context: ViewContext): View {
  const { api, t } = context;
  const body = el('div', { class: 'view-body', 'aria-live': 'polite' });
  const element = el('div', { class: 'view', 'data-view': 'general-settings' }, pageTitle(t('generalTitle')), body);
  let disposed = false;

  const details = (session: ConsoleSession) =>
    el(
      'dl',
      { class: 'card details' },
      el('dt', {}, t('generalOrgName')),
      el('dd', {}, session.aemOrg.name),
      el('dt', {}, t('generalOrgId')),
      el('dd', { class: 'mono' }, session.aemOrg.id),
      el('dt', {}, t('generalTenant')),
      el('dd', { class: 'mono' }, session.aemOrg.tenant),
      el('dt', {}, t('generalSignedInAs')),
      el('dd', {}, `${session.user.name} <${session.user.email}>`),
    );

  async function load(): Promise<void> {
    replaceContent(body, loadingIndicator(t));
    const session = await api.session();
    if (disposed) return;
    replaceContent(body, session.ok ? details(session.value) : loadError(t, session.error, load));
  }

  void load();
  return {
    element,
    dispose() {
      disposed = true;
    },
  };
}
