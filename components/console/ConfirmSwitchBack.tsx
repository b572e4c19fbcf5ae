import { Dialog } from '@/components/shared/Dialog';
import { useLocale, useT } from '@/components/shared/i18n-context';
import type { ConsoleStore, SwitchOutcome } from '@/lib/console-page/store';
import { messageParts } from '@/lib/i18n';
import type { OrgRef } from '@/lib/org-id';
import { fromUser } from './user-input';

interface ConfirmSwitchBackProps {
  store: ConsoleStore;
  /** The switch being undone: `to` is what it connected, `from` what switch back restores. */
  outcome: SwitchOutcome & { from: OrgRef };
  onClose(confirm: boolean): void;
}

/**
 * Switch back asked again where the console page, not the Assets API, reports the connection
 * (docs/ARCHITECTURE.md#through-the-console-page): the same facts as the first confirmation.
 */
export function ConfirmSwitchBack({ store, outcome, onClose }: ConfirmSwitchBackProps) {
  const t = useT();
  const locale = useLocale();
  const state = store.state.value;
  const resolved = state?.signedIn ? state : undefined;
  const aemOrg = resolved?.aemOrg.status === 'resolved' ? resolved.aemOrg.org.name : '';
  const text = messageParts(locale, outcome.to ? 'confirmReplaces' : 'confirmConnects', {
    current: <strong>{outcome.to?.name}</strong>,
    target: <strong>{outcome.from.name}</strong>,
    allUsers: <strong>{t('allUsers')}</strong>,
    aemOrg: <strong>{aemOrg}</strong>,
  });
  return (
    <Dialog titleId="confirm-back-title" onCancel={() => onClose(false)}>
      <h2 id="confirm-back-title">{t('confirmSwitchBackTitle')}</h2>
      <p data-testid="confirm-text">{text}</p>
      {resolved?.authorHost && (
        <p data-testid="confirm-author-host">{t('confirmOnAuthorHost', { host: resolved.authorHost.host })}</p>
      )}
      <p class="message" data-testid="confirm-reported-by-console">
        {t('confirmReportedByConsole')}
      </p>
      <div class="row">
        <button type="button" onClick={fromUser(() => onClose(false))}>
          {t('cancel')}
        </button>
        <button type="button" class="primary" onClick={fromUser(() => onClose(true))}>
          {t('switchBack', { org: outcome.from.name })}
        </button>
      </div>
    </Dialog>
  );
}
