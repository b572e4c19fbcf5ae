import { useEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DiagnosticsActions } from '@/components/shared/DiagnosticsActions';
import { useT } from '@/components/shared/i18n-context';
import { ACCOUNT_TYPES, ENVIRONMENT_LABELS, ERROR_MESSAGES } from '@/components/shared/messages';
import { maskEmail } from '@/lib/diagnostics/redact';
import { createPopupStore, describedTabId, type PopupStore } from '@/lib/popup/popup-store';
import { TabConsole } from './TabConsole';
import '@/components/pages/styles/popup.css';

function Session({ store }: { store: PopupStore }) {
  const t = useT();
  const state = store.state.value;
  if (!state) return null;
  const { identity } = state;
  const busy = store.busy.value === 'signIn' || store.busy.value === 'signOut';
  return (
    <section aria-labelledby="popup-session">
      <h2 id="popup-session">{t('popupSession')}</h2>
      <dl>
        <dt>{t('popupSessionStatus')}</dt>
        <dd data-testid="status-signed-in">{t(state.status.signedIn ? 'popupSignedIn' : 'popupNotSignedIn')}</dd>
        {identity && (
          <>
            <dt>{t('popupName')}</dt>
            <dd data-testid="popup-name">{identity.name}</dd>
            <dt>{t('popupEmail')}</dt>
            <dd data-testid="popup-email">{maskEmail(identity.email)}</dd>
            <dt>{t('accountType')}</dt>
            <dd data-testid="popup-account-type">{t(ACCOUNT_TYPES[identity.accountType])}</dd>
          </>
        )}
      </dl>
      {state.status.signedIn ? (
        <button type="button" disabled={busy} onClick={() => void store.signOut()}>
          {t('popupSignOut')}
        </button>
      ) : (
        <button type="button" class="primary" disabled={busy} onClick={() => void store.signIn()}>
          {t('signIn')}
        </button>
      )}
    </section>
  );
}

/** The toolbar popup: session, the active tab's console, environment, read-only, diagnostics. */
export function PopupApp() {
  const t = useT();
  const tabId = useMemo(() => describedTabId(location.search), []);
  const store = useMemo(() => createPopupStore(tabId), []);
  useEffect(() => {
    void store.load();
    return () => store.dispose();
  }, [store]);

  const state = store.state.value;
  const error = store.error.value;
  return (
    <main class="popup" aria-busy={store.refreshing.value}>
      <header class="popup-header">
        <h1>{t('popupTitle')}</h1>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer" data-testid="popup-options">
          {t('popupOptions')}
        </a>
      </header>
      {!state && (
        <p aria-busy="true" data-testid="popup-loading">
          {t('loading')}
        </p>
      )}
      {error && (
        <p role="alert" class="error" data-testid="status-error">
          {t(ERROR_MESSAGES[error.code])}
        </p>
      )}
      {state?.readOnly && (
        <p class="notice" data-testid="popup-read-only">
          {t('readOnly')}
        </p>
      )}
      <Session store={store} />
      {state && (
        <section aria-labelledby="popup-tab">
          <h2 id="popup-tab">{t('popupThisTab')}</h2>
          <TabConsole state={state} />
        </section>
      )}
      {state && (
        <section aria-labelledby="popup-extension">
          <h2 id="popup-extension">{t('popupExtension')}</h2>
          <dl>
            <dt>{t('popupEnvironment')}</dt>
            <dd data-testid="status-environment" data-environment={state.status.environment}>
              {t(ENVIRONMENT_LABELS[state.status.environment])}
            </dd>
            <dt>{t('popupReadOnlyMode')}</dt>
            <dd data-testid="popup-read-only-mode">{t(state.readOnly ? 'popupOn' : 'popupOff')}</dd>
            <dt>{t('popupVersion')}</dt>
            <dd data-testid="status-version">{state.status.version}</dd>
          </dl>
          <DiagnosticsActions tabId={tabId} />
        </section>
      )}
    </main>
  );
}
