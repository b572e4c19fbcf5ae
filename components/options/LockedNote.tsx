import { useT } from '@/components/shared/i18n-context';
import type { Setting } from '@/lib/settings/effective';

/** "Set by your organization" next to a field enterprise policy controls; `id` ties it to the field. */
export function LockedNote({ id, setting }: { id: string; setting: Setting<unknown> }) {
  const t = useT();
  if (setting.lockedBy !== 'policy') return null;
  return (
    <p id={id} class="locked" data-testid={id}>
      <svg class="lock" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M5 7V5a3 3 0 0 1 6 0v2h1v7H4V7h1zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2z" fill="currentColor" />
      </svg>
      {t('optionsLockedByPolicy')}
    </p>
  );
}
