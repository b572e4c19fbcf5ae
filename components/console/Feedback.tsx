import { useSignal } from '@preact/signals';
import { formatTime } from '@/components/shared/format-date';
import { useLocale, useT } from '@/components/shared/i18n-context';
import { ERROR_MESSAGES } from '@/components/shared/messages';
import type { ConsoleStore } from '@/lib/console-page/store';
import { ConfirmSwitchBack } from './ConfirmSwitchBack';
import { fromUser } from './user-input';

/**
 * Progress and results in a polite live region, errors in an assertive one. Both regions are
 * always in the DOM so screen readers announce what appears in them.
 */
export function Feedback({ store, readOnly }: { store: ConsoleStore; readOnly: boolean }) {
  const t = useT();
  const locale = useLocale();
  const busy = store.busy.value;
  const pending = store.pendingOrg.value;
  const outcome = store.outcome.value;
  const error = store.error.value;
  const state = store.state.value;
  const connection = state?.signedIn ? state.console?.connection : undefined;
  const throughConsole = state?.signedIn && state.console?.switchPath === 'console';
  const confirmingBack = useSignal(false);

  const progress =
    busy === 'switch' ? t('switching', { org: pending?.name ?? '' }) : busy === 'switchBack' ? t('switchingBack') : '';
  const resultOrg = { org: outcome?.to?.name ?? t('noConnectedOrg') };
  // Through the console page only its card says so; the Assets API verified nothing.
  const result = !busy && outcome ? t(outcome.path === 'console' ? 'reportedByConsole' : 'verified', resultOrg) : '';
  const errorText =
    error &&
    (throughConsole && error.code === 'VERIFICATION_FAILED'
      ? // A switch through the page: its message names the org the page does not show.
        t('errorConsoleUnverified', { org: error.message })
      : t(ERROR_MESSAGES[error.code], {
          org: connection?.connectedOrg?.name ?? t('noConnectedOrg'),
          time: formatTime(locale, connection?.updatedAt),
          // The console's own words for a refusal (CONSOLE_REFUSED comes only from the page).
          message: error.message,
        }));
  const switchBackTo = outcome?.kind === 'switch' && !busy && !readOnly ? outcome.from : null;
  const pressSwitchBack = () => {
    if (store.switchBackAsksAgain.value) confirmingBack.value = true;
    else void store.switchBack();
  };

  return (
    <>
      <div role="status" aria-live="polite" data-testid="progress">
        {(progress || result) && (
          <p class={result ? 'message success' : 'message'} data-reported-by={result ? outcome?.path : undefined}>
            {progress || result}
          </p>
        )}
      </div>
      {switchBackTo && (
        <button type="button" onClick={fromUser(pressSwitchBack)}>
          {t('switchBack', { org: switchBackTo.name })}
        </button>
      )}
      {confirmingBack.value && outcome && switchBackTo && (
        <ConfirmSwitchBack
          store={store}
          outcome={{ ...outcome, from: switchBackTo }}
          onClose={(confirm) => {
            confirmingBack.value = false;
            if (confirm) void store.switchBack();
          }}
        />
      )}
      <div role="alert" data-testid="error">
        {errorText && (
          <p class="message error" data-error-code={error?.code}>
            {errorText}{' '}
            <button type="button" onClick={fromUser(() => (store.error.value = undefined))}>
              {t('dismiss')}
            </button>
          </p>
        )}
      </div>
    </>
  );
}
