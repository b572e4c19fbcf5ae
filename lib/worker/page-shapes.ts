import { browser } from 'wxt/browser';
import { PAGE_SHAPE_SCRIPT_FILE } from '../console-hosts';
import { type KnownNames, redactPageShape } from '../diagnostics/page-shape';
import { type PageShape, pageShapeSchema } from '../diagnostics/page-shape-schema';
import type { ConsoleState } from '../messaging/contract';

/**
 * The page shape of the console in one tab, for the diagnostics report: the worker injects the
 * page-shape script into the tab's frames (the same way as the UI, so nothing is web-accessible),
 * parses each frame's answer with the contract's schema and redacts it. The script answers only in
 * a console shell or app frame (anything else, e.g. an author host the tab shows, answers null). A frame that answers
 * nothing usable is counted, not guessed at.
 */
export interface TabPageShape {
  frames: PageShape[];
  /** Frames that gave no shape (not a console host, navigated away, or an answer that did not parse). */
  framesWithout: number;
  /** Why no frame could be read at all. */
  error?: string;
}

export function knownNamesIn(states: readonly ConsoleState[]): KnownNames {
  const orgNames: string[] = [];
  const userNames: string[] = [];
  for (const state of states) {
    if (!state.signedIn) continue;
    userNames.push(state.identity.name, state.identity.email);
    if (state.aemOrg.status === 'resolved') orgNames.push(state.aemOrg.org.name);
    else orgNames.push(...state.aemOrg.candidates.map((org) => org.name));
    orgNames.push(...(state.console?.model.orgs.map((org) => org.orgName) ?? []));
    if (state.console?.connection?.connectedOrg) orgNames.push(state.console.connection.connectedOrg.name);
  }
  return { orgNames, userNames };
}

export async function collectPageShape(tabId: number, known: KnownNames): Promise<TabPageShape> {
  let results: { result?: unknown }[];
  try {
    results = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: [`/${PAGE_SHAPE_SCRIPT_FILE}`],
    });
  } catch (error) {
    return { frames: [], framesWithout: 0, error: error instanceof Error ? error.message.slice(0, 200) : 'unreadable' };
  }
  const frames: PageShape[] = [];
  for (const { result } of results) {
    const parsed = pageShapeSchema.safeParse(result);
    if (parsed.success) frames.push(redactPageShape(parsed.data, known));
  }
  return { frames, framesWithout: results.length - frames.length };
}
