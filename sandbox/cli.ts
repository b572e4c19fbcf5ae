import { parseArgs } from 'node:util';
import { SANDBOX_DEFAULT_PORT } from '../lib/environment';
import { SCENARIO_NAMES, SCENARIOS, type ScenarioName, scenarioNameSchema } from './scenarios';
import { startSandbox } from './server';

/** `npm run sandbox [-- --port 4870 --scenario default]`: the console sandbox until Ctrl-C. */

const USAGE = `Usage: npm run sandbox -- [--port <1-65535>] [--scenario <name>]

  --port      port on 127.0.0.1 (default ${SANDBOX_DEFAULT_PORT}; 0 picks a free one)
  --scenario  one of: ${SCENARIO_NAMES.join(', ')} (default: default)
  --help      show this help`;

interface CliOptions {
  port: number;
  scenario: ScenarioName;
}

function readOptions(argv: string[]): CliOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, scenario: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const port = values.port === undefined ? SANDBOX_DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${values.port}`);
  const scenario = scenarioNameSchema.safeParse(values.scenario ?? 'default');
  if (!scenario.success) throw new Error(`Unknown scenario: ${values.scenario}`);
  return { port, scenario: scenario.data };
}

async function main(): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }

  const sandbox = await startSandbox({ port: options.port, scenario: options.scenario });
  const { tenant } = SCENARIOS[options.scenario].aemOrg;
  console.log(`Console sandbox (scenario: ${options.scenario}) on 127.0.0.1 only
Shell             ${sandbox.shellUrl}
Settings > CC     ${sandbox.shellUrl}?repoId=${new URL(sandbox.shellUrl).host}#/@${tenant}/assets/settings/creative-cloud
IMS and API base  ${sandbox.apiBaseUrl}
Control API       ${sandbox.apiBaseUrl}/__sandbox/
Press Ctrl-C to stop.`);

  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('The sandbox could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
