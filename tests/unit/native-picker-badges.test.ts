// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleUi } from '@/components/console/mount';
import { createNativePickerBadges } from '@/entrypoints/console-ui.content/native-picker';
import { BADGE_HOST_ATTRIBUTE } from '@/lib/console-page/markers';
import type { OrgEntitlement } from '@/lib/entitlement/schemas';

// The badge renderer draws into a shadow root; here it writes the org it was given, so a test
// can read which org's badges each host shows.
vi.mock('@/components/console/Badges', () => ({
  renderBadges: (host: HTMLElement, org: { orgId: string }) => {
    host.dataset.org = org.orgId;
    return () => {
      host.dataset.unmounted = '';
    };
  },
}));

const orgId = (index: number) => `${String(index).padStart(24, '0')}@AdobeOrg`;
const ORGS = Array.from({ length: 1000 }, (_, index) => ({ orgId: orgId(index), orgName: `Org ${index}` }));

function fakeUi(known: readonly { orgId: string; orgName: string }[] = ORGS): ConsoleUi {
  const orgs = known as unknown as OrgEntitlement[];
  const byId = new Map(orgs.map((org) => [org.orgId, org]));
  return { store: { orgs: { value: orgs }, orgById: (id: string) => byId.get(id) } } as unknown as ConsoleUi;
}

/** A virtualized listbox as React Spectrum's: rows are reused for other orgs; only its own label is touched. */
function virtualList(rows: number) {
  const listbox = document.createElement('div');
  listbox.setAttribute('role', 'listbox');
  listbox.id = 'react-aria1-:r1:';
  const elements = Array.from({ length: rows }, () => {
    const row = document.createElement('div');
    row.setAttribute('role', 'option');
    row.append(document.createElement('span'));
    listbox.append(row);
    return row;
  });
  const show = (first: number) => {
    for (const [slot, row] of elements.entries()) {
      const org = ORGS[first + slot];
      if (!org) continue;
      row.dataset.key = org.orgId;
      row.id = `${listbox.id}-option-${org.orgId}`;
      row.setAttribute('aria-posinset', String(first + slot + 1));
      (row.firstElementChild as HTMLElement).textContent = org.orgName;
    }
  };
  show(0);
  document.body.append(listbox);
  return { listbox, elements, show };
}

const hostsOf = (row: Element) => [...row.querySelectorAll<HTMLElement>(`[${BADGE_HOST_ATTRIBUTE}]`)];

afterEach(() => document.body.replaceChildren());

describe('badges in a virtualized native picker', () => {
  it('follow the org a reused row shows, before the next frame, one host per row', async () => {
    const badges = createNativePickerBadges(fakeUi(), 'en');
    const { listbox, elements, show } = virtualList(16);
    badges.apply(listbox);
    expect(elements.map((row) => hostsOf(row).map((host) => host.dataset.org))).toEqual(
      elements.map((row) => [row.dataset.key]),
    );
    for (const first of [5, 100, 500, 984]) {
      show(first);
      // The listbox observer's callback runs as a microtask: no animation frame, no `apply` call.
      await Promise.resolve();
      for (const row of elements) {
        expect(hostsOf(row).map((host) => host.dataset.org)).toEqual([row.dataset.key]);
      }
    }
    badges.dispose();
  });

  it('a reused row showing an org the extension does not know shows no badges at all', async () => {
    const badges = createNativePickerBadges(fakeUi(ORGS.slice(0, 20)), 'en');
    const { listbox, elements, show } = virtualList(10);
    badges.apply(listbox);
    expect(elements.every((row) => hostsOf(row).length === 1)).toBe(true);
    show(15);
    await Promise.resolve();
    expect(elements.map((row) => hostsOf(row).map((host) => host.dataset.org))).toEqual(
      elements.map((_, slot) => (slot < 5 ? [orgId(15 + slot)] : [])),
    );
    badges.dispose();
  });

  it('leaves a row whose org did not change alone (a re-render with the same key)', async () => {
    const badges = createNativePickerBadges(fakeUi(), 'en');
    const { listbox, elements, show } = virtualList(10);
    badges.apply(listbox);
    const before = elements.map((row) => hostsOf(row)[0]);
    show(0);
    (elements[0]?.firstElementChild as HTMLElement).textContent = 'Org 0';
    await Promise.resolve();
    expect(elements.map((row) => hostsOf(row)[0])).toEqual(before);
    badges.dispose();
  });

  it('draws a host the framework removed again, and never two hosts in one row', () => {
    const badges = createNativePickerBadges(fakeUi(), 'en');
    const { listbox, elements } = virtualList(3);
    badges.apply(listbox);
    const row = elements[0] as HTMLElement;
    hostsOf(row)[0]?.remove();
    badges.apply(listbox);
    expect(hostsOf(row).map((host) => host.dataset.org)).toEqual([row.dataset.key]);
    badges.apply(listbox);
    expect(hostsOf(row)).toHaveLength(1);
    badges.dispose();
  });
});
