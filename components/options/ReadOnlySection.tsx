import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useT } from '@/components/shared/i18n-context';
import { ERROR_MESSAGES } from '@/components/shared/messages';
import type { MessageKey } from '@/lib/i18n';
import { sendRequest } from '@/lib/messaging/send';
import type { EffectiveSettings } from '@/lib/settings/effective';
import { LockedNote } from './LockedNote';

/** Read-only mode for support engineers: saved as soon as it is toggled. */
export function ReadOnlySection({ settings }: { settings: EffectiveSettings }) {
  const t = useT();
  const status = useSignal<{ ok: true } | { ok: false; message: MessageKey } | undefined>(undefined);
  // The value being saved, shown until storage reports it (the box must not flip back meanwhile).
  const pending = useSignal<boolean | undefined>(undefined);
  const locked = settings.readOnly.lockedBy === 'policy';
  useEffect(() => {
    if (pending.value === settings.readOnly.value) pending.value = undefined;
  }, [settings.readOnly.value]);
  const allowlist = settings.allowedCcOrgIds;

  async function toggle(readOnly: boolean) {
    status.value = undefined;
    pending.value = readOnly;
    const answer = await sendRequest({ type: 'saveSettings', readOnly });
    if (!answer.ok) pending.value = undefined;
    status.value = answer.ok ? { ok: true } : { ok: false, message: ERROR_MESSAGES[answer.error.code] };
  }

  return (
    <section aria-labelledby="read-only-title">
      <h2 id="read-only-title">{t('optionsReadOnlyTitle')}</h2>
      <LockedNote id="read-only-locked" setting={settings.readOnly} />
      <label class="check">
        <input
          type="checkbox"
          checked={pending.value ?? settings.readOnly.value}
          disabled={locked}
          aria-describedby={locked ? 'read-only-locked read-only-help' : 'read-only-help'}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />
        {t('optionsReadOnlyLabel')}
      </label>
      <p id="read-only-help" class="muted">
        {t('optionsReadOnlyHelp')}
      </p>
      <p role="status" data-testid="read-only-status">
        {status.value?.ok && t('optionsSaved')}
      </p>
      {status.value && !status.value.ok && (
        <p role="alert" class="error">
          {t(status.value.message)}
        </p>
      )}
      <BlockUnknownEntitlements setting={settings.blockUnknownEntitlements} />
      {allowlist && (
        <p class="notice" data-testid="policy-allowlist">
          {t('optionsAllowlist', { count: allowlist.length })}
        </p>
      )}
    </section>
  );
}

/** Only enterprise policy sets this (no user choice), so it is shown, never edited, here. */
function BlockUnknownEntitlements({ setting }: { setting: EffectiveSettings['blockUnknownEntitlements'] }) {
  const t = useT();
  return (
    <>
      <LockedNote id="block-unknown-locked" setting={setting} />
      <label class="check">
        <input
          type="checkbox"
          checked={setting.value}
          disabled
          data-testid="block-unknown-entitlements"
          aria-describedby={
            setting.lockedBy === 'policy' ? 'block-unknown-locked block-unknown-help' : 'block-unknown-help'
          }
        />
        {t('optionsBlockUnknownLabel')}
      </label>
      <p id="block-unknown-help" class="muted">
        {t('optionsBlockUnknownHelp')}
      </p>
    </>
  );
}
