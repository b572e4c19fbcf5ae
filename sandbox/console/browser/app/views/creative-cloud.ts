import { orgIdFromRef } from '../../../../../lib/org-id';
import { el, replaceContent } from '../../dom';
import type { ConsoleError } from '../console-api';
import { creativeCloudOrgSection, currentOrgCard } from './creative-cloud-sections';
import { type OrgChoice, orgPicker } from './org-picker';
import { loadError, loadingIndicator, pageTitle, type View, type ViewContext } from './view';

type SwitchStatus = { kind: 'progress' | 'success' | 'error'; text: string };

/**
 * Settings > Creative Cloud, as the native console has it: no eligibility checks of its own
 * (that is what the extension adds). Every data refresh replaces the view's nodes, as the
 * real single-page app does, so the extension cannot rely on nodes staying put.
 */
export function creativeCloudView(context: ViewContext): View {
  const { api, t, language } = context;
  const body = el('div', { class: 'view-body' });
  const status = el('div', { class: 'switch-status', role: 'status', 'aria-live': 'polite' });
  const element = el('div', { class: 'view', 'data-view': 'creative-cloud' }, pageTitle(t('ccTitle')), body, status);
  let disposeControls = () => {};
  let disposed = false;
  let switching = false;

  function showStatus(next: SwitchStatus | undefined): void {
    status.className = `switch-status ${next?.kind ?? ''}`.trim();
    status.textContent = next?.text ?? '';
  }

  function switchControls(choices: OrgChoice[]): HTMLElement {
    let picked: OrgChoice | undefined;
    const switchButton = el('button', { type: 'button', class: 'button primary', disabled: true }, t('switchButton'));
    const picker = orgPicker(t, choices, (choice) => {
      picked = choice;
      switchButton.disabled = switching;
    });
    switchButton.addEventListener('click', () => {
      if (picked && !switching) void switchTo(picked, switchButton);
    });
    disposeControls = picker.dispose;
    return el('div', { class: 'switch-row' }, picker.element, switchButton);
  }

  async function switchTo(choice: OrgChoice, switchButton: HTMLButtonElement): Promise<void> {
    switching = true;
    switchButton.disabled = true;
    showStatus({ kind: 'progress', text: t('switching') });
    const result = await api.switchOrg(choice.id);
    switching = false;
    if (disposed) return;
    if (result.ok) {
      const connected = result.value.connection.connectedOrg;
      const values = { name: connected?.name ?? choice.name, id: connected?.id ?? choice.id };
      showStatus({ kind: 'success', text: t('switchSucceeded', values) });
    } else {
      showStatus({ kind: 'error', text: switchFailure(result.error) });
    }
    await load();
  }

  const switchFailure = (error: ConsoleError) => t('switchFailed', { code: error.code, message: error.message });

  async function load(): Promise<void> {
    disposeControls();
    body.setAttribute('aria-busy', 'true');
    replaceContent(body, loadingIndicator(t));
    const [connection, organizations] = await Promise.all([api.connection(), api.organizations()]);
    if (disposed) return;
    body.removeAttribute('aria-busy');
    if (!connection.ok) return replaceContent(body, loadError(t, connection.error, load));
    if (!organizations.ok) return replaceContent(body, loadError(t, organizations.error, load));
    const choices = organizations.value.map((org) => ({ id: orgIdFromRef(org.orgRef), name: org.orgName }));
    replaceContent(
      body,
      currentOrgCard(t, language, connection.value.connection),
      creativeCloudOrgSection(t, switchControls(choices)),
    );
  }

  void load();
  return {
    element,
    dispose() {
      disposed = true;
      disposeControls();
    },
  };
}
