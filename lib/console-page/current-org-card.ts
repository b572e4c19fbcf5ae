import { normalizeText } from './accessible-name';
import { type CreativeCloudView, detectCreativeCloudView, orgIdFromOptionText, sectionOf } from './detect';
import { consoleProfile } from './profile';

/**
 * The card "Current Creative Cloud org ID": what the console says is connected. It is read only
 * inside the view's own container (the element holding the controls' section and its neighbours),
 * so a look-alike card elsewhere on the page counts for nothing
 * (docs/ARCHITECTURE.md#console-hosts-and-detection). Found by its heading in a profile language,
 * else by structure: the section beside the controls' section that shows an org id, or, when
 * none shows one, the one before it with a heading (no org connected).
 */
export interface CurrentOrgCard {
  card: Element;
  orgId: string | null;
}

const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const CARD_SELECTOR = 'section, article, [role="region"], [role="group"]';
const fold = (text: string | null | undefined) => normalizeText(text).toLocaleLowerCase();

/** The element that holds the view: the parent of the controls' section. */
export function viewContainerOf(view: CreativeCloudView): Element | undefined {
  const container = sectionOf(view.controls)?.parentElement;
  return container && container !== container.ownerDocument.body ? container : undefined;
}

function orgIdShown(card: Element, heading?: Element): string | null {
  const shown = [...card.childNodes].filter((node) => node !== heading).map((node) => node.textContent);
  return orgIdFromOptionText(shown.join(' ')) ?? null;
}

function cardByHeading(container: Element): CurrentOrgCard | undefined {
  const headings = new Set(
    Object.values(consoleProfile.labels).flatMap(({ currentOrgHeading }) =>
      currentOrgHeading ? [fold(currentOrgHeading)] : [],
    ),
  );
  for (const heading of container.querySelectorAll(HEADING_SELECTOR)) {
    if (!headings.has(fold(heading.textContent))) continue;
    const card = heading.closest(CARD_SELECTOR) ?? heading.parentElement;
    if (!card || !container.contains(card)) continue;
    return { card, orgId: orgIdShown(card, heading) };
  }
  return undefined;
}

function cardByStructure(container: Element, controlsSection: Element): CurrentOrgCard | undefined {
  const siblings = [...container.children].filter(
    (element) => element !== controlsSection && !element.contains(controlsSection) && element.matches(CARD_SELECTOR),
  );
  for (const card of siblings) {
    const orgId = orgIdShown(card);
    if (orgId) return { card, orgId };
  }
  const before = siblings.filter(
    (card) => (card.compareDocumentPosition(controlsSection) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
  const card = before.find((element) => element.querySelector(HEADING_SELECTOR));
  return card ? { card, orgId: null } : undefined;
}

/** What the card shows now; undefined while the page shows no view or no card. */
export function readCurrentOrgCard(
  doc: Document,
  view: CreativeCloudView | undefined = detectCreativeCloudView(doc),
): CurrentOrgCard | undefined {
  const container = view && viewContainerOf(view);
  const controlsSection = view && sectionOf(view.controls);
  if (!container || !controlsSection) return undefined;
  return cardByHeading(container) ?? cardByStructure(container, controlsSection);
}

/**
 * After the page's next render: the task after the next animation frame, or a short timer where
 * frames do not run (a hidden tab).
 */
function afterNextRender(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}

/** Whether the card still shows `orgId` after the page's next render. */
export function cardShowsAfterNextRender(doc: Document, orgId: string | null): Promise<boolean> {
  return new Promise((resolve) => afterNextRender(() => resolve(readCurrentOrgCard(doc)?.orgId === orgId)));
}

/**
 * Calls `onChange` with what the card shows whenever that changes (after the native switch,
 * another admin's change shown on reload). A new value counts only when the card still shows it
 * after the page's next render: a value that flickers through counts for nothing. Returns a stop.
 */
export function watchCurrentOrgCard(doc: Document, onChange: (orgId: string | null | undefined) => void): () => void {
  let last = readCurrentOrgCard(doc)?.orgId;
  let scheduled = false;
  let stopped = false;
  const read = () => readCurrentOrgCard(doc)?.orgId;
  function check(): void {
    const now = read();
    // A card that is gone for a moment (the view reloading) is no news.
    if (stopped || now === undefined || now === last) {
      scheduled = false;
      return;
    }
    afterNextRender(() => {
      // Changed again meanwhile: that newer value must hold through a render of its own.
      if (read() !== now) return check();
      scheduled = false;
      if (stopped) return;
      last = now;
      onChange(now);
    });
  }
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(check);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => {
    stopped = true;
    observer.disconnect();
  };
}
