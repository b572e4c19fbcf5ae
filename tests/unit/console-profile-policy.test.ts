// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCurrentOrgCard } from '@/lib/console-page/current-org-card';
import { detectCreativeCloudView, orgIdFromOptionText } from '@/lib/console-page/detect';
import { applyProfilePolicy, consoleProfile } from '@/lib/console-page/profile';
import { parseConsoleProfilePolicy } from '@/lib/policy/console-profile-policy';
import { parsePolicy, policyProblems } from '@/lib/policy/schemas';

// IT's corrections to the console profile (the policy field `consoleProfile`): each entry checked
// on its own, refused ones named, the valid ones merged over the built-in profile.

const ES = {
  picker: 'Seleccionar nuevo ID de organización de Creative Cloud',
  switchButton: 'Cambiar de organización',
  currentOrgHeading: 'ID de organización de Creative Cloud actual',
};

afterEach(() => {
  applyProfilePolicy({ labels: {} });
  document.body.replaceChildren();
});

describe('parsing the consoleProfile policy field', () => {
  it('keeps labels per language and a usable org-id pattern', () => {
    const raw = {
      labels: { es: ES, 'pt-BR': { picker: 'Selecionar', switchButton: 'Trocar' } },
      orgIdPattern: '[0-9A-F]{24}@AdobeOrg',
    };
    expect(parseConsoleProfilePolicy(raw)).toEqual({ value: raw, refused: [] });
  });

  it('names each refused entry and keeps the others', () => {
    const { value, refused } = parseConsoleProfilePolicy({
      labels: {
        es: ES,
        ko: { picker: '', switchButton: '조직 전환' },
        'not a language': ES,
        it: { picker: 'Seleziona', switchButton: 'Cambia', extra: 'x' },
        zh: 'a string',
      },
      orgIdPattern: '.*',
      colour: 'red',
    });
    expect(value).toEqual({ labels: { es: ES } });
    expect(refused.sort()).toEqual([
      'colour',
      'labels.it',
      'labels.ko',
      'labels.not a language',
      'labels.zh',
      'orgIdPattern',
    ]);
  });

  it.each([
    ['not a regular expression', '[0-9A-F{24}@AdobeOrg'],
    ['one that finds no org id', '@AdobeID'],
    ['one that matches anything', '.*'],
    ['one that finds an id in plain words', '[a-z]+'],
  ])('refuses an org-id pattern that is %s', (_, orgIdPattern) => {
    expect(parseConsoleProfilePolicy({ orgIdPattern }).refused).toEqual(['orgIdPattern']);
  });

  it('refuses a value that is not an object as a whole, leaving the built-in profile', () => {
    expect(parseConsoleProfilePolicy('es')).toEqual({ value: { labels: {} }, refused: ['consoleProfile'] });
  });

  it('is reported like other refused policy values, the valid entries still applying', () => {
    const parsed = parsePolicy({ readOnly: true, consoleProfile: { labels: { es: ES, ko: {} } } });
    expect(parsed.policy).toEqual({ readOnly: true, consoleProfile: { labels: { es: ES } } });
    expect(parsed.invalidFields).toEqual(['consoleProfile']);
    expect(parsed.refusedEntries).toEqual({ consoleProfile: ['labels.ko'] });
    expect(policyProblems(parsed)).toEqual([
      {
        field: 'consoleProfile',
        refusedEntries: ['labels.ko'],
        inForce: 'built-in labels for the refused entries',
      },
    ]);
  });

  it('stays loose in the browser’s schema, so Chrome never drops the field before the extension sees it', () => {
    const schema = JSON.parse(readFileSync(path.join(__dirname, '../../public/managed_schema.json'), 'utf8'));
    expect(schema.properties.consoleProfile).toMatchObject({ type: 'object' });
    expect(JSON.stringify(schema.properties.consoleProfile)).not.toMatch(/"pattern"|"properties"|"required"/);
  });
});

describe('the policy merged over the built-in profile', () => {
  /** A Spanish console with no org connected: no org id anywhere, so structure alone finds nothing. */
  function spanishConsoleWithoutConnection() {
    document.documentElement.lang = 'es';
    document.body.innerHTML = `<main><div>
      <section id="card"><h2>${ES.currentOrgHeading}</h2><p>No hay ninguna organización conectada.</p></section>
      <section><div><span id="l">${ES.picker}</span><button aria-haspopup="listbox" aria-labelledby="l v"><span id="v">Seleccione</span></button>
      <button>${ES.switchButton}</button></div></section></div></main>`;
  }

  it('recognises a console by the labels IT gave for its language, and its card by the heading', () => {
    spanishConsoleWithoutConnection();
    expect(detectCreativeCloudView(document)).toBeUndefined();
    applyProfilePolicy({ labels: { es: ES } });
    expect(detectCreativeCloudView(document)).toMatchObject({ signal: 'labels', locale: 'es', pickerLabel: ES.picker });
    expect(readCurrentOrgCard(document)).toEqual({ card: document.getElementById('card'), orgId: null });
  });

  it('keeps the built-in languages, and lets a policy entry correct one', () => {
    applyProfilePolicy({ labels: { de: { picker: 'Neue Org wählen', switchButton: 'Wechseln' } } });
    expect(consoleProfile.labels.en?.picker).toBe('Select new Creative Cloud org ID');
    expect(consoleProfile.labels.de).toEqual({ picker: 'Neue Org wählen', switchButton: 'Wechseln' });
  });

  it('finds org ids with the pattern IT set', () => {
    const id = '0123456789ABCDEF01234567@AdobeOrg';
    expect(orgIdFromOptionText(`ref-X${id}`)).toBe(id);
    applyProfilePolicy({ labels: {}, orgIdPattern: '(?<![0-9A-Za-z])[0-9A-F]{24}@AdobeOrg' });
    expect(orgIdFromOptionText(`ref-X${id}`)).toBeUndefined();
    expect(orgIdFromOptionText(`Acme ${id}`)).toBe(id);
  });
});
