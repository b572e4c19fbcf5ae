import type { ErrorCode } from '../errors';
import type { HistoryEntry } from '../history/entry';
import type { ConsoleIdentity, ConsoleSwitchOutcome, MessageError } from '../messaging/contract';
import { sendRequest } from '../messaging/send';
import type { OrgRef } from '../org-id';
import { normalizeText } from './accessible-name';
import { cardShowsAfterNextRender, readCurrentOrgCard } from './current-org-card';
import { type CreativeCloudView, detectCreativeCloudView, type OrgNameRef } from './detect';
import { clickPastGuard } from './native-guard';
import {
  chooseNativeOption,
  isPressable,
  NATIVE_PICKER_WAIT_MS,
  pickerShowsOrg,
  rootsOf,
  whenFound,
} from './native-picker-actions';

/**
 * The content script's half of a switch through the console page, for consoles whose Assets
 * API refuses the extension. The worker validates, locks and records it (`beginConsoleSwitch`);
 * this module selects the org in the native picker, presses the native "Switch orgs" past the
 * native guard (the admin confirmed in our dialog), and reports success only once the page's
 * "Current Creative Cloud org ID" shows the new org (`finishConsoleSwitch`).
 */

/** The longest wait for the page to show the outcome; the worker's lock outlives it. */
export const CONSOLE_SWITCH_WAIT_MS = 30_000;

export type ConsoleSwitchResult =
  | { ok: true; entry: HistoryEntry; from: OrgRef | null; to: OrgRef }
  | { ok: false; error: MessageError; to?: OrgRef };

const LIVE_REGION_SELECTOR = '[role="status"], [role="alert"]';

/** The console's own live regions (status, alert) and what they say; our UI sits in a shadow root. */
function liveRegionTexts(doc: Document): Map<Element, string> {
  return new Map(
    [...doc.querySelectorAll(LIVE_REGION_SELECTOR)].map((region) => [region, normalizeText(region.textContent)]),
  );
}

interface Observed {
  outcome: ConsoleSwitchOutcome;
  observedOrgId: string | null;
  pageMessage?: string;
}

/**
 * The view as it is now, if its picker shows the confirmed org and its "Switch orgs" can be
 * pressed: the only state in which the native switch is pressed.
 */
function readyToPress(doc: Document, toName: string): CreativeCloudView | undefined {
  const view = detectCreativeCloudView(doc);
  return view && pickerShowsOrg(view, toName) && isPressable(view.switchButton) ? view : undefined;
}

/**
 * Presses "Switch orgs" and watches the page: verified once the card shows `to`; refused as soon
 * as the console says why in an alert (a toast's `role="alert"`, an inline alert), or, having
 * re-rendered the card without it, in a live region; page changed when the view's URL changes;
 * unverified when nothing settles in time. Cancelled, without pressing, unless the picker shows
 * the confirmed org right before the press.
 */
async function pressSwitchAndWatch(doc: Document, to: OrgRef, toName: string): Promise<Observed> {
  // Re-found and re-checked in the same task as the press: the console may have re-created it.
  const view = readyToPress(doc, toName);
  if (!view) return { outcome: 'cancelled', observedOrgId: readCurrentOrgCard(doc)?.orgId ?? null };
  const startUrl = doc.location.href;
  const cardAtClick = readCurrentOrgCard(doc)?.card;
  // The view's own container outlives its re-renders; a route change takes it away.
  const viewContainer = cardAtClick ? commonAncestor(cardAtClick, view.controls) : undefined;
  const regionsAtClick = liveRegionTexts(doc);
  // New words in a live region, except the console's own claim of success (naming the org),
  // which counts only once the card shows it.
  const isNew = (region: Element, text: string) =>
    text !== '' && regionsAtClick.get(region) !== text && !text.includes(to.id) && !text.includes(to.name);
  clickPastGuard(view.switchButton);

  const deadline = Date.now() + CONSOLE_SWITCH_WAIT_MS;
  for (;;) {
    const settled = await whenFound<Observed>([doc.documentElement], observe, Math.max(0, deadline - Date.now()));
    if (!settled) return { outcome: 'unverified', observedOrgId: readCurrentOrgCard(doc)?.orgId ?? null };
    // The card must still show the org after the page's next render: a value that flickers
    // through (a re-render, a page script) verifies nothing, and the wait goes on.
    if (settled.outcome !== 'verified' || (await cardShowsAfterNextRender(doc, to.id))) return settled;
  }

  function observe(): Observed | undefined {
    if (doc.location.href !== startUrl || viewContainer?.isConnected === false) {
      return { outcome: 'pageChanged', observedOrgId: null };
    }
    const shown = readCurrentOrgCard(doc);
    if (shown?.orgId === to.id) return { outcome: 'verified', observedOrgId: to.id };
    const said = [...liveRegionTexts(doc)].filter(([region, text]) => isNew(region, text));
    const alert = said.find(([region]) => region.getAttribute('role') === 'alert');
    const rerendered = shown && shown.card !== cardAtClick;
    const message = alert?.[1] ?? (rerendered ? said.at(-1)?.[1] : undefined);
    if (message) return { outcome: 'refused', observedOrgId: shown?.orgId ?? null, pageMessage: message.slice(0, 300) };
    return undefined;
  }
}

function commonAncestor(a: Element, b: Element): Element | undefined {
  for (let candidate: Element | null = a; candidate; candidate = candidate.parentElement) {
    if (candidate.contains(b)) return candidate === a.ownerDocument.body ? undefined : candidate;
  }
  return undefined;
}

/**
 * One switch through the console page, after the admin confirmed it in our dialog.
 * `expectedCurrentOrgId` is what the admin saw; the page must still show it.
 */
export async function switchThroughConsole(
  doc: Document,
  request: { console: ConsoleIdentity; target: string | 'back'; expectedCurrentOrgId: string | null },
  orgs: readonly OrgNameRef[],
): Promise<ConsoleSwitchResult> {
  const shownNow = readCurrentOrgCard(doc);
  if (shownNow && shownNow.orgId !== request.expectedCurrentOrgId) {
    return { ok: false, error: { code: 'CONNECTION_CHANGED', message: 'The page shows another org' } };
  }
  const begun = await sendRequest({ type: 'beginConsoleSwitch', ...request });
  if (!begun.ok) return begun;
  const { opId, from, to } = begun.data;

  const view = detectCreativeCloudView(doc);
  const chosen = view ? await chooseNativeOption(view, to.id, orgs) : false;
  const toName = orgs.find((org) => org.orgId === to.id)?.orgName ?? to.name;
  // "Switch orgs" may be re-created, or enabled a moment after the picker shows the org.
  const ready =
    chosen &&
    (await whenFound(rootsOf(doc), () => (readyToPress(doc, toName) ? true : undefined), NATIVE_PICKER_WAIT_MS));
  const observed: Observed = ready
    ? await pressSwitchAndWatch(doc, to, toName)
    : { outcome: view ? 'cancelled' : 'pageChanged', observedOrgId: readCurrentOrgCard(doc)?.orgId ?? null };

  const finished = await sendRequest({
    type: 'finishConsoleSwitch',
    console: request.console,
    opId,
    outcome: observed.outcome,
    observedOrgId: observed.observedOrgId,
    ...(observed.pageMessage && { pageMessage: observed.pageMessage }),
  });
  if (!finished.ok) return { ...finished, to };
  const { entry } = finished.data;
  if (entry.result === 'success') return { ok: true, entry, from, to };
  // The worker named the failure; the console's own words for a refusal, else the target's name.
  const code = (entry.errorCode ?? 'VERIFICATION_FAILED') as ErrorCode;
  return { ok: false, error: { code, message: observed.pageMessage ?? to.name }, to };
}
