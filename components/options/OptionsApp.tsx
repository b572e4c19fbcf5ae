import { useEffect } from 'preact/hooks';
import { useT } from '@/components/shared/i18n-context';
import type { MessageKey } from '@/lib/i18n';
import type { EffectiveSettings } from '@/lib/settings/effective';
import '@/components/pages/styles/options.css';
import { AuthorHostBindings } from './AuthorHostBindings';
import { ClearDataSection } from './ClearDataSection';
import { ConsoleHosts } from './ConsoleHosts';
import { Diagnostics } from './Diagnostics';
import { EnvironmentSection } from './EnvironmentSection';
import { ReadOnlySection } from './ReadOnlySection';
import { SignInSetup } from './SignInSetup';
import { SwitchHistory } from './SwitchHistory';
import { useEffectiveSettings } from './use-settings';

/** Restrictions that fail closed when unreadable: their own notice says what is in force instead. */
const FAIL_CLOSED_NOTICES = {
  readOnly: 'optionsPolicyUnreadableReadOnly',
  blockUnknownEntitlements: 'optionsPolicyUnreadableBlockUnknown',
} as const satisfies Record<string, MessageKey>;

/** What policy IT set but the extension refused, and what applies instead. */
function PolicyProblems({ settings }: { settings: EffectiveSettings }) {
  const t = useT();
  const invalid = settings.policyInvalidFields;
  const refused = settings.policyRefusedEntries;
  const ignored = invalid.filter(
    (field) =>
      !(field in FAIL_CLOSED_NOTICES) &&
      // An unreadable forbidden list forbids every host policy did not bind; the section says so.
      field !== 'forbiddenAuthorHosts' &&
      field !== 'allowedCcOrgIds' &&
      !refused[field as keyof typeof refused],
  );
  return (
    <>
      {invalid.includes('allowedCcOrgIds') && (
        <p role="alert" data-testid="policy-refused-allowlist">
          {refused.allowedCcOrgIds
            ? t('optionsPolicyRefusedAllowlistEntries', {
                entries: refused.allowedCcOrgIds.join(', '),
                count: settings.allowedCcOrgIds?.length ?? 0,
              })
            : t('optionsPolicyUnreadableAllowlist')}
        </p>
      )}
      {refused.consoleHosts && (
        <p role="alert" data-testid="policy-refused-hosts">
          {t('optionsPolicyRefusedHosts', {
            entries: refused.consoleHosts.join(', '),
            count: settings.consoleHosts?.length ?? 0,
          })}
        </p>
      )}
      {refused.consoleProfile && (
        <p role="alert" data-testid="policy-refused-console-profile">
          {t('optionsPolicyRefusedConsoleProfile', { entries: refused.consoleProfile.join(', ') })}
        </p>
      )}
      {(refused.boundAuthorHosts || refused.forbiddenAuthorHosts) && (
        <p role="alert" data-testid="policy-refused-author-hosts">
          {t('optionsPolicyRefusedAuthorHosts', {
            entries: [...(refused.boundAuthorHosts ?? []), ...(refused.forbiddenAuthorHosts ?? [])].join(', '),
          })}
        </p>
      )}
      {Object.entries(FAIL_CLOSED_NOTICES).map(
        ([field, message]) =>
          invalid.includes(field) && (
            <p key={field} role="alert" data-testid={`policy-unreadable-${field}`}>
              {t(message)}
            </p>
          ),
      )}
      {ignored.length > 0 && (
        <p role="alert" data-testid="policy-invalid">
          {t('optionsPolicyInvalid', { fields: ignored.join(', ') })}
        </p>
      )}
    </>
  );
}

/** Notices above the sections: unreadable stored settings, and policy fields that were ignored. */
function SettingsNotices({ settings }: { settings: EffectiveSettings }) {
  const t = useT();
  const policyActive = [
    settings.environment,
    settings.clientId,
    settings.readOnly,
    settings.blockUnknownEntitlements,
  ].some((s) => s.lockedBy);
  return (
    <>
      {settings.environment.corrupted && (
        <p role="alert" data-testid="corrupted-environment">
          {t('optionsCorruptedEnvironment')}
        </p>
      )}
      {settings.readOnly.corrupted && (
        <p role="alert" data-testid="corrupted-read-only">
          {t('optionsCorruptedReadOnly')}
        </p>
      )}
      {settings.environmentNeedsConfirmation && (
        <p role="alert" data-testid="environment-to-confirm">
          {t('optionsEnvironmentToConfirm')}
        </p>
      )}
      <PolicyProblems settings={settings} />
      {(policyActive ||
        settings.allowedCcOrgIds ||
        settings.authorHostPolicy.bound.length > 0 ||
        settings.authorHostPolicy.forbidden.length > 0) && (
        <p class="notice" data-testid="policy-active">
          {t('optionsPolicyActive')}
        </p>
      )}
    </>
  );
}

export function OptionsApp() {
  const t = useT();
  const settings = useEffectiveSettings().value;
  // The tab's title in the page's language too (index.html carries the English one).
  useEffect(() => {
    document.title = t('optionsTitle');
  }, []);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {!settings && <p aria-busy="true">{t('optionsLoading')}</p>}
      {settings && (
        <>
          <SettingsNotices settings={settings} />
          <EnvironmentSection settings={settings} />
          <SignInSetup />
          <ReadOnlySection settings={settings} />
          <ConsoleHosts policyHosts={settings.consoleHosts} />
          <AuthorHostBindings policy={settings.authorHostPolicy} />
          <SwitchHistory />
          <Diagnostics />
          <ClearDataSection />
        </>
      )}
    </main>
  );
}
