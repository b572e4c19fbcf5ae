import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useT } from '@/components/shared/i18n-context';
import { ERROR_MESSAGES } from '@/components/shared/messages';
import { isSandboxBuild } from '@/lib/build-flavor';
import { BUILD_ENVIRONMENT_NAMES, type EnvironmentName, endpointsFor } from '@/lib/environment';
import type { MessageKey } from '@/lib/i18n';
import { sendRequest } from '@/lib/messaging/send';
import { type EffectiveSettings, environmentOf } from '@/lib/settings/effective';
import { hostPermissionsFor } from '@/lib/settings/host-access';
import { changeOf, draftOf, type EnvironmentDraft, problemsOf } from './environment-form';
import { LockedNote } from './LockedNote';
import { TextField } from './TextField';

// The sandbox's label only where the sandbox is offered: a production bundle carries no trace of it.
const ENVIRONMENT_LABELS: Partial<Record<EnvironmentName, MessageKey>> = {
  production: 'optionsEnvProduction',
  stage: 'optionsEnvStage',
  ...(isSandboxBuild && { sandbox: 'optionsEnvSandbox' as const }),
  custom: 'optionsEnvCustom',
};

type SaveStatus = { kind: 'saved'; signedOut: boolean } | { kind: 'failed'; message: MessageKey };

/** Environment (Production, Stage, Sandbox, Custom base URLs) and the IMS client ID. */
export function EnvironmentSection({ settings }: { settings: EffectiveSettings }) {
  const t = useT();
  const draft = useSignal<EnvironmentDraft>(draftOf(settings));
  const showProblems = useSignal(false);
  const status = useSignal<SaveStatus | undefined>(undefined);
  const saving = useSignal(false);
  // Policy or another window changed the settings: show what is in force now.
  useEffect(() => {
    draft.value = draftOf(settings);
  }, [JSON.stringify(environmentOf(settings)), settings.environment.lockedBy, settings.clientId.lockedBy]);

  const environmentLocked = settings.environment.lockedBy === 'policy';
  const clientIdLocked = settings.clientId.lockedBy === 'policy';
  const problems = showProblems.value ? problemsOf(draft.value, settings) : {};
  const edit = (patch: Partial<EnvironmentDraft>) => {
    draft.value = { ...draft.value, ...patch };
    status.value = undefined;
  };
  const endpoints = endpointsFor(environmentOf(settings));

  async function save(event: Event) {
    event.preventDefault();
    showProblems.value = true;
    if (Object.keys(problemsOf(draft.value, settings)).length > 0) return;
    const change = changeOf(draft.value, settings);
    // A custom environment's hosts are asked for here, in the click: the browser shows its
    // prompt only from a user gesture, so nothing may be awaited before the request.
    const origins = hostPermissionsFor(change.environment);
    const granted = origins.length === 0 ? Promise.resolve(true) : browser.permissions.request({ origins });
    saving.value = true;
    if (!(await granted.catch(() => false))) {
      saving.value = false;
      status.value = { kind: 'failed', message: 'optionsHostAccessDenied' };
      return;
    }
    const answer = await sendRequest({ type: 'saveSettings', ...change });
    saving.value = false;
    status.value = answer.ok
      ? { kind: 'saved', signedOut: answer.data.signedOut }
      : { kind: 'failed', message: ERROR_MESSAGES[answer.error.code] };
  }

  return (
    <section aria-labelledby="environment-title">
      <h2 id="environment-title">{t('optionsEnvironmentTitle')}</h2>
      <p class="muted">{t('optionsEnvironmentHelp')}</p>
      <form onSubmit={save} noValidate>
        <LockedNote id="environment-locked" setting={settings.environment} />
        <div class="field">
          <label for="environment-name">{t('optionsEnvironmentLabel')}</label>
          <select
            id="environment-name"
            value={draft.value.name}
            disabled={environmentLocked}
            aria-describedby={environmentLocked ? 'environment-locked' : undefined}
            onChange={(event) => edit({ name: event.currentTarget.value as EnvironmentName })}
          >
            {BUILD_ENVIRONMENT_NAMES.flatMap((name) => {
              const label = ENVIRONMENT_LABELS[name];
              return label ? (
                <option key={name} value={name}>
                  {t(label)}
                </option>
              ) : (
                []
              );
            })}
          </select>
        </div>
        {draft.value.name === 'custom' && (
          <fieldset>
            <legend>{t('optionsCustomLegend')}</legend>
            <TextField
              id="ims-base-url"
              label={t('optionsImsBaseUrl')}
              hint={t('optionsBaseUrlHint')}
              value={draft.value.imsBaseUrl}
              error={problems.imsBaseUrl && t(problems.imsBaseUrl)}
              locked={environmentLocked ? 'environment-locked' : undefined}
              onInput={(imsBaseUrl) => edit({ imsBaseUrl })}
            />
            <TextField
              id="assets-base-url"
              label={t('optionsAssetsBaseUrl')}
              hint={t('optionsAssetsBaseUrlHint')}
              value={draft.value.assetsBaseUrl}
              error={problems.assetsBaseUrl && t(problems.assetsBaseUrl)}
              locked={environmentLocked ? 'environment-locked' : undefined}
              onInput={(assetsBaseUrl) => edit({ assetsBaseUrl })}
            />
          </fieldset>
        )}
        <LockedNote id="client-id-locked" setting={settings.clientId} />
        <TextField
          id="client-id"
          label={t('optionsClientId')}
          hint={t('optionsClientIdHint')}
          value={draft.value.clientId}
          error={problems.clientId && t(problems.clientId)}
          locked={clientIdLocked ? 'client-id-locked' : undefined}
          onInput={(clientId) => edit({ clientId })}
        />
        {endpoints && (
          <p class="muted" data-testid="endpoints-in-force">
            {t('optionsEndpoints', {
              ims: endpoints.imsBaseUrl,
              assets: endpoints.assetsBaseUrl ?? t('optionsAssetsFromConsole'),
            })}
          </p>
        )}
        <p class="muted">{t('optionsSessionNote')}</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={saving.value || (environmentLocked && clientIdLocked)}>
            {t('optionsSave')}
          </button>
          <p role="status" data-testid="environment-status">
            {status.value?.kind === 'saved' && t(status.value.signedOut ? 'optionsSavedSignedOut' : 'optionsSaved')}
          </p>
        </div>
        {status.value?.kind === 'failed' && (
          <p role="alert" class="error">
            {t(status.value.message)}
          </p>
        )}
      </form>
    </section>
  );
}
