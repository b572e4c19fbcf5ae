import { useT } from '@/components/console/i18n-context';
import type { Setting } from '@/lib/settings/effective';

/** "Set by your organization" next to a field enterprise policy controls; `id` ties it to the field. */
export function LockedNote({ id, setting }: { id: string; setting: Setting<unknown> }) {
  const t = useT();
  if (setting.lockedBy !== 'policy') return null;
  return (
    <p id={id} class="locked" data-testid={id}>
      <span aria-hidden="true">🔒 </span>
      {t('optionsLockedByPolicy')}
    </p>
  );
}
