import { Dialog } from '@/components/shared/Dialog';
import { useLocale, useT } from '@/components/shared/i18n-context';
import type { ConsoleStore } from '@/lib/console-page/store';
import type { OrgEntitlement } from '@/lib/entitlement/schemas';
import { messageParts } from '@/lib/i18n';
import { useUnknownsText } from './org-texts';
import { fromUser } from './user-input';

interface ConfirmSwitchProps {
  store: ConsoleStore;
  target: OrgEntitlement;
  returnFocus(): HTMLElement | null | undefined;
  onClose(confirm: boolean): void;
}

/** Says what will happen before it does: the new org replaces the current one for all users. */
export function ConfirmSwitch({ store, target, returnFocus, onClose }: ConfirmSwitchProps) {
  const t = useT();
  const locale = useLocale();
  const unknownsText = useUnknownsText();
  const state = store.state.value;
  const resolved = state?.signedIn ? state : undefined;
  const current = resolved?.console?.connection?.connectedOrg;
  const aemOrg = resolved?.aemOrg.status === 'resolved' ? resolved.aemOrg.org.name : '';
  const text = messageParts(locale, current ? 'confirmReplaces' : 'confirmConnects', {
    current: <strong>{current?.name}</strong>,
    target: <strong>{target.orgName}</strong>,
    allUsers: <strong>{t('allUsers')}</strong>,
    aemOrg: <strong>{aemOrg}</strong>,
  });
  return (
    <Dialog titleId="confirm-title" onCancel={() => onClose(false)} returnFocus={returnFocus}>
      <h2 id="confirm-title">{t('confirmTitle')}</h2>
      <p data-testid="confirm-text">{text}</p>
      {resolved?.authorHost && (
        <p data-testid="confirm-author-host">{t('confirmOnAuthorHost', { host: resolved.authorHost.host })}</p>
      )}
      {target.unknowns.length > 0 && (
        <p class="message" data-testid="confirm-unknowns">
          {unknownsText(target)}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={fromUser(() => onClose(false))}>
          {t('cancel')}
        </button>
        <button type="button" class="primary" onClick={fromUser(() => onClose(true))}>
          {t('confirmSwitch')}
        </button>
      </div>
    </Dialog>
  );
}
