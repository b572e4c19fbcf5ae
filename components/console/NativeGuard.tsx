import { type Signal, signal } from '@preact/signals';
import { Dialog } from '@/components/shared/Dialog';
import { useT } from '@/components/shared/i18n-context';
import type { OrgEntitlement } from '@/lib/entitlement/schemas';
import { useReasonsText, useUnknownsText } from './org-texts';
import { fromUser } from './user-input';

export interface GuardRequest {
  org: OrgEntitlement | undefined;
  orgLabel: string;
  /** Whether the extension has the user's org list: without it, an org missing from it says nothing. */
  orgsKnown: boolean;
  returnFocus: HTMLElement | undefined;
  resolve(proceed: boolean): void;
}

/** One question at a time: a newer request cancels the one still open. */
export function createGuard() {
  const request: Signal<GuardRequest | undefined> = signal(undefined);
  function settle(proceed: boolean) {
    const open = request.value;
    request.value = undefined;
    open?.resolve(proceed);
  }
  return {
    request,
    settle,
    ask(org: OrgEntitlement | undefined, orgLabel: string, orgsKnown: boolean, returnFocus: HTMLElement | undefined) {
      settle(false);
      return new Promise<boolean>((resolve) => {
        request.value = { org, orgLabel, orgsKnown, returnFocus, resolve };
      });
    },
  };
}
export type Guard = ReturnType<typeof createGuard>;

/**
 * Before the native "Switch orgs" goes to an org that cannot work, or one the extension cannot
 * fully check: the reasons (or what it cannot see, and that the console decides), then cancel
 * or proceed.
 */
export function NativeGuard({ guard }: { guard: Guard }) {
  const t = useT();
  const reasonsText = useReasonsText();
  const unknownsText = useUnknownsText();
  const open = guard.request.value;
  if (!open) return null;
  const { org, orgLabel, orgsKnown, returnFocus } = open;
  // An org that can work but depends on what the extension cannot see: no refusal, only the
  // unknowns. Without the user's org list (signed out, loading, failed) nothing is known either.
  const onlyUnknowns = org ? org.eligible : !orgsKnown;
  const text = org
    ? t(onlyUnknowns ? 'guardUnknowns' : 'guardReasons', { org: org.orgName })
    : t(orgsKnown ? 'guardUnknown' : 'guardNoOrgList', { org: orgLabel });
  return (
    <Dialog titleId="guard-title" onCancel={() => guard.settle(false)} returnFocus={() => returnFocus}>
      <h2 id="guard-title">{t(onlyUnknowns ? 'guardUnknownTitle' : 'guardTitle')}</h2>
      <p data-testid="guard-text">{text}</p>
      {org && <p class="reasons">{reasonsText(org)}</p>}
      {org && <p data-testid="guard-unknowns">{unknownsText(org)}</p>}
      <div class="row">
        <button type="button" onClick={fromUser(() => guard.settle(false))}>
          {t('cancel')}
        </button>
        <button type="button" onClick={fromUser(() => guard.settle(true))}>
          {t('guardProceed')}
        </button>
      </div>
    </Dialog>
  );
}
