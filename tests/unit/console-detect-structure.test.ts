// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readCurrentOrgCard, watchCurrentOrgCard } from '@/lib/console-page/current-org-card';
import { detectCreativeCloudView, listboxOptions, openListbox, optionsConfirmView } from '@/lib/console-page/detect';
import { createViewConfirmation } from '@/lib/console-page/view-confirmation';

// Detection by structure alone, for a console language the profile has no labels for: a listbox
// picker, a button beside it, an org id in the section or the card beside it; confirmed only once
// the options are the user's orgs. And the current-org card, found the same way.

const ACME = { orgId: '0123456789ABCDEF01234567@AdobeOrg', orgName: 'Acme' };
const BETA = { orgId: 'BBBBBBBBBBBBBBBBBBBBBBBB@AdobeOrg', orgName: 'Beta Corp' };
const GAMMA = { orgId: 'CCCCCCCCCCCCCCCCCCCCCCCC@AdobeOrg', orgName: 'Gamma' };
const ORGS = [ACME, BETA, GAMMA];

afterEach(() => {
  document.body.replaceChildren();
});

/** The Spanish console: card, then the section with the picker and the button; React Spectrum's popover when open. */
function spanishConsole({ card = ACME.orgId, open = false, options = ORGS.map((org) => org.orgName) } = {}) {
  const value = card
    ? `<div><span>Acme</span><span>${card}</span></div>`
    : '<p>No hay ninguna organización conectada.</p>';
  document.body.innerHTML = `<main><div class="view-body">
    <section id="card"><h2>ID de organización de Creative Cloud actual</h2>${value}</section>
    <section id="controls-section"><h2>Organización de Creative Cloud</h2><div id="row">
      <span id="label">Seleccionar nuevo ID de organización de Creative Cloud</span>
      <button id="picker" aria-haspopup="listbox" aria-expanded="${open}" aria-labelledby="label value"><span id="value">Seleccione una organización</span></button>
      <button id="switch" disabled>Cambiar de organización</button>
    </div></section></div></main>`;
  if (open) {
    const items = options.map((name) => `<div role="option">${name}</div>`).join('');
    document.body.insertAdjacentHTML('beforeend', `<div class="popover"><div role="listbox">${items}</div></div>`);
  }
}

describe('detection by structure', () => {
  it('finds the picker, the button after it and the picker’s own label, with no words from the profile', () => {
    spanishConsole();
    const view = detectCreativeCloudView(document);
    expect(view).toMatchObject({ signal: 'structure', locale: undefined });
    expect(view?.picker.id).toBe('picker');
    expect(view?.switchButton.id).toBe('switch');
    expect(view?.controls.id).toBe('row');
    expect(view?.pickerLabel).toBe('Seleccionar nuevo ID de organización de Creative Cloud');
  });

  it('keeps labels as the fast path where they match', () => {
    document.body.innerHTML = `<section><div><button aria-haspopup="listbox">Select new Creative Cloud org ID</button><button>Switch orgs</button></div></section>`;
    expect(detectCreativeCloudView(document)).toMatchObject({ signal: 'labels', locale: 'en' });
  });

  it('finds nothing on a page that merely has a listbox picker and a button, with no org id anywhere', () => {
    document.body.innerHTML = `<main><section><h2>Idioma</h2><div>
      <button aria-haspopup="listbox">Español</button><button>Guardar</button></div></section>
      <section><p>Preferencias</p></section></main>`;
    expect(detectCreativeCloudView(document)).toBeUndefined();
  });

  it('finds nothing for a picker without a button beside it, even beside an org id', () => {
    document.body.innerHTML = `<main><section><p>${ACME.orgId}</p></section><section><div>
      <button aria-haspopup="listbox">Acme</button></div></section></main>`;
    // The picker is the only button in its section, and the page's other sections hold none.
    expect(detectCreativeCloudView(document)).toBeUndefined();
  });

  it('finds nothing for a picker that is a menu, not a listbox', () => {
    spanishConsole();
    document.getElementById('picker')?.setAttribute('aria-haspopup', 'menu');
    expect(detectCreativeCloudView(document)).toBeUndefined();
  });
});

describe('confirming a view found by structure against the user’s orgs', () => {
  it('is confirmed once the open listbox shows the user’s orgs', () => {
    spanishConsole();
    const confirmation = createViewConfirmation();
    const closed = detectCreativeCloudView(document);
    expect(closed && confirmation.check(closed, ORGS)).toBe(false);
    spanishConsole({ open: true });
    const open = detectCreativeCloudView(document);
    expect(open && confirmation.check(open, ORGS)).toBe(true);
    // Holds while the view stays mounted, even once the listbox closes again.
    spanishConsole();
    const closedAgain = detectCreativeCloudView(document);
    expect(closedAgain && confirmation.check(closedAgain, ORGS)).toBe(true);
  });

  it('is not confirmed when the listbox’s options are not the user’s orgs', () => {
    spanishConsole({ open: true, options: ['Inglés', 'Español', 'Coreano'] });
    const view = detectCreativeCloudView(document);
    const listbox = view && openListbox(view);
    expect(listbox).toBeDefined();
    expect(optionsConfirmView(listboxOptions(listbox as HTMLElement), ORGS)).toBe(false);
    expect(view && createViewConfirmation().check(view, ORGS)).toBe(false);
  });

  it('is not confirmed without the user’s orgs (signed out), nor by an empty listbox', () => {
    spanishConsole({ open: true });
    const view = detectCreativeCloudView(document);
    expect(view && createViewConfirmation().check(view, [])).toBe(false);
    spanishConsole({ open: true, options: [] });
    const empty = detectCreativeCloudView(document);
    expect(empty && createViewConfirmation().check(empty, ORGS)).toBe(false);
  });

  it('allows one option in five the worker’s list does not have yet, not more', () => {
    const option = (name: string) => Object.assign(document.createElement('div'), { textContent: name });
    const known = ['Acme', 'Beta Corp', 'Gamma', 'Acme'].map(option);
    expect(optionsConfirmView([...known, option('Brand new org')], ORGS)).toBe(true);
    expect(optionsConfirmView([...known.slice(0, 3), option('New 1'), option('New 2')], ORGS)).toBe(false);
  });

  it('confirms a view found by labels at once', () => {
    document.body.innerHTML = `<section><div><button aria-haspopup="listbox">Select new Creative Cloud org ID</button><button>Switch orgs</button></div></section>`;
    const view = detectCreativeCloudView(document);
    expect(view && createViewConfirmation().check(view, [])).toBe(true);
  });
});

describe('the current-org card', () => {
  it('is found by structure beside the controls’ section, with the org id it shows', () => {
    spanishConsole();
    expect(readCurrentOrgCard(document)).toEqual({ card: document.getElementById('card'), orgId: ACME.orgId });
  });

  it('shows no org when the card beside the controls has a heading and no id', () => {
    spanishConsole({ card: '' });
    // No org id anywhere: the view itself is not recognised by structure, so no card is read.
    expect(readCurrentOrgCard(document)).toBeUndefined();
    document.body.innerHTML = `<main><div><section id="card"><h2>Current Creative Cloud org ID</h2><p>None</p></section>
      <section><div><button aria-haspopup="listbox">Select new Creative Cloud org ID</button><button>Switch orgs</button></div></section></div></main>`;
    expect(readCurrentOrgCard(document)).toEqual({ card: document.getElementById('card'), orgId: null });
  });

  it('ignores a look-alike card outside the view’s own container', () => {
    spanishConsole();
    document.body.insertAdjacentHTML(
      'afterbegin',
      `<section><h2>Current Creative Cloud org ID</h2><p>${BETA.orgId}</p></section>`,
    );
    expect(readCurrentOrgCard(document)?.orgId).toBe(ACME.orgId);
  });

  it('reports a new org only once it holds through the next render, not a value that flickers through', async () => {
    spanishConsole();
    const seen: (string | null | undefined)[] = [];
    const stop = watchCurrentOrgCard(document, (orgId) => seen.push(orgId));
    const idSpan = () => document.querySelector('#card span:last-child') as HTMLElement;
    // Shown for one task, then back before the page renders again.
    idSpan().textContent = BETA.orgId;
    await new Promise((resolve) => setTimeout(resolve, 0));
    idSpan().textContent = ACME.orgId;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 150)));
    expect(seen).toEqual([]);
    // Shown and kept.
    idSpan().textContent = GAMMA.orgId;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 150)));
    expect(seen).toEqual([GAMMA.orgId]);
    stop();
  });
});
