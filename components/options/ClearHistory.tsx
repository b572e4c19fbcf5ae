import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '@/components/shared/i18n-context';
import { ERROR_MESSAGES } from '@/components/shared/messages';
import type { MessageError } from '@/lib/messaging/contract';
import { sendRequest } from '@/lib/messaging/send';

/** "Clear history" with a confirmation in place: nothing is deleted until the admin confirms. */
export function ClearHistory({ count, onCleared }: { count: number; onCleared: () => void }) {
  const t = useT();
  const confirming = useSignal(false);
  const error = useSignal<MessageError | undefined>(undefined);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming.value) cancelRef.current?.focus();
  }, [confirming.value]);

  async function clear() {
    const answer = await sendRequest({ type: 'clearHistory' });
    confirming.value = false;
    if (answer.ok) onCleared();
    else error.value = answer.error;
  }

  if (!confirming.value) {
    return (
      <>
        <button
          type="button"
          class="negative"
          disabled={count === 0}
          onClick={() => {
            error.value = undefined;
            confirming.value = true;
          }}
          data-testid="history-clear"
        >
          {t('historyClear')}
        </button>
        {error.value && (
          <p role="alert" class="error">
            {t(ERROR_MESSAGES[error.value.code])}
          </p>
        )}
      </>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-labelledby="history-clear-question"
      class="confirm"
      data-testid="history-clear-confirm"
    >
      <p id="history-clear-question">{t('historyClearQuestion', { count })}</p>
      <div class="button-row">
        <button type="button" ref={cancelRef} onClick={() => (confirming.value = false)}>
          {t('historyCancel')}
        </button>
        <button type="button" class="negative" onClick={() => void clear()}>
          {t('historyClearConfirm')}
        </button>
      </div>
    </div>
  );
}
