import { useT } from '@/components/shared/i18n-context';
import type { PopupState } from '@/lib/popup/popup-store';

/** The active tab's console: its AEM org, connected CC org and how many orgs are eligible. */
export function TabConsole({ state }: { state: PopupState }) {
  const t = useT();
  const tab = state.tab;
  if (!tab) {
    return (
      <p data-testid="popup-not-console">
        {t('popupNotConsole')}{' '}
        <a href={state.consoleUrl} target="_blank" rel="noreferrer" data-testid="popup-open-console">
          {t('popupOpenConsole')}
        </a>
      </p>
    );
  }
  if (!tab.state.signedIn) return <p data-testid="popup-tab-signed-out">{t('popupConsoleSignedOut')}</p>;
  const { aemOrg, console: resolved } = tab.state;
  if (aemOrg.status !== 'resolved' || !resolved)
    return <p data-testid="popup-tab-unresolved">{t('popupChooseAemOrg')}</p>;
  const connected = resolved.connection?.connectedOrg;
  return (
    <dl data-testid="popup-tab">
      <dt>{t('aemOrg')}</dt>
      <dd data-testid="popup-aem-org">{aemOrg.org.name}</dd>
      <dt>{t('connectedOrg')}</dt>
      <dd data-testid="popup-connected-org">
        {connected ? connected.name : connected === null ? t('noConnectedOrg') : t('connectionUnknown')}
      </dd>
      <dt>{t('switchPath')}</dt>
      <dd data-testid="popup-switch-path">
        {t(resolved.switchPath === 'api' ? 'switchPathApi' : 'switchPathConsole')}
      </dd>
      <dt>{t('popupEligibility')}</dt>
      <dd data-testid="popup-summary">
        {t('summary', { eligible: resolved.summary.eligible, total: resolved.summary.total })}
        <br />
        <span class="popup-detail">{t('popupCcActive', { count: resolved.summary.ccActive })}</span>
      </dd>
    </dl>
  );
}
