import type { EnvironmentName } from '@/lib/environment';
import type { MessageKey } from '@/lib/i18n';
import type { EffectiveSettings } from '@/lib/settings/effective';
import {
  type BaseUrlProblem,
  baseUrlProblem,
  type ClientIdProblem,
  clientIdProblem,
  type EnvironmentChoice,
  normalizedBaseUrl,
} from '@/lib/settings/schemas';

/** What the Environment form holds while the user edits it. */
export interface EnvironmentDraft {
  name: EnvironmentName;
  imsBaseUrl: string;
  assetsBaseUrl: string;
  clientId: string;
}

export function draftOf(settings: EffectiveSettings): EnvironmentDraft {
  const { name, baseUrls } = settings.environment.value;
  return {
    name,
    imsBaseUrl: baseUrls?.imsBaseUrl ?? '',
    assetsBaseUrl: baseUrls?.assetsBaseUrl ?? '',
    clientId: settings.clientId.value,
  };
}

export const BASE_URL_MESSAGES: Record<BaseUrlProblem, MessageKey> = {
  required: 'optionsErrorRequired',
  invalid: 'optionsErrorUrlInvalid',
  insecure: 'optionsErrorUrlInsecure',
  hasPath: 'optionsErrorUrlPath',
};

export const CLIENT_ID_MESSAGES: Record<ClientIdProblem, MessageKey> = {
  required: 'optionsErrorRequired',
  invalid: 'optionsErrorClientId',
};

export interface DraftProblems {
  imsBaseUrl?: MessageKey;
  assetsBaseUrl?: MessageKey;
  clientId?: MessageKey;
}

/** Inline validation; base URLs count only for Custom (the known environments bring their own); the Assets one is optional. */
export function problemsOf(draft: EnvironmentDraft, settings: EffectiveSettings): DraftProblems {
  const problems: DraftProblems = {};
  if (settings.environment.lockedBy !== 'policy' && draft.name === 'custom') {
    const ims = baseUrlProblem(draft.imsBaseUrl);
    // Optional: empty means each console's AEM author host.
    const assets = draft.assetsBaseUrl.trim() ? baseUrlProblem(draft.assetsBaseUrl) : undefined;
    if (ims) problems.imsBaseUrl = BASE_URL_MESSAGES[ims];
    if (assets) problems.assetsBaseUrl = BASE_URL_MESSAGES[assets];
  }
  const clientId = settings.clientId.lockedBy === 'policy' ? undefined : clientIdProblem(draft.clientId);
  if (clientId) problems.clientId = CLIENT_ID_MESSAGES[clientId];
  return problems;
}

function environmentChoiceOf(draft: EnvironmentDraft, settings: EffectiveSettings): EnvironmentChoice {
  if (draft.name === 'custom') {
    const imsBaseUrl = normalizedBaseUrl(draft.imsBaseUrl);
    const assetsBaseUrl = draft.assetsBaseUrl.trim() ? normalizedBaseUrl(draft.assetsBaseUrl) : undefined;
    return { name: 'custom', baseUrls: assetsBaseUrl ? { imsBaseUrl, assetsBaseUrl } : { imsBaseUrl } };
  }
  // A sandbox pointed at another port keeps that port; the other environments bring their own URLs.
  const current = settings.environment.value;
  if (draft.name === 'sandbox' && current.name === 'sandbox' && current.baseUrls) {
    return { name: 'sandbox', baseUrls: current.baseUrls };
  }
  return { name: draft.name };
}

/** The `saveSettings` fields for a valid draft; locked fields are left out (the worker would refuse them). */
export function changeOf(draft: EnvironmentDraft, settings: EffectiveSettings) {
  const change: { environment?: EnvironmentChoice; clientId?: string } = {};
  if (settings.environment.lockedBy !== 'policy') change.environment = environmentChoiceOf(draft, settings);
  if (settings.clientId.lockedBy !== 'policy') change.clientId = draft.clientId.trim();
  return change;
}
