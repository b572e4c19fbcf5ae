import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { useT } from '@/components/shared/i18n-context';
import { IMS_SCOPES } from '@/lib/ims/schemas';

/**
 * What IT needs to register the IMS client this extension signs in with: the redirect URL of
 * this very browser (Chrome and Firefox each have their own, derived from the extension's id),
 * the credential type and the scopes. A production build has no client id until they do.
 */
export function SignInSetup() {
  const t = useT();
  const redirectUrl = browser.identity.getRedirectURL();
  const scopes = IMS_SCOPES.join(',');
  const copied = useSignal<'redirectUrl' | 'scopes' | 'failed' | undefined>(undefined);

  const copy = (what: 'redirectUrl' | 'scopes', text: string) => {
    copied.value = undefined;
    navigator.clipboard.writeText(text).then(
      () => {
        copied.value = what;
      },
      () => {
        copied.value = 'failed';
      },
    );
  };

  return (
    <section aria-labelledby="sign-in-setup-title">
      <h2 id="sign-in-setup-title">{t('optionsSignInSetupTitle')}</h2>
      <p class="muted">{t('optionsSignInSetupHelp')}</p>
      <div class="field">
        <label for="redirect-url">{t('optionsRedirectUrl')}</label>
        <div class="copy-row">
          <input id="redirect-url" readOnly value={redirectUrl} aria-describedby="redirect-url-hint" />
          <button type="button" onClick={() => copy('redirectUrl', redirectUrl)} data-testid="copy-redirect-url">
            {t('optionsCopy')}
          </button>
        </div>
        <p id="redirect-url-hint" class="muted">
          {t('optionsRedirectUrlHint')}
        </p>
      </div>
      <div class="field">
        <label for="ims-scopes">{t('optionsScopes')}</label>
        <div class="copy-row">
          <input id="ims-scopes" readOnly value={scopes} aria-describedby="ims-scopes-hint" />
          <button type="button" onClick={() => copy('scopes', scopes)} data-testid="copy-scopes">
            {t('optionsCopy')}
          </button>
        </div>
        <p id="ims-scopes-hint" class="muted">
          {t('optionsScopesHint')}
        </p>
      </div>
      <p role="status" data-testid="sign-in-setup-status">
        {copied.value === 'redirectUrl' && t('optionsRedirectUrlCopied')}
        {copied.value === 'scopes' && t('optionsScopesCopied')}
        {copied.value === 'failed' && t('optionsCopyFailed')}
      </p>
    </section>
  );
}
