import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useT } from '@/components/shared/i18n-context';
import { ENVIRONMENT_LABELS, ERROR_MESSAGES } from '@/components/shared/messages';
import { authorHostBindingsItem, readAuthorHostBindings } from '@/lib/author-hosts/bindings';
import type { AuthorHostBinding, AuthorHostPolicy } from '@/lib/author-hosts/trust';
import { sendRequest } from '@/lib/messaging/send';

/**
 * The AEM author hosts that may receive the token (docs/ARCHITECTURE.md#author-host-binding): the
 * admin's bindings, each removable (the worker removes it; the console then asks again), and what
 * policy binds or forbids, locked.
 */
export function AuthorHostBindings({ policy }: { policy: AuthorHostPolicy }) {
  const t = useT();
  const bindings = useSignal<AuthorHostBinding[] | undefined>(undefined);
  const error = useSignal<string | undefined>(undefined);
  useEffect(() => {
    const reload = () => void readAuthorHostBindings().then((value) => (bindings.value = value));
    const unwatch = authorHostBindingsItem.watch(reload);
    reload();
    return unwatch;
  }, []);

  async function remove({ environment, aemOrgId, authorHost }: AuthorHostBinding) {
    error.value = undefined;
    const answer = await sendRequest({ type: 'removeAuthorHostBinding', environment, aemOrgId, authorHost });
    if (!answer.ok) error.value = t(ERROR_MESSAGES[answer.error.code]);
  }

  const forbidden = policy.forbidden.filter((host) => host !== '*');
  return (
    <section class="console-hosts" aria-labelledby="author-hosts-title">
      <h2 id="author-hosts-title">{t('optionsAuthorHostsTitle')}</h2>
      <p class="muted">{t('optionsAuthorHostsHelp')}</p>
      {policy.bound.length > 0 && (
        <ul class="host-list" data-testid="author-host-bindings-policy">
          {policy.bound.map(({ aemOrgId, authorHost }) => (
            <li key={`${aemOrgId} ${authorHost}`}>
              <code>{authorHost}</code> <span class="org-id">{aemOrgId}</span>
              <span class="muted">{t('optionsLockedByPolicy')}</span>
            </li>
          ))}
        </ul>
      )}
      {forbidden.length > 0 && (
        <p class="muted" data-testid="author-hosts-forbidden">
          {t('optionsAuthorHostsForbidden', { hosts: forbidden.join(', ') })}
        </p>
      )}
      {policy.forbidden.includes('*') && (
        <p class="notice" data-testid="author-hosts-only-policy">
          {t('optionsAuthorHostsOnlyPolicy')}
        </p>
      )}
      {bindings.value?.length === 0 && (
        <p class="muted" data-testid="author-host-bindings-empty">
          {t('optionsAuthorHostsEmpty')}
        </p>
      )}
      {bindings.value && bindings.value.length > 0 && (
        <ul class="host-list" data-testid="author-host-bindings">
          {bindings.value.map((binding) => (
            <li key={`${binding.environment} ${binding.aemOrgId} ${binding.authorHost}`}>
              <span>
                {t('optionsAuthorHostsEntry', {
                  host: binding.authorHost,
                  aemOrg: binding.aemOrgName,
                  environment: t(ENVIRONMENT_LABELS[binding.environment]),
                })}
              </span>
              <button
                type="button"
                onClick={() => void remove(binding)}
                aria-label={t('optionsAuthorHostsRemove', { host: binding.authorHost, aemOrg: binding.aemOrgName })}
              >
                {t('hostsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error.value && (
        <p role="alert" class="notice error">
          {error.value}
        </p>
      )}
    </section>
  );
}
