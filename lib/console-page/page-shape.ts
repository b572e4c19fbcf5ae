import type { PageShape, PageShapeControl } from '../diagnostics/page-shape-schema';
import { accessibleName, normalizeText, roleOf, selectorForRole } from './accessible-name';
import {
  type CreativeCloudView,
  findView,
  listboxOptions,
  localesMatching,
  openListbox,
  orgIdFromOptionText,
  sectionOf,
} from './detect';
import { composedParent, idScopeOf, queryAllDeep } from './open-shadow-roots';
import { consoleProfile } from './profile';

/**
 * What a support engineer needs to fix the console profile (docs/ARCHITECTURE.md#diagnostics):
 * this frame's listbox pickers with the buttons beside them (role and accessible name), the
 * headings around them, whether an org id shows, and why detection matched or not. A picker's
 * name is given without its picked value (an org name); option texts are counted, never copied.
 * The worker redacts what is left (org names and ids, user names) before it reaches a report.
 */

const short = (text: string) => normalizeText(text).slice(0, 160);

function pickerLabel(picker: HTMLElement): string {
  const scope = idScopeOf(picker);
  const ids = picker.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  const outside = ids.map((id) => scope.getElementById(id)).filter((element) => element && !picker.contains(element));
  if (outside.length > 0) return short(outside.map((element) => element?.textContent).join(' '));
  return short(picker.getAttribute('aria-label') ?? '');
}

function control(element: HTMLElement, name: string): PageShapeControl {
  const popup = element.getAttribute('aria-haspopup');
  const expanded = element.getAttribute('aria-expanded');
  const disabled = (element as HTMLButtonElement).disabled === true || element.getAttribute('aria-disabled') === 'true';
  return {
    role: roleOf(element) ?? element.tagName.toLowerCase(),
    name,
    ...(popup && { popup }),
    ...(expanded !== null && { expanded: expanded === 'true' }),
    ...(disabled && { disabled }),
  };
}

/** The buttons in the nearest container that holds one besides the picker. */
function buttonsNear(picker: HTMLElement): { container?: Element; buttons: HTMLElement[] } {
  const selector = selectorForRole('button');
  for (let container = composedParent(picker); container; container = composedParent(container)) {
    const buttons = [...container.querySelectorAll<HTMLElement>(selector)].filter(
      (candidate) => candidate !== picker && !picker.contains(candidate) && !candidate.contains(picker),
    );
    if (buttons.length > 0) return { container, buttons };
    if (container === picker.ownerDocument.body) break;
  }
  return { buttons: [] };
}

const showsOrgId = (element: Element | null | undefined) => !!element && !!orgIdFromOptionText(element.textContent);

function whyNot(pickers: HTMLElement[], orgIdShown: PageShape['orgIdShown'], near: ReturnType<typeof buttonsNear>[]) {
  if (pickers.length === 0) return 'no listbox picker (a button with aria-haspopup="listbox") in this frame';
  if (near.every(({ buttons }) => buttons.length === 0))
    return 'a listbox picker, but no other button in any container around it';
  const labelled = pickers.some((picker) => localesMatching(accessibleName(picker), 'picker').length > 0);
  const labels = labelled
    ? 'the picker has a profile label, but no button beside it has the switch label of that language'
    : 'the picker label is in no profile language';
  return orgIdShown.section || orgIdShown.beside
    ? `${labels}; structure: the controls' section shows an org id, yet no picker and button matched`
    : `${labels}; structure: no org id shows in the controls' section or beside it`;
}

function reasonFor(view: CreativeCloudView): string {
  return view.signal === 'labels'
    ? `labels of the ${view.locale} profile language`
    : 'structure: a listbox picker, a button beside it and an org id in its section or beside it (labels unknown); the UI waits until the open list shows the user’s orgs';
}

export function describePageShape(doc: Document): PageShape {
  const { view } = findView(doc);
  const pickers = queryAllDeep(doc, '[aria-haspopup="listbox"]')
    .filter((element) => roleOf(element) === 'button')
    .slice(0, 4);
  const near = pickers.map(buttonsNear);
  const anchor = view?.controls ?? near.find(({ container }) => container)?.container;
  const section = anchor ? sectionOf(anchor) : undefined;
  const container = section?.parentElement ?? undefined;
  const orgIdShown = {
    section: showsOrgId(section),
    beside: [...(container?.children ?? [])].some((element) => element !== section && showsOrgId(element)),
  };
  const listbox = view ? openListbox(view) : undefined;
  const headings = [...(container ?? section ?? doc.body).querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
    .slice(0, 8)
    .map((heading) => short(heading.textContent ?? ''));
  return {
    topFrame: doc.defaultView?.top === doc.defaultView,
    lang: (doc.documentElement.lang || '').slice(0, 35),
    detection: view
      ? { signal: view.signal, ...(view.locale && { locale: view.locale }), reason: reasonFor(view) }
      : { signal: 'none', reason: whyNot(pickers, orgIdShown, near) },
    pickers: pickers.map((picker, index) => ({
      picker: control(picker, pickerLabel(picker)),
      nearby: (near[index]?.buttons ?? []).slice(0, 8).map((button) => control(button, short(accessibleName(button)))),
    })),
    headings,
    orgIdShown,
    listbox: { open: !!listbox, options: listbox ? listboxOptions(listbox, consoleProfile).length : 0 },
  };
}
