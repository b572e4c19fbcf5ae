import { parseArgs } from 'node:util';
import { SANDBOX_DEFAULT_PORT } from '../lib/environment';
import { CONSOLE_LANGUAGES, type ConsoleLanguage } from '../sandbox/console/browser/locales/languages';
import {
  CONSOLE_ERROR_FORMS,
  type ConsoleErrorForm,
  isConsoleErrorForm,
  isPickerForm,
  PICKER_FORMS,
  type PickerForm,
} from '../sandbox/console/picker-forms';
import { SCENARIOS, type ScenarioName, type ScenarioUser, scenarioNameSchema } from '../sandbox/scenarios';

/** `npm start`'s command line, parsed and checked before anything is built or launched. */

export const START_USAGE = `Usage: npm start -- [--port <port>] [--scenario <name>] [--lang <${CONSOLE_LANGUAGES.join('|')}>] [--sign-in <e-mail, name or user ID>] [--picker <form>] [--recreate] [--errors <status|toast|inline>]`;

export interface StartOptions {
  port: number;
  scenario: ScenarioName;
  lang: ConsoleLanguage | undefined;
  /** The sandbox account to sign in with on the sandbox's login page before the console opens. */
  signInAs: ScenarioUser | undefined;
  /** How the console page behaves (sandbox/README.md#console-behaviour); undefined: the scenario's own. */
  console: { picker?: PickerForm; recreate?: boolean; errors?: ConsoleErrorForm } | undefined;
}

export function parseStartOptions(args: readonly string[]): StartOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string' },
      scenario: { type: 'string' },
      lang: { type: 'string' },
      'sign-in': { type: 'string' },
      picker: { type: 'string' },
      recreate: { type: 'boolean' },
      errors: { type: 'string' },
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
  const { picker, recreate, errors } = values;
  if (picker !== undefined && !isPickerForm(picker))
    throw new Error(`Unknown picker form ${picker}; one of ${PICKER_FORMS.join(', ')}`);
  if (errors !== undefined && !isConsoleErrorForm(errors))
    throw new Error(`Unknown error form ${errors}; one of ${CONSOLE_ERROR_FORMS.join(', ')}`);
  const consoleOptions = { ...(picker && { picker }), ...(recreate && { recreate }), ...(errors && { errors }) };
  return {
    port,
    scenario: scenario.data,
    lang: lang as ConsoleLanguage | undefined,
    signInAs: signIn === undefined ? undefined : scenarioUser(scenario.data, signIn),
    console: Object.keys(consoleOptions).length > 0 ? consoleOptions : undefined,
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
