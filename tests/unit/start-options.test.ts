import { describe, expect, it } from 'vitest';
import { SANDBOX_DEFAULT_PORT } from '../../lib/environment';
import { SCENARIOS } from '../../sandbox/scenarios';
import { parseStartOptions } from '../../scripts/start-options';

// `npm start -- …`: a typo must stop before a minute of building, with a message naming what is valid.
const acme = SCENARIOS.default;
const ada = acme.users.find((user) => user.email === 'ada@acme.example');

describe('npm start arguments', () => {
  it('starts the default scenario on the default port, signed out, when given nothing', () => {
    expect(parseStartOptions([])).toEqual({
      port: SANDBOX_DEFAULT_PORT,
      scenario: 'default',
      lang: undefined,
      signInAs: undefined,
      console: undefined,
    });
  });

  it('sets the console page up as React Spectrum builds it, and names the valid forms on a typo', () => {
    expect(parseStartOptions(['--picker', 'virtualized', '--recreate', '--errors', 'toast']).console).toEqual({
      picker: 'virtualized',
      recreate: true,
      errors: 'toast',
    });
    expect(parseStartOptions(['--errors=inline']).console).toEqual({ errors: 'inline' });
    expect(() => parseStartOptions(['--picker', 'virtual'])).toThrow(
      /Unknown picker form virtual; one of .*virtualized/,
    );
    expect(() => parseStartOptions(['--errors', 'popup'])).toThrow(/one of status, toast, inline/);
  });

  it('signs in as the scenario account named by e-mail, name or user ID, in any case', () => {
    expect(ada).toBeDefined();
    for (const name of ['ada@acme.example', 'ADA@Acme.Example', 'Ada Lovelace', ada?.userId ?? ''])
      expect(parseStartOptions(['--sign-in', name]).signInAs, name).toEqual(ada);
    expect(parseStartOptions(['--sign-in=ada@acme.example']).signInAs).toEqual(ada);
  });

  it("looks the account up in the chosen scenario's users", () => {
    const hedy = SCENARIOS['many-orgs'].users[0];
    expect(parseStartOptions(['--scenario', 'many-orgs', '--sign-in', hedy?.email ?? '']).signInAs).toEqual(hedy);
    expect(() => parseStartOptions(['--scenario', 'many-orgs', '--sign-in', 'ada@acme.example'])).toThrow(
      /No account ada@acme\.example in scenario many-orgs; one of: .*@/,
    );
  });

  it('asks for the user ID when personal and enterprise accounts share the e-mail', () => {
    const scenario = SCENARIOS['same-email-different-ids'];
    const shared = scenario.users.filter((user) => user.email === scenario.users[0]?.email);
    expect(shared).toHaveLength(2);
    expect(() =>
      parseStartOptions(['--scenario', 'same-email-different-ids', '--sign-in', shared[0]?.email ?? '']),
    ).toThrow(/names 2 accounts .* name one by user ID/);
    const [, second] = shared;
    expect(
      parseStartOptions(['--scenario', 'same-email-different-ids', '--sign-in', second?.userId ?? '']).signInAs,
    ).toEqual(second);
  });

  it('refuses an unknown account, scenario, port or option, and --sign-in without a value', () => {
    expect(() => parseStartOptions(['--sign-in', 'nobody@example.com'])).toThrow(/one of: ada@acme\.example/);
    expect(() => parseStartOptions(['--scenario', 'nope'])).toThrow(/Unknown scenario nope; one of default,/);
    expect(() => parseStartOptions(['--port', '70000'])).toThrow(/Not a port: 70000/);
    expect(() => parseStartOptions(['--signin', 'ada@acme.example'])).toThrow(/Unknown option '--signin'/);
    expect(() => parseStartOptions(['--sign-in'])).toThrow(/argument missing/);
  });

  it('passes the port, scenario and console language through', () => {
    expect(parseStartOptions(['--port', '0', '--scenario', 'extension-refused', '--lang', 'sv'])).toMatchObject({
      port: 0,
      scenario: 'extension-refused',
      lang: 'sv',
    });
  });

  it('accepts the console languages the profile has no labels for, and refuses one the sandbox lacks', () => {
    for (const lang of ['es', 'ko', 'zh-TW']) expect(parseStartOptions(['--lang', lang]).lang).toBe(lang);
    expect(() => parseStartOptions(['--lang', 'xx'])).toThrow(/Unknown console language xx; one of en, sv,/);
  });
});
