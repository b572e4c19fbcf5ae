import { useSignal } from '@preact/signals';
import { useLayoutEffect } from 'preact/hooks';
import { formatDateTime } from '@/components/shared/format-date';
import { useLocale, useT } from '@/components/shared/i18n-context';
import { ACCOUNT_TYPES, ENVIRONMENT_LABELS, INDIVIDUAL_CC } from '@/components/shared/messages';
import { markPerf, PERF_MARKS } from '@/lib/console-page/perf-marks';
import type { ConsoleStore } from '@/lib/console-page/store';
import type { PrerequisiteState } from '@/lib/entitlement/schemas';
import type { MessageKey } from '@/lib/i18n';
import type { ConsoleState } from '@/lib/messaging/contract';
import { fromUser } from './user-input';

type SignedIn = Extract<ConsoleState, { signedIn: true }>;

/** ✓ / ✗ when we could ask; when nothing we can ask answers, the words say the console checks it. */
function Check({ state, label }: { state: PrerequisiteState; label: string }) {
  const t = useT();
  const unknown = state === 'unknown';
  return (
    <li class={`check-${state}`} data-check={state}>
      <span class="check-icon" aria-hidden="true">
        {unknown ? '?' : state === 'met' ? '✓' : '✗'}
      </span>
      {label}
      <span class={unknown ? 'muted' : 'visually-hidden'}>
        : {t(unknown ? 'prereqUnknown' : state === 'met' ? 'prereqMet' : 'prereqNotMet')}
      </span>
    </li>
  );
}

function AemOrgChooser({ store, state }: { store: ConsoleStore; state: SignedIn }) {
  const t = useT();
  const candidates = state.aemOrg.status === 'resolved' ? [] : state.aemOrg.candidates;
  const chosen = useSignal(candidates[0]?.id ?? '');
  return (
    <form
      class="row"
      onSubmit={(event) => {
        event.preventDefault();
        // A submit the page triggers (requestSubmit) is untrusted; the user's click or Enter is not.
        if (event.isTrusted) void store.chooseAemOrg(chosen.value);
      }}
    >
      <p>{t('chooseAemOrgPrompt')}</p>
      <label class="visually-hidden" for="aem-org-choice">
        {t('aemOrg')}
      </label>
      <select
        id="aem-org-choice"
        value={chosen.value}
        onChange={fromUser((event) => (chosen.value = event.currentTarget.value))}
      >
        {candidates.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!chosen.value || store.busy.value !== undefined}>
        {t('chooseAemOrg')}
      </button>
    </form>
  );
}

const TRUST_LABELS = {
  admin: 'authorHostTrustAdmin',
  policy: 'authorHostTrustPolicy',
  override: 'authorHostTrustOverride',
  unconfirmed: 'authorHostTrustUnconfirmed',
  forbidden: 'authorHostTrustForbidden',
} as const satisfies Record<NonNullable<SignedIn['authorHost']>['trust'], MessageKey>;

/**
 * Until the admin binds the author host to the AEM org, no call carrying the token goes there
 * (docs/ARCHITECTURE.md#author-host-binding): the host, the AEM org and the environment are
 * spelled out, and only a trusted click confirms.
 */
function AuthorHostConfirm({ store, state }: { store: ConsoleStore; state: SignedIn }) {
  const t = useT();
  const { authorHost, aemOrg } = state;
  if (!authorHost || aemOrg.status !== 'resolved') return null;
  const names = {
    host: authorHost.host,
    aemOrg: aemOrg.org.name,
    environment: t(ENVIRONMENT_LABELS[authorHost.environment]),
  };
  if (authorHost.trust === 'forbidden') {
    return (
      <p class="message" role="alert" data-testid="author-host-forbidden">
        {t('authorHostForbiddenText', names)}
      </p>
    );
  }
  if (authorHost.trust !== 'unconfirmed') return null;
  return (
    <section class="message" aria-labelledby="author-host-title" data-testid="author-host-confirm">
      <h3 id="author-host-title">{t('authorHostConfirmTitle')}</h3>
      <p>{t('authorHostConfirmText', names)}</p>
      <button
        type="button"
        class="primary"
        disabled={store.busy.value !== undefined}
        onClick={fromUser(() => void store.confirmAuthorHost())}
      >
        {t('authorHostConfirm')}
      </button>
    </section>
  );
}

function SignedInStatus({ store, state }: { store: ConsoleStore; state: SignedIn }) {
  const t = useT();
  const locale = useLocale();
  const { identity, aemOrg, console: resolved } = state;
  const connection = resolved?.connection;
  // For `npm run bench`: this console's status and entitlement summary are in the DOM.
  useLayoutEffect(() => {
    if (resolved) markPerf(PERF_MARKS.statusShown);
  }, [resolved]);
  return (
    <>
      <dl class="facts">
        <dt>{t('signedInAs')}</dt>
        <dd data-testid="identity">
          {identity.name} <span class="muted">{identity.email}</span>
        </dd>
        <dt>{t('accountType')}</dt>
        <dd data-testid="account-type">{t(ACCOUNT_TYPES[identity.accountType])}</dd>
        {resolved && (
          <>
            {/* The user's own plan: it lives in no IMS org, so it never decides an org's badge. */}
            <dt>{t('individualCc')}</dt>
            <dd data-testid="individual-cc">{t(INDIVIDUAL_CC[resolved.model.individualCreativeCloud])}</dd>
          </>
        )}
        <dt>{t('aemOrg')}</dt>
        <dd data-testid="aem-org">{aemOrg.status === 'resolved' ? aemOrg.org.name : '—'}</dd>
        {state.authorHost && (
          <>
            <dt>{t('authorHost')}</dt>
            <dd data-testid="author-host">
              <span class="org-id">{state.authorHost.host}</span>{' '}
              <span class="muted">
                {t(ENVIRONMENT_LABELS[state.authorHost.environment])} · {t(TRUST_LABELS[state.authorHost.trust])}
              </span>
            </dd>
          </>
        )}
        {connection && (
          <>
            <dt>{t('connectedOrg')}</dt>
            <dd data-testid="connected-org">
              {connection.connectedOrg ? connection.connectedOrg.name : t('noConnectedOrg')}{' '}
              {connection.connectedOrg && <span class="org-id">{connection.connectedOrg.id}</span>}
              {connection.updatedAt && (
                <>
                  <br />
                  <span class="muted">
                    {t('connectedSince', {
                      date: formatDateTime(locale, connection.updatedAt),
                      user: connection.updatedBy ?? '',
                    })}
                  </span>
                </>
              )}
            </dd>
          </>
        )}
      </dl>
      {aemOrg.status !== 'resolved' && <AemOrgChooser store={store} state={state} />}
      <AuthorHostConfirm store={store} state={state} />
      {resolved && (
        <>
          <h3>{t('prerequisites')}</h3>
          <ul class="checks" data-testid="prerequisites">
            <Check state={resolved.model.prerequisites.isAssetsAdmin} label={t('prereqAssetsAdmin')} />
            <Check state={resolved.model.prerequisites.sameUserId} label={t('prereqSameUserId')} />
          </ul>
          <p data-testid="summary">
            {t('summary', { eligible: resolved.summary.eligible, total: resolved.summary.total })}
          </p>
          {resolved.readOnly && (
            <p class="message" data-testid="read-only">
              {t('readOnly')}
            </p>
          )}
        </>
      )}
      <button type="button" disabled={store.busy.value === 'signIn'} onClick={fromUser(() => void store.signIn(true))}>
        {t('useDifferentAccount')}
      </button>
    </>
  );
}

/** Who is signed in, which orgs are involved, and whether the prerequisites hold. */
export function StatusPanel({ store }: { store: ConsoleStore }) {
  const t = useT();
  const state = store.state.value;
  if (!state) {
    return <p aria-busy={store.busy.value === 'load'}>{store.busy.value === 'load' ? t('loading') : ''}</p>;
  }
  if (!state.signedIn) {
    return (
      <>
        <p>{t('signedOut')}</p>
        <button
          type="button"
          class="primary"
          disabled={store.busy.value === 'signIn'}
          onClick={fromUser(() => void store.signIn(false))}
        >
          {t('signIn')}
        </button>
      </>
    );
  }
  return <SignedInStatus store={store} state={state} />;
}
