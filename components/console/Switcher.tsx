import { useSignal } from '@preact/signals';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { useLocale, useT } from '@/components/shared/i18n-context';
import { markPerf, PERF_MARKS } from '@/lib/console-page/perf-marks';
import type { ConsoleStore } from '@/lib/console-page/store';
import type { OrgEntitlement } from '@/lib/entitlement/schemas';
import { BadgeList } from './Badges';
import { ConfirmSwitch } from './ConfirmSwitch';
import { searchIndex, searchOrgs } from './org-search';
import { useReasonsText, useUnknownsText } from './org-texts';
import { fromUser } from './user-input';

const KEY_STEPS: Record<string, (active: number, count: number) => number> = {
  ArrowDown: (active, count) => Math.min(active + 1, count - 1),
  ArrowUp: (active) => Math.max(active - 1, 0),
  Home: () => 0,
  End: (_, count) => count - 1,
};

/**
 * The validated switcher: a search box (combobox) over a listbox of orgs with their badges.
 * Ineligible orgs stay listed, marked disabled, with their reasons spelled out; choosing one
 * refuses with the reasons instead of asking to confirm.
 */
export function Switcher({ store }: { store: ConsoleStore }) {
  const t = useT();
  const locale = useLocale();
  const reasonsText = useReasonsText();
  const unknownsText = useUnknownsText();
  const open = useSignal(false);
  const query = useSignal('');
  const active = useSignal(0);
  const refused = useSignal<OrgEntitlement | undefined>(undefined);
  const confirming = useSignal<OrgEntitlement | undefined>(undefined);
  const openerRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const confirmed = useRef(false);

  const orgs = store.orgs.value;
  const index = useMemo(() => searchIndex(orgs), [orgs]);
  const { shown, total } = searchOrgs(orgs, index, query.value);
  const activeOrg = shown[active.value];
  // For `npm run bench`: the list is in the DOM (opened, or filtered while open).
  useLayoutEffect(() => {
    if (open.value) markPerf(PERF_MARKS.switcherRendered);
  }, [open.value]);
  useLayoutEffect(() => {
    if (open.value) markPerf(PERF_MARKS.filterApplied);
  }, [query.value]);

  function close() {
    open.value = false;
    refused.value = undefined;
    openerRef.current?.focus();
  }

  function choose(org: OrgEntitlement | undefined) {
    if (!org) return;
    refused.value = org.eligible ? undefined : org;
    if (org.eligible) {
      confirmed.current = false;
      confirming.value = org;
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    const step = KEY_STEPS[event.key];
    if (step && shown.length > 0) {
      event.preventDefault();
      active.value = step(active.value, shown.length);
      listRef.current?.querySelector(`#org-option-${active.value}`)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(activeOrg);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  }

  return (
    <div class="switcher">
      <button
        ref={openerRef}
        type="button"
        class="primary"
        aria-expanded={open.value}
        aria-controls="org-switcher"
        // Not `disabled`: focus returns here after a confirmed switch, while it is busy.
        aria-disabled={store.busy.value !== undefined}
        onClick={fromUser(() => {
          if (store.busy.value !== undefined) return;
          if (open.value) return close();
          open.value = true;
          requestAnimationFrame(() => inputRef.current?.focus());
        })}
      >
        {t('openSwitcher')}
      </button>
      {open.value && (
        <div id="org-switcher" data-testid="switcher">
          <div class="row">
            <div class="grow">
              <label for="org-search">{t('search')}</label>
              <input
                ref={inputRef}
                id="org-search"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck={false}
                aria-autocomplete="list"
                aria-expanded="true"
                aria-controls="org-options"
                aria-activedescendant={activeOrg ? `org-option-${active.value}` : undefined}
                value={query.value}
                onInput={fromUser((event) => {
                  query.value = event.currentTarget.value;
                  active.value = 0;
                })}
                onKeyDown={fromUser(onKeyDown)}
              />
            </div>
            <button type="button" onClick={fromUser(close)}>
              {t('close')}
            </button>
          </div>
          <p class="muted" role="status" data-testid="match-count">
            {total === 0 ? t('noMatches', { query: query.value }) : t('matches', { count: total })}
          </p>
          <div ref={listRef} id="org-options" class="options" role="listbox" aria-label={t('orgList')}>
            {shown.map((org, position) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard (aria-activedescendant)
              <div
                key={org.orgId}
                id={`org-option-${position}`}
                class={position === active.value ? 'option active' : 'option'}
                role="option"
                tabIndex={-1}
                aria-selected={position === active.value}
                aria-disabled={!org.eligible}
                data-org-id={org.orgId}
                onClick={fromUser(() => {
                  active.value = position;
                  choose(org);
                })}
              >
                <span class="option-name">{org.orgName}</span>
                <span class="org-id">{org.orgId}</span>
                <BadgeList org={org} locale={locale} />
                {!org.eligible && <span class="reasons">{reasonsText(org)}</span>}
                {org.eligible && org.unknowns.length > 0 && (
                  <span class="unknowns muted" data-testid="org-unknowns">
                    {unknownsText(org)}
                  </span>
                )}
              </div>
            ))}
          </div>
          {total > shown.length && <p class="muted">{t('moreMatches', { count: total - shown.length })}</p>}
          {refused.value && (
            <p class="message error" role="alert" data-testid="refusal">
              {t('refused', { org: refused.value.orgName, reasons: reasonsText(refused.value) })}
            </p>
          )}
        </div>
      )}
      {confirming.value && (
        <ConfirmSwitch
          store={store}
          target={confirming.value}
          returnFocus={() => (confirmed.current ? openerRef.current : inputRef.current)}
          onClose={(confirm) => {
            const target = confirming.value;
            confirmed.current = confirm;
            confirming.value = undefined;
            if (!confirm || !target) return;
            open.value = false;
            void store.switchTo(target.orgId);
          }}
        />
      )}
    </div>
  );
}
