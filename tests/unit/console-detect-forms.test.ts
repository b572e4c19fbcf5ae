// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { detectCreativeCloudView, listboxOptions, openListbox, optionOrgId } from '@/lib/console-page/detect';
import { UI_SLOT_ATTRIBUTE } from '@/lib/console-page/markers';
import { chooseNativeOption } from '@/lib/console-page/native-picker-actions';

// Detection over DOM fixtures of each form a console's picker may take (the sandbox console
// renders the same forms for the browser tests).

const ACME = { orgId: '0123456789ABCDEF01234567@AdobeOrg', orgName: 'Acme Design Studio' };
const BETA = { orgId: 'BBBBBBBBBBBBBBBBBBBBBBBB@AdobeOrg', orgName: 'Beta Corp' };
const TWIN_A = { orgId: 'CCCCCCCCCCCCCCCCCCCCCCCC@AdobeOrg', orgName: 'Twin Org' };
const TWIN_B = { orgId: 'DDDDDDDDDDDDDDDDDDDDDDDD@AdobeOrg', orgName: 'Twin Org' };
const ORGS = [ACME, BETA, TWIN_A, TWIN_B];
const LABEL = 'Select new Creative Cloud org ID';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
});

function render(html: string): void {
  document.body.insertAdjacentHTML('beforeend', html);
}

const trigger = (extra = '') =>
  `<span id="label">${LABEL}</span><button id="trigger" aria-haspopup="listbox" aria-labelledby="label value" ${extra}><span id="value">Beta Corp</span></button>`;
const switchButton = '<button disabled>Switch orgs</button>';

describe('the classic form: a listbox the picker controls, options show name and id', () => {
  it('finds the view, its listbox and each option’s id in its text', () => {
    render(`<section><div class="row"><div>${trigger('aria-expanded="true" aria-controls="lb"')}
      <ul id="lb" role="listbox"><li role="option">Acme Design Studio<span>${ACME.orgId}</span></li></ul></div>${switchButton}</div></section>`);
    const view = detectCreativeCloudView(document);
    expect(view?.picker.id).toBe('trigger');
    expect(view?.switchButton.textContent).toBe('Switch orgs');
    const listbox = view && openListbox(view);
    expect(listbox?.id).toBe('lb');
    expect(listboxOptions(listbox as HTMLElement).map((option) => optionOrgId(option, []))).toEqual([ACME.orgId]);
  });
});

describe('the labelled-by form: the listbox names the picker’s label, options carry ids in attributes', () => {
  it('finds a listbox outside the controls by its aria-labelledby', () => {
    render(`<div class="row"><div>${trigger()}</div>${switchButton}</div>
      <div role="listbox" aria-labelledby="label"><div role="option" data-value="${BETA.orgId}">Beta Corp</div></div>`);
    const view = detectCreativeCloudView(document);
    const listbox = view && openListbox(view);
    expect(listbox?.getAttribute('aria-labelledby')).toBe('label');
    expect(listboxOptions(listbox as HTMLElement).map((option) => optionOrgId(option, []))).toEqual([BETA.orgId]);
  });

  it('reads an id from value, data-org-id, data-key or an element id that contains one', () => {
    for (const attribute of ['value', 'data-org-id', 'data-key']) {
      const option = document.createElement('div');
      option.setAttribute(attribute, ACME.orgId);
      option.textContent = 'Someone else';
      expect(optionOrgId(option, ORGS), attribute).toBe(ACME.orgId);
    }
    const option = document.createElement('div');
    option.id = `react-aria-option-${BETA.orgId}`;
    expect(optionOrgId(option, [])).toBe(BETA.orgId);
  });
});

describe('the portalled form: no link, listbox at the end of <body>, options show only the name', () => {
  const portalled = (expanded: boolean, listboxes: string) =>
    render(`<div><div>${trigger(`aria-expanded="${expanded}"`)}</div>${switchButton}</div>
      <div role="listbox" aria-labelledby="other-label"><div role="option">Unrelated</div></div>${listboxes}`);
  const popover = (names: string[]) =>
    `<div><div role="listbox">${names.map((name) => `<div role="option"><span>${name}</span></div>`).join('')}</div></div>`;

  it('takes the one visible listbox while the picker is expanded, ignoring one labelled by something else', () => {
    portalled(true, popover(['Acme Design Studio', ' Beta   Corp ', 'Twin Org', 'Unknown Org']));
    const view = detectCreativeCloudView(document);
    const listbox = view && openListbox(view);
    expect(listbox?.parentElement?.parentElement).toBe(document.body);
    const ids = listboxOptions(listbox as HTMLElement).map((option) => optionOrgId(option, ORGS));
    // Exact (whitespace-normalised) names map to ids; an ambiguous or unknown name to nothing.
    expect(ids).toEqual([ACME.orgId, BETA.orgId, undefined, undefined]);
  });

  it('matches names exactly, not by prefix or case', () => {
    const option = document.createElement('div');
    for (const name of ['Acme', 'acme design studio', 'Acme Design Studio Ltd']) {
      option.textContent = name;
      expect(optionOrgId(option, ORGS), name).toBeUndefined();
    }
  });

  it('takes no listbox while the picker is collapsed', () => {
    portalled(false, popover(['Acme Design Studio']));
    const view = detectCreativeCloudView(document);
    expect(view && openListbox(view)).toBeUndefined();
  });

  it('takes none when two unlinked listboxes are shown: it cannot tell which is the picker’s', () => {
    portalled(true, popover(['Acme Design Studio']) + popover(['Beta Corp']));
    const view = detectCreativeCloudView(document);
    expect(view && openListbox(view)).toBeUndefined();
  });

  it('prefers the portalled listbox labelled by the picker’s label over other shown ones', () => {
    portalled(
      true,
      `${popover(['Beta Corp'])}<div role="listbox" aria-labelledby="label"><div role="option">Acme Design Studio</div></div>`,
    );
    const view = detectCreativeCloudView(document);
    const listbox = view && openListbox(view);
    expect(listbox?.getAttribute('aria-labelledby')).toBe('label');
  });

  it('leaves out a hidden listbox a library keeps in the page', () => {
    portalled(true, `<div hidden>${popover(['Beta Corp'])}</div>${popover(['Acme Design Studio'])}`);
    const view = detectCreativeCloudView(document);
    const listbox = view && openListbox(view);
    expect(listboxOptions(listbox as HTMLElement)[0]?.textContent).toBe('Acme Design Studio');
  });
});

/** A Spectrum-Web-Components-like picker: button and label in an open shadow root, options slotted. */
function webComponentPicker(mode: ShadowRootMode, open: boolean): HTMLElement {
  const row = document.createElement('div');
  const picker = document.createElement('x-picker');
  const shadow = picker.attachShadow({ mode });
  shadow.innerHTML = `${trigger(`aria-expanded="${open}"`)}${open ? '<div role="listbox" aria-labelledby="label"><slot></slot></div>' : ''}`;
  if (open) {
    picker.innerHTML = `<x-item role="option" value="${ACME.orgId}">Acme Design Studio</x-item><x-item role="option">Beta Corp</x-item>`;
  }
  const switchElement = document.createElement('x-button');
  switchElement.setAttribute('role', 'button');
  switchElement.setAttribute('tabindex', '0');
  switchElement.textContent = 'Switch orgs';
  row.append(picker, switchElement);
  document.body.append(row);
  return row;
}

describe('the web-component form: parts in an open shadow root, options in the light DOM', () => {
  it('finds the picker inside the shadow root and the role="button" custom element beside it', () => {
    const row = webComponentPicker('open', true);
    const view = detectCreativeCloudView(document);
    expect(view?.picker.id).toBe('trigger');
    expect(view?.picker.getRootNode()).toBeInstanceOf(ShadowRoot);
    expect(view?.switchButton.tagName).toBe('X-BUTTON');
    expect(view?.controls).toBe(row);
    const listbox = view && openListbox(view);
    expect(listbox?.getRootNode()).toBeInstanceOf(ShadowRoot);
    expect(listboxOptions(listbox as HTMLElement).map((option) => optionOrgId(option, ORGS))).toEqual([
      ACME.orgId,
      BETA.orgId,
    ]);
  });

  it('cannot see into a closed shadow root, by design', () => {
    webComponentPicker('closed', true);
    expect(detectCreativeCloudView(document)).toBeUndefined();
  });
});

describe('our own UI', () => {
  it('is never taken for the console’s picker', () => {
    const slot = document.createElement('div');
    slot.setAttribute(UI_SLOT_ATTRIBUTE, '');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = `<div>${trigger()}${switchButton}</div>`;
    slot.append(host);
    document.body.append(slot);
    expect(detectCreativeCloudView(document)).toBeUndefined();
  });
});

/** A portalled picker that renders its listbox a moment after the click, as real consoles do. */
function scriptedPortalledPicker(names: string[]): HTMLElement {
  render(`<div><div>${trigger('aria-expanded="false"')}</div>${switchButton}</div>`);
  const button = document.getElementById('trigger') as HTMLElement;
  const value = document.getElementById('value') as HTMLElement;
  value.textContent = 'None';
  button.addEventListener('click', () => {
    setTimeout(() => {
      button.setAttribute('aria-expanded', 'true');
      const listbox = document.createElement('div');
      listbox.setAttribute('role', 'listbox');
      for (const name of names) {
        const option = document.createElement('div');
        option.setAttribute('role', 'option');
        option.textContent = name;
        option.addEventListener('click', () => {
          listbox.remove();
          button.setAttribute('aria-expanded', 'false');
          setTimeout(() => {
            value.textContent = name;
          }, 10);
        });
        listbox.append(option);
      }
      document.body.append(listbox);
    }, 20);
  });
  return value;
}

describe('choosing an org in the native picker', () => {
  it('opens the picker, waits for its listbox, clicks the org and sees the picker show it', async () => {
    const value = scriptedPortalledPicker(['Acme Design Studio', 'Beta Corp']);
    const view = detectCreativeCloudView(document);
    if (!view) throw new Error('the fixture is a Creative Cloud view');
    expect(await chooseNativeOption(view, BETA.orgId, ORGS)).toBe(true);
    expect(value.textContent).toBe('Beta Corp');
  });

  it('refuses an org whose name the picker shares with another org', async () => {
    const value = scriptedPortalledPicker(['Twin Org']);
    const view = detectCreativeCloudView(document);
    if (!view) throw new Error('the fixture is a Creative Cloud view');
    expect(await chooseNativeOption(view, TWIN_A.orgId, ORGS)).toBe(false);
    expect(value.textContent).toBe('None');
  });

  it('refuses an org that is not in the user’s list', async () => {
    scriptedPortalledPicker(['Acme Design Studio']);
    const view = detectCreativeCloudView(document);
    if (!view) throw new Error('the fixture is a Creative Cloud view');
    expect(await chooseNativeOption(view, 'EEEEEEEEEEEEEEEEEEEEEEEE@AdobeOrg', ORGS)).toBe(false);
  });

  it('opens a closed picker first even when its listbox stays in the page while closed', async () => {
    render(`<div><div>${trigger('aria-expanded="false"')}</div>${switchButton}</div>
      <div role="listbox" aria-labelledby="label" hidden><div role="option">Beta Corp</div></div>`);
    const button = document.getElementById('trigger') as HTMLElement;
    const listbox = document.querySelector('[role="listbox"]') as HTMLElement;
    button.addEventListener('click', () => {
      button.setAttribute('aria-expanded', 'true');
      listbox.hidden = false;
    });
    // The console ignores a click on an option it does not show.
    listbox.querySelector('[role="option"]')?.addEventListener('click', () => {
      if (!listbox.hidden) (document.getElementById('value') as HTMLElement).textContent = 'Beta Corp';
    });
    (document.getElementById('value') as HTMLElement).textContent = 'None';
    const view = detectCreativeCloudView(document);
    if (!view) throw new Error('the fixture is a Creative Cloud view');
    expect(await chooseNativeOption(view, BETA.orgId, ORGS)).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });

  it('chooses in a web component, options slotted into its shadow listbox', async () => {
    webComponentPicker('open', true);
    const view = detectCreativeCloudView(document);
    if (!view) throw new Error('the fixture is a Creative Cloud view');
    const shadow = view.picker.getRootNode() as ShadowRoot;
    for (const option of view.controls.querySelectorAll('x-item')) {
      option.addEventListener('click', () => {
        (shadow.getElementById('value') as HTMLElement).textContent = option.textContent;
      });
    }
    expect(await chooseNativeOption(view, ACME.orgId, ORGS)).toBe(true);
    expect(shadow.getElementById('value')?.textContent).toBe(ACME.orgName);
  });
});
