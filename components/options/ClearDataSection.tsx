import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { Dialog } from '@/components/shared/Dialog';
import { useT } from '@/components/shared/i18n-context';
import { ERROR_MESSAGES } from '@/components/shared/messages';
import type { MessageKey } from '@/lib/i18n';
import { sendRequest } from '@/lib/messaging/send';

type Outcome = { ok: true } | { ok: false; message: MessageKey };

/** "Clear all extension data", behind a confirmation; the worker signs out and clears storage. */
export function ClearDataSection() {
  const t = useT();
  const confirming = useSignal(false);
  const busy = useSignal(false);
  const outcome = useSignal<Outcome | undefined>(undefined);
  const opener = useRef<HTMLButtonElement>(null);

  async function clearAll() {
    busy.value = true;
    const answer = await sendRequest({ type: 'clearAllData' });
    busy.value = false;
    confirming.value = false;
    outcome.value = answer.ok ? { ok: true } : { ok: false, message: ERROR_MESSAGES[answer.error.code] };
  }

  return (
    <section aria-labelledby="clear-title">
      <h2 id="clear-title">{t('optionsClearTitle')}</h2>
      <p class="muted">{t('optionsClearHelp')}</p>
      <button
        ref={opener}
        type="button"
        class="negative"
        onClick={() => {
          outcome.value = undefined;
          confirming.value = true;
        }}
      >
        {t('optionsClearButton')}
      </button>
      <p role="status" data-testid="clear-status">
        {outcome.value?.ok && t('optionsCleared')}
      </p>
      {outcome.value && !outcome.value.ok && (
        <p role="alert" class="error">
          {t(outcome.value.message)}
        </p>
      )}
      {confirming.value && (
        <Dialog
          titleId="clear-confirm-title"
          onCancel={() => (confirming.value = false)}
          returnFocus={() => opener.current}
        >
          <h2 id="clear-confirm-title">{t('optionsClearConfirmTitle')}</h2>
          <p>{t('optionsClearConfirmBody')}</p>
          <div class="actions">
            <button type="button" onClick={() => (confirming.value = false)} disabled={busy.value}>
              {t('cancel')}
            </button>
            <button type="button" class="negative" onClick={() => void clearAll()} disabled={busy.value}>
              {t('optionsClearConfirm')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
