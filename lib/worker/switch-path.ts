import { z } from 'zod/mini';
import { withNewestEntry } from '../bounded-record';
import { type SwitchPath, switchPathSchema } from '../history/entry';
import { HttpError } from '../http/errors';
import { storedItem } from '../stored-items';

export type { SwitchPath };

/**
 * The console's Assets API is private: where its gateway does not know the extension's IMS
 * client it answers 403 with a code of its own, or 404. Either way the API is unavailable to
 * the extension, and the switch goes through the console page instead. A 403 NOT_ASSETS_ADMIN
 * is a real answer about the user, not a refusal of the client.
 */
export function isAssetsApiUnavailable(error: unknown): boolean {
  if (!(error instanceof HttpError)) return false;
  if (error.status === 404) return true;
  return error.status === 403 && error.apiCode !== 'NOT_ASSETS_ADMIN';
}

/**
 * Which path each console used at its last fresh read, in session storage: later requests of
 * the same page (a console switch's begin) follow it instead of asking the API again; every
 * fresh read tries the API first and updates it.
 */
const switchPathByConsole = storedItem('switchPathByConsole');
const pathsSchema = z.record(z.string(), switchPathSchema);

async function readPaths(): Promise<Record<string, SwitchPath>> {
  const parsed = pathsSchema.safeParse(await switchPathByConsole.getValue());
  return parsed.success ? parsed.data : {};
}

export async function rememberSwitchPath(consoleKey: string, path: SwitchPath): Promise<void> {
  const paths = await readPaths();
  if (paths[consoleKey] !== path) await switchPathByConsole.setValue(withNewestEntry(paths, consoleKey, path));
}

export async function rememberedSwitchPath(consoleKey: string): Promise<SwitchPath | undefined> {
  return (await readPaths())[consoleKey];
}
