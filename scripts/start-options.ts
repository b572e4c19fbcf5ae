import { parseArgs } from 'node:util';
import { SANDBOX_DEFAULT_PORT } from '../lib/environment';
import { CONSOLE_LANGUAGES, type ConsoleLanguage } from '../sandbox/console/browser/locales/languages';
import { SCENARIOS, type ScenarioName, type ScenarioUser, scenarioNameSchema } from '../sandbox/scenarios';

/** `npm start`'s command line, parsed and checked before anything is built or launched. */

export const START_USAGE = `Usage: npm start -- [--port <port>] [--scenario <name>] [--lang <${CONSOLE_LANGUAGES.join('|')}>] [--sign-in <e-mail, name or user ID>]`;

export interface StartOptions {
  port: number;
  scenario: ScenarioName;
  lang: ConsoleLanguage | undefined;
  /** The sandbox account to sign in with on the sandbox's login page before the console opens. */
  signInAs: ScenarioUser | undefined;
}

export function parseStartOptions(args: readonly string[]): StartOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string' },
      scenario: { type: 'string' },
      lang: { type: 'string' },
      'sign-in': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? SANDBOX_DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Not a port: ${values.port}`);
  const scenario = scenarioNameSchema.safeParse(values.scenario ?? 'default');
  if (!scenario.success)
    throw new Error(`Unknown scenario ${values.scenario}; one of ${scenarioNameSchema.options.join(', ')}`);
  const lang = values.lang;
  // The sandbox would quietly show English for a language it does not have.
  if (lang !== undefined && !CONSOLE_LANGUAGES.includes(lang as ConsoleLanguage))
    throw new Error(`Unknown console language ${lang}; one of ${CONSOLE_LANGUAGES.join(', ')}`);
  const signIn = values['sign-in'];
  return {
    port,
    scenario: scenario.data,
    lang: lang as ConsoleLanguage | undefined,
    signInAs: signIn === undefined ? undefined : scenarioUser(scenario.data, signIn),
  };
}

/**
 * The scenario's account an admin names the way the sandbox login page shows it: by e-mail or
 * name (any case), or by user ID. A personal and an enterprise account may share one e-mail
 * (`same-email-different-ids`): then only the user ID tells them apart.
 */
export function scenarioUser(scenarioName: ScenarioName, wanted: string): ScenarioUser {
  const users = SCENARIOS[scenarioName].users;
  const key = wanted.trim().toLowerCase();
  const byId = users.find((user) => user.userId.toLowerCase() === key);
  if (byId) return byId;
  const matches = users.filter((user) => user.email.toLowerCase() === key || user.name.toLowerCase() === key);
  const [only] = matches;
  if (only && matches.length === 1) return only;
  const listed = (matches.length > 1 ? matches : users).map((user) => `${user.email} (${user.name}, ${user.userId})`);
  throw new Error(
    matches.length > 1
      ? `${wanted} names ${matches.length} accounts in scenario ${scenarioName}; name one by user ID: ${listed.join('; ')}`
      : `No account ${wanted} in scenario ${scenarioName}; one of: ${listed.join('; ')}`,
  );
}
