import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { useT } from '@/components/shared/i18n-context';
import { isSandboxBuild } from '@/lib/build-flavor';
import { consoleMatchesFor } from '@/lib/console-hosts';
import { type ConsoleHost, type HostInputError, parseConsoleHost } from '@/lib/console-hosts/custom/input';
import type { MessageKey } from '@/lib/i18n';
import { sendRequest } from '@/lib/messaging/send';
import { type StoredConsoleHost, useConsoleHosts } from './console-hosts-state';
import '../pages/styles/hosts.css';

const BUILT_IN_MATCHES = consoleMatchesFor(isSandboxBuild);
const originOf = (matchPattern: string) => matchPattern.replace(/\/\*$/, '');

const INPUT_ERROR_KEYS: Record<HostInputError, MessageKey> = {
  empty: 'hostsErrorEmpty',
  notAUrl: 'hostsErrorNotAUrl',
  notHttps: 'hostsErrorNotHttps',
  hasPath: 'hostsErrorHasPath',
  hasCredentials: 'hostsErrorHasCredentials',
  wildcard: 'hostsErrorWildcard',
  builtIn: 'hostsErrorBuiltIn',
  reserved: 'hostsErrorReserved',
  duplicate: 'hostsErrorDuplicate',
};

/** One custom host: its origin, whether the browser grants it, a re-grant button when it does not. */
function HostEntry(props: { host: ConsoleHost; granted: boolean; onRegrant: () => void; children: ComponentChildren }) {
  const t = useT();
  const { host, granted } = props;
  return (
    <li data-host={host.origin}>
      <code>{host.origin}</code>
      <span class={granted ? 'host-status' : 'host-status missing'} data-testid="host-status">
        {granted ? t('hostsStatusActive') : t('hostsStatusPermissionMissing')}
      </span>
      {!granted && (
        <button type="button" onClick={props.onRegrant} aria-label={t('hostsRegrantLabel', { host: host.origin })}>
          {t('hostsRegrant')}
        </button>
      )}
      {props.children}
    </li>
  );
}

/**
 * Options › Console hosts: the built-in hosts (read-only) and the ones the admin adds. Adding
 * asks the browser for that one host, then the worker stores it and registers the console
 * content script there (lib/worker/console-host-handlers.ts). Removing gives the permission back.
 */
export function ConsoleHosts({ policyHosts = [] }: { policyHosts?: readonly string[] }) {
  const t = useT();
  const { hosts, corrupted, grantedPatterns, refresh } = useConsoleHosts();
  const input = useSignal('');
  const error = useSignal<string | undefined>(undefined);
  const status = useSignal('');

  const fail = (key: MessageKey, params?: Record<string, string>) => {
    error.value = t(key, params);
    status.value = '';
  };

  // The browser shows its permission prompt only from a user gesture: request before any await.
  function requestHost(host: ConsoleHost, onGranted: () => Promise<void>): void {
    browser.permissions
      .request({ origins: [host.matchPattern] })
      .then(async (granted) => {
        if (!granted) {
          fail('hostsErrorDenied', { host: host.origin });
          return;
        }
        await onGranted();
        await refresh();
      })
      .catch((cause: unknown) => fail('hostsErrorFailed', { host: host.origin, detail: String(cause) }));
  }

  function add(event: Event): void {
    event.preventDefault();
    const addedMatches = (hosts.value ?? []).map((host) => host.matchPattern);
    const result = parseConsoleHost(input.value, {
      addedMatches,
      allowLoopbackHttp: isSandboxBuild,
    });
    if (!result.ok) {
      fail(INPUT_ERROR_KEYS[result.error], { host: input.value.trim() });
      return;
    }
    error.value = undefined;
    requestHost(result.host, async () => {
      const answer = await sendRequest({ type: 'addConsoleHost', host: result.host });
      if (!answer.ok) {
        fail('hostsErrorFailed', { host: result.host.origin, detail: answer.error.message });
        return;
      }
      input.value = '';
      status.value = t('hostsAdded', { host: result.host.origin });
    });
  }

  async function remove(host: StoredConsoleHost): Promise<void> {
    error.value = undefined;
    try {
      const answer = await sendRequest({ type: 'removeConsoleHost', matchPattern: host.matchPattern });
      if (!answer.ok) {
        fail('hostsErrorRemoveFailed', { host: host.origin, detail: answer.error.message });
      } else {
        await browser.permissions.remove({ origins: [host.matchPattern] });
        status.value = t('hostsRemoved', { host: host.origin });
      }
    } catch (cause) {
      fail('hostsErrorRemoveFailed', { host: host.origin, detail: String(cause) });
    }
    await refresh();
  }

  function regrant(host: ConsoleHost): void {
    error.value = undefined;
    requestHost(host, async () => {
      status.value = t('hostsRegranted', { host: host.origin });
    });
  }

  return (
    <section class="console-hosts" aria-labelledby="console-hosts-title" data-testid="console-hosts">
      <h2 id="console-hosts-title">{t('hostsTitle')}</h2>
      <p>{t('hostsIntro')}</p>
      {corrupted.value && (
        <p role="alert" class="notice error" data-testid="hosts-corrupted">
          {t('hostsCorrupted')}
        </p>
      )}
      <h3>{t('hostsBuiltInTitle')}</h3>
      <ul class="host-list" data-testid="hosts-built-in">
        {BUILT_IN_MATCHES.map((pattern) => (
          <li key={pattern}>
            <code>{originOf(pattern)}</code>
          </li>
        ))}
      </ul>
      {policyHosts.length > 0 && (
        <>
          <h3>{t('hostsPolicyTitle')}</h3>
          <ul class="host-list" data-testid="hosts-policy">
            {policyHosts.map((matchPattern) => {
              const host = { origin: originOf(matchPattern), matchPattern };
              return (
                <HostEntry
                  key={matchPattern}
                  host={host}
                  granted={grantedPatterns.value.has(matchPattern)}
                  onRegrant={() => regrant(host)}
                >
                  <span class="muted">{t('optionsLockedByPolicy')}</span>
                </HostEntry>
              );
            })}
          </ul>
        </>
      )}
      <h3>{t('hostsCustomTitle')}</h3>
      {hosts.value?.length === 0 && <p class="muted">{t('hostsNone')}</p>}
      {hosts.value && hosts.value.length > 0 && (
        <ul class="host-list" data-testid="hosts-custom">
          {hosts.value.map((host) => (
            <HostEntry key={host.matchPattern} host={host} granted={host.granted} onRegrant={() => regrant(host)}>
              <button
                type="button"
                onClick={() => void remove(host)}
                aria-label={t('hostsRemoveLabel', { host: host.origin })}
              >
                {t('hostsRemove')}
              </button>
            </HostEntry>
          ))}
        </ul>
      )}
      <form class="host-add" onSubmit={add} noValidate>
        <label for="console-host-input">{t('hostsAddLabel')}</label>
        <div class="host-add-row">
          <input
            id="console-host-input"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="https://aem.example.com"
            value={input.value}
            onInput={(event) => {
              input.value = event.currentTarget.value;
            }}
            aria-invalid={error.value ? 'true' : undefined}
            aria-describedby={error.value ? 'console-host-hint console-host-error' : 'console-host-hint'}
          />
          <button type="submit" class="primary">
            {t('hostsAdd')}
          </button>
        </div>
        <p id="console-host-hint" class="muted">
          {t('hostsAddHint')}
        </p>
        {error.value && (
          <p id="console-host-error" role="alert" class="notice error" data-testid="hosts-error">
            {error.value}
          </p>
        )}
      </form>
      <p role="status" data-testid="hosts-status">
        {status.value}
      </p>
    </section>
  );
}
