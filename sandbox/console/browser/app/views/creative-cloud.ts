import { orgIdFromRef } from '../../../../../lib/org-id';
import {
  type ConsoleBehaviour,
  DEFAULT_CONSOLE_BEHAVIOUR,
  DEFAULT_PICKER_FORM,
  isConsoleErrorForm,
  isPickerForm,
  type PickerForm,
} from '../../../picker-forms';
import { el, replaceContent } from '../../dom';
import type { ConsoleError, ConsoleSession } from '../console-api';
import { creativeCloudOrgSection, currentOrgCard } from './creative-cloud-sections';
import type { OrgChoice } from './org-picker';
import { orgPicker, type SwitchControl, switchControl } from './org-picker-forms';
import { showErrorToast } from './toast';
import { loadError, loadingIndicator, pageTitle, type View, type ViewContext } from './view';

type SwitchStatus = { kind: 'progress' | 'success' | 'error'; text: string };

/** `?picker=` on the app's own URL wins over the sandbox's setting (sent with the console session). */
function pickerForm(fromSession: PickerForm | undefined): PickerForm {
  const fromUrl = new URLSearchParams(location.search).get('picker');
  return isPickerForm(fromUrl) ? fromUrl : (fromSession ?? DEFAULT_PICKER_FORM);
}

/** `?recreate=1` and `?errors=toast|inline|status` win over the sandbox's setting likewise. */
function consoleBehaviour(session: ConsoleSession | undefined): ConsoleBehaviour {
  const params = new URLSearchParams(location.search);
  const recreate = params.get('recreate');
  const errors = params.get('errors');
  return {
    recreate: recreate === null ? (session?.recreate ?? DEFAULT_CONSOLE_BEHAVIOUR.recreate) : recreate !== '0',
    errors: isConsoleErrorForm(errors) ? errors : (session?.errors ?? DEFAULT_CONSOLE_BEHAVIOUR.errors),
  };
}

/** How long the console takes to show a toast after the call failed (React Spectrum's view transition). */
const ERROR_DELAY_MS = 400;

/**
 * Settings > Creative Cloud, as the native console has it: no eligibility checks of its own
 * (that is what the extension adds). Every data refresh replaces the view's nodes, as the
 * real single-page app does, so the extension cannot rely on nodes staying put.
 */
export function creativeCloudView(context: ViewContext): View {
  const { api, t, language } = context;
  const body = el('div', { class: 'view-body' });
  const status = el('div', { class: 'switch-status', role: 'status', 'aria-live': 'polite' });
  // Outside the body, which every data refresh replaces: an inline alert outlives the refresh.
  const alerts = el('div', { class: 'view-alerts' });
  const element = el(
    'div',
    { class: 'view', 'data-view': 'creative-cloud' },
    pageTitle(t('ccTitle')),
    alerts,
    body,
    status,
  );
  let disposeControls = () => {};
  let disposed = false;
  let switching = false;
  let behaviour: ConsoleBehaviour = DEFAULT_CONSOLE_BEHAVIOUR;

  function showStatus(next: SwitchStatus | undefined): void {
    status.className = `switch-status ${next?.kind ?? ''}`.trim();
    status.textContent = next?.text ?? '';
  }

  function switchControls(choices: OrgChoice[], form: PickerForm): HTMLElement {
    let picked: OrgChoice | undefined;
    const createSwitch = (): SwitchControl => {
      const control = switchControl(form, t, () => {
        if (picked && !switching) void switchTo(picked, control);
      });
      return control;
    };
    let switchButton = createSwitch();
    const picker = orgPicker(
      form,
      t,
      choices,
      (choice) => {
        picked = choice;
        if (behaviour.recreate) {
          // A re-rendering page puts a new "Switch orgs" in place of the old one.
          const next = createSwitch();
          switchButton.element.replaceWith(next.element);
          switchButton = next;
        }
        switchButton.setDisabled(switching);
      },
      { recreate: behaviour.recreate },
    );
    disposeControls = picker.dispose;
    return el('div', { class: 'switch-row' }, picker.element, switchButton.element);
  }

  /** A refusal, where this console shows it: its status line, a toast, or an inline alert. */
  function showRefusal(text: string): void {
    if (behaviour.errors === 'status') {
      showStatus({ kind: 'error', text });
      return;
    }
    showStatus(undefined);
    setTimeout(() => {
      if (disposed) return;
      if (behaviour.errors === 'toast') showErrorToast(text);
      else replaceContent(alerts, el('div', { role: 'alert', class: 'inline-alert' }, text));
    }, ERROR_DELAY_MS);
  }

  async function switchTo(choice: OrgChoice, switchButton: SwitchControl): Promise<void> {
    switching = true;
    switchButton.setDisabled(true);
    replaceContent(alerts);
    showStatus({ kind: 'progress', text: t('switching') });
    const result = await api.switchOrg(choice.id);
    switching = false;
    if (disposed) return;
    if (result.ok) {
      const connected = result.value.connection.connectedOrg;
      const values = { name: connected?.name ?? choice.name, id: connected?.id ?? choice.id };
      showStatus({ kind: 'success', text: t('switchSucceeded', values) });
    } else {
      showRefusal(switchFailure(result.error));
    }
    await load();
  }

  const switchFailure = (error: ConsoleError) => t('switchFailed', { code: error.code, message: error.message });

  async function load(): Promise<void> {
    disposeControls();
    body.setAttribute('aria-busy', 'true');
    replaceContent(body, loadingIndicator(t));
    const [connection, organizations, session] = await Promise.all([
      api.connection(),
      api.organizations(),
      api.session(),
    ]);
    if (disposed) return;
    behaviour = consoleBehaviour(session.ok ? session.value : undefined);
    body.removeAttribute('aria-busy');
    if (!connection.ok) return replaceContent(body, loadError(t, connection.error, load));
    if (!organizations.ok) return replaceContent(body, loadError(t, organizations.error, load));
    const choices = organizations.value.map((org) => ({ id: orgIdFromRef(org.orgRef), name: org.orgName }));
    replaceContent(
      body,
      currentOrgCard(t, language, connection.value.connection),
      creativeCloudOrgSection(t, switchControls(choices, pickerForm(session.ok ? session.value.picker : undefined))),
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
