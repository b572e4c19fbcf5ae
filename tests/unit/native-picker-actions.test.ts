// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { detectCreativeCloudView } from '@/lib/console-page/detect';
import { chooseNativeOption } from '@/lib/console-page/native-picker-actions';

// Choosing an org as React Spectrum's picker really behaves (docs/ARCHITECTURE.md#the-consoles-picker-dom):
// controls re-created on every state change, rows not rendered, a hidden <select>.

const ACME = { orgId: '0123456789ABCDEF01234567@AdobeOrg', orgName: 'Acme Design Studio' };
const BETA = { orgId: 'BBBBBBBBBBBBBBBBBBBBBBBB@AdobeOrg', orgName: 'Beta Corp' };
const FAR = { orgId: 'FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg', orgName: 'Far Away Org' };
const ORGS = [ACME, BETA, FAR];
const LABEL = 'Select new Creative Cloud org ID';

afterEach(() => document.body.replaceChildren());

/**
 * A console that renders its picker row anew on every state change (opened, chosen): a new
 * trigger, a new "Switch orgs", a new portalled listbox. `rendered` are the orgs its list shows;
 * `hiddenSelect` mirrors every org in a hidden <select>, as React Spectrum does up to 300.
 */
function recreatingConsole(rendered: typeof ORGS, options: { hiddenSelect?: boolean } = {}) {
  const state = { open: false, value: 'None', renders: 0 };
  const row = document.createElement('section');
  document.body.append(row);
  let listbox: HTMLElement | undefined;
  const choose = (name: string) => {
    state.value = name;
    state.open = false;
    render();
  };
  function render(): void {
    state.renders += 1;
    listbox?.remove();
    listbox = undefined;
    row.innerHTML = `<span id="label">${LABEL}</span><button id="trigger-${state.renders}" aria-haspopup="listbox"
      aria-expanded="${state.open}" aria-labelledby="label value-${state.renders}"><span id="value-${state.renders}">${state.value}</span></button>
      <button ${state.value === 'None' ? 'disabled' : ''}>Switch orgs</button>`;
    if (options.hiddenSelect) {
      const wrapper = document.createElement('div');
      wrapper.setAttribute('aria-hidden', 'true');
      const select = document.createElement('select');
      select.tabIndex = -1;
      for (const org of ORGS) {
        const option = document.createElement('option');
        option.value = org.orgId;
        option.textContent = org.orgName;
        select.append(option);
      }
      select.addEventListener('change', () => choose(ORGS.find((org) => org.orgId === select.value)?.orgName ?? ''));
      wrapper.append(select);
      row.append(wrapper);
    }
    const trigger = row.querySelector('button') as HTMLElement;
    trigger.addEventListener('click', () => {
      state.open = !state.open;
      render();
    });
    if (!state.open) return;
    const id = `react-aria${state.renders}-:r${state.renders}:`;
    trigger.setAttribute('aria-controls', id);
    listbox = document.createElement('div');
    listbox.id = id;
    listbox.setAttribute('role', 'listbox');
    for (const org of rendered) {
      const option = document.createElement('div');
      option.setAttribute('role', 'option');
      option.dataset.key = org.orgId;
      option.textContent = org.orgName;
      option.addEventListener('click', () => choose(org.orgName));
      listbox.append(option);
    }
    document.body.append(listbox);
  }
  render();
  return state;
}

const startView = () => {
  const view = detectCreativeCloudView(document);
  if (!view) throw new Error('the fixture is a Creative Cloud view');
  return view;
};

describe('choosing an org in a picker the console re-creates', () => {
  it('finds the new trigger, the new listbox and the option after each re-render', async () => {
    const state = recreatingConsole(ORGS);
    expect(await chooseNativeOption(startView(), BETA.orgId, ORGS)).toBe(true);
    expect(state.value).toBe(BETA.orgName);
    // Opened, then chosen: the row was rendered three times, and the first trigger is gone.
    expect(state.renders).toBe(3);
  });

  it("uses the console's hidden select for an org its list has not rendered", async () => {
    const state = recreatingConsole([ACME, BETA], { hiddenSelect: true });
    expect(await chooseNativeOption(startView(), FAR.orgId, ORGS)).toBe(true);
    expect(state.value).toBe(FAR.orgName);
  });

  it('reports false, choosing nothing, when neither the list nor a hidden select offers the org', async () => {
    const state = recreatingConsole([ACME, BETA]);
    expect(await chooseNativeOption(startView(), FAR.orgId, ORGS)).toBe(false);
    expect(state.value).toBe('None');
  });
});
