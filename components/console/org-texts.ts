import { useT } from '@/components/shared/i18n-context';
import { REASON_MESSAGES, UNKNOWN_FACT_MESSAGES } from '@/components/shared/messages';
import type { OrgEntitlement } from '@/lib/entitlement/schemas';

/**
 * What the console UI says about one org, the same in the switcher, the confirmation and the
 * native guard: why it cannot be connected, and what the extension cannot see.
 */

export function useReasonsText() {
  const t = useT();
  return (org: OrgEntitlement) => org.reasons.map((reason) => t(REASON_MESSAGES[reason])).join('; ');
}

/** What the extension cannot see for this org, then that the console decides; empty when it sees everything. */
export function useUnknownsText() {
  const t = useT();
  return (org: OrgEntitlement) =>
    org.unknowns.length === 0
      ? ''
      : [...org.unknowns.map((fact) => t(UNKNOWN_FACT_MESSAGES[fact])), t('consoleDecides')].join(' ');
}
