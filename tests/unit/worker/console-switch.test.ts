import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AssetsClient } from '@/lib/assets/client';
import { buildEntitlementModel, validateSwitchTarget } from '@/lib/entitlement/model';
import { ExtensionError } from '@/lib/errors';
import { HttpError } from '@/lib/http/errors';
import { moveSettingsOutOfStorageLocal } from '@/lib/settings/protected-settings';
import {
  beginConsoleSwitch,
  CONSOLE_SWITCH_TTL_MS,
  type ConsoleSwitchContext,
  finishConsoleSwitch,
  settleExpiredConsoleSwitchOnWake,
} from '@/lib/worker/console-switch';
import { readHistory } from '@/lib/worker/history';
import { type SwitchContext, switchOrg } from '@/lib/worker/switch-org';
import { isAssetsApiUnavailable, rememberedSwitchPath, rememberSwitchPath } from '@/lib/worker/switch-path';
import { readSwitchRecord, writeSwitchRecord } from '@/lib/worker/switch-record';
import { matrixCaseStarted } from '../../support/matrix';
import { ACME, BETA, CORP, consoleInput } from '../entitlement-fixtures';

const AEM_ORG = { id: 'FEDCBA9876543210FEDCBA98@AdobeOrg', name: 'Acme Marketing' };
const NAMES: Record<string, string> = { [ACME]: 'Acme', [BETA]: 'Beta', [CORP]: 'Corp' };
const START = Date.parse('2026-11-25T11:00:00Z');

/** The worker's console-switch context over a clock the test moves, validating with the real model. */
function consoleContext() {
  let now = START;
  let opCounter = 0;
  const announce = vi.fn(async () => {});
  const context: ConsoleSwitchContext = {
    aemOrg: AEM_ORG,
    // Where the API refuses the extension the console's user is unknown: no consoleUser.
    async revalidate(orgId, currentOrgId) {
      const currentOrg = currentOrgId === null ? null : { id: currentOrgId, name: NAMES[currentOrgId] ?? currentOrgId };
      const { consoleUser: _unknown, ...input } = consoleInput({ connection: { connectedOrg: currentOrg } });
      return {
        reasons: validateSwitchTarget(orgId, input),
        orgName: NAMES[orgId] ?? orgId,
        userId: 'U@AdobeID',
        currentOrg,
      };
    },
    now: () => now,
    newOpId: () => `op-${++opCounter}`,
    announce,
  };
  return {
    context,
    announce,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('a switch through the console page (worker side)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('validates, then records the operation with its path and an expiry, and answers from and to', async () => {
    const { context } = consoleContext();
    const begun = await beginConsoleSwitch(context, { orgId: ACME, expectedCurrentOrgId: BETA });
    expect(begun).toEqual({ opId: 'op-1', to: { id: ACME, name: 'Acme' }, from: { id: BETA, name: 'Beta' } });
    expect(await readSwitchRecord(AEM_ORG.id)).toMatchObject({
      opId: 'op-1',
      path: 'console',
      state: 'awaitingConsole',
      expiresAt: START + CONSOLE_SWITCH_TTL_MS,
    });
  });

  it('refuses an org the model refuses before anything is recorded', async () => {
    const { context } = consoleContext();
    await expect(beginConsoleSwitch(context, { orgId: CORP, expectedCurrentOrgId: BETA })).rejects.toMatchObject({
      code: 'NOT_ELIGIBLE',
    });
    expect(await readSwitchRecord(AEM_ORG.id)).toBeUndefined();
  });

  it('holds the lock across messages: a second switch, by the page or by the API, is refused while it runs', async () => {
    const { context } = consoleContext();
    await beginConsoleSwitch(context, { orgId: ACME, expectedCurrentOrgId: BETA });
    await expect(beginConsoleSwitch(context, { orgId: ACME, expectedCurrentOrgId: BETA })).rejects.toMatchObject({
      code: 'SWITCH_IN_PROGRESS',
    });
    const getConnection = vi.fn();
    const apiContext = { ...context, assets: { getConnection } as unknown as AssetsClient } as unknown as SwitchContext;
    await expect(switchOrg(apiContext, { orgId: ACME, expectedCurrentOrgId: BETA })).rejects.toMatchObject({
      code: 'SWITCH_IN_PROGRESS',
    });
    expect(getConnection).not.toHaveBeenCalled();
  });

  it("leaves another AEM org's unreconciled record alone: not settled, not overwritten", async () => {
    const matrixCase = matrixCaseStarted('attack', 'console switch in one AEM org keeps another org’s record');
    const otherOrg = '00000000000000000000FFFF@AdobeOrg';
    const unreconciled = {
      opId: 'op-api-elsewhere',
      aemOrgId: otherOrg,
      aemOrgName: 'Other Marketing',
      userId: 'U@AdobeID',
      from: { id: BETA, name: 'Beta' },
      to: { id: ACME, name: 'Acme' },
      state: 'putSent' as const,
      startedAt: START,
      path: 'api' as const,
    };
    await writeSwitchRecord(unreconciled);
    const { context } = consoleContext();
    await beginConsoleSwitch(context, { orgId: ACME, expectedCurrentOrgId: BETA });
    expect(await readSwitchRecord(otherOrg)).toEqual(unreconciled);
    expect(await readSwitchRecord(AEM_ORG.id)).toMatchObject({ path: 'console', aemOrgId: AEM_ORG.id });
    expect(await readHistory()).toEqual([]);
    matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0 });
  });

  it('settles an expired record as interrupted when the next switch begins', async () => {
    const { context, advance } = consoleContext();
    await beginConsoleSwitch(context, { orgId: ACME, expectedCurrentOrgId: BETA });
    advance(CONSOLE_SWITCH_TTL_MS);
    const next = await beginConsoleSwitch(context, { orgId: ACME, expectedCurrentOrgId: BETA });
    expect(next.opId).toBe('op-2');
    expect(await readHistory()).toEqual([
      expect.objectContaining({ opId: 'op-1', result: 'failed', errorCode: 'SWITCH_INTERRUPTED', path: 'console' }),
    ]);
  });

  it('on wake, settles only a record whose lock has expired', async () => {
    const { context, advance, announce } = consoleContext();
    await beginConsoleSwitch(context, { orgId: ACME, expectedCurrentOrgId: BETA });
    await settleExpiredConsoleSwitchOnWake(context);
    expect(await readSwitchRecord(AEM_ORG.id)).toBeDefined();
    expect(await readHistory()).toEqual([]);

    advance(CONSOLE_SWITCH_TTL_MS + 1);
    await settleExpiredConsoleSwitchOnWake(context);
    expect(await readSwitchRecord(AEM_ORG.id)).toBeUndefined();
    expect(await readHistory()).toEqual([
      expect.objectContaining({ result: 'failed', errorCode: 'SWITCH_INTERRUPTED', path: 'console' }),
    ]);
    expect(announce).toHaveBeenCalledOnce();
  });

  it('counts a switch as successful only when the page shows the target org', async () => {
    const { context, announce } = consoleContext();
    const { opId } = await beginConsoleSwitch(context, { orgId: ACME, expectedCurrentOrgId: BETA });
    const entry = await finishConsoleSwitch(context, { opId, outcome: 'verified', observedOrgId: ACME });
    expect(entry).toMatchObject({ opId, from: { id: BETA }, to: { id: ACME }, result: 'success', path: 'console' });
    expect(entry.errorCode).toBeUndefined();
    expect(await readSwitchRecord(AEM_ORG.id)).toBeUndefined();
    expect(announce).toHaveBeenCalledOnce();
  });

  it.each([
    ['verified', BETA, 'VERIFICATION_FAILED'],
    ['unverified', BETA, 'VERIFICATION_FAILED'],
    ['refused', BETA, 'CONSOLE_REFUSED'],
    ['pageChanged', null, 'PAGE_CHANGED'],
    ['cancelled', BETA, 'SWITCH_CANCELLED'],
  ] as const)('records "%s" with the page showing %s as failed with %s', async (outcome, observedOrgId, errorCode) => {
    const { context } = consoleContext();
    const { opId } = await beginConsoleSwitch(context, { orgId: ACME, expectedCurrentOrgId: BETA });
    const entry = await finishConsoleSwitch(context, { opId, outcome, observedOrgId });
    expect(entry).toMatchObject({ result: 'failed', errorCode, path: 'console' });
  });

  it('refuses to finish an operation that is not the one in flight (already settled elsewhere)', async () => {
    const { context } = consoleContext();
    await beginConsoleSwitch(context, { orgId: ACME, expectedCurrentOrgId: BETA });
    await expect(
      finishConsoleSwitch(context, { opId: 'op-other', outcome: 'verified', observedOrgId: ACME }),
    ).rejects.toMatchObject({ code: 'SWITCH_INTERRUPTED' });
    expect(await readSwitchRecord(AEM_ORG.id)).toMatchObject({ opId: 'op-1' });
  });
});

describe('the history path', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads entries written before the console path existed as api', async () => {
    const legacy = {
      opId: 'op-legacy',
      time: '2026-01-15T09:30:00.000Z',
      userId: 'U@AdobeID',
      aemOrgId: AEM_ORG.id,
      aemOrgName: AEM_ORG.name,
      from: null,
      to: { id: ACME, name: 'Acme' },
      result: 'success',
    };
    // As the release before the move wrote it: version 1, then moved out of storage.local on update.
    await fakeBrowser.storage.local.set({ auditLog: [legacy] });
    await moveSettingsOutOfStorageLocal({ reason: 'update', previousVersion: '0.1.0' });
    expect(await readHistory()).toEqual([{ ...legacy, path: 'api', unverified: true }]);
  });
});

describe('whether the Assets API is available to the extension', () => {
  const answer = (status: number, apiCode?: string) =>
    new HttpError(status === 403 && !apiCode ? 'FORBIDDEN' : 'API_ERROR', `answered ${status}`, {
      endpoint: 'GET /adobe/assets/users/me',
      status,
      apiCode,
    });

  it.each([
    [403, 'CLIENT_NOT_ALLOWED', true],
    [403, undefined, true],
    [404, 'NOT_FOUND', true],
    [404, undefined, true],
    [403, 'NOT_ASSETS_ADMIN', false],
    [401, 'UNAUTHORIZED', false],
    [500, undefined, false],
    [412, 'STALE_STATE', false],
  ])('%i %s → unavailable: %s', (status, apiCode, unavailable) => {
    expect(isAssetsApiUnavailable(answer(status, apiCode))).toBe(unavailable);
  });

  it('is never decided by an error that is not an HTTP answer', () => {
    expect(isAssetsApiUnavailable(new ExtensionError('TIMEOUT', 'slow'))).toBe(false);
    expect(isAssetsApiUnavailable(new Error('boom'))).toBe(false);
  });

  it('remembers the path per console for the session', async () => {
    fakeBrowser.reset();
    await rememberSwitchPath('["acme",""]', 'console');
    await rememberSwitchPath('["globex",""]', 'api');
    expect(await rememberedSwitchPath('["acme",""]')).toBe('console');
    expect(await rememberedSwitchPath('["globex",""]')).toBe('api');
    expect(await rememberedSwitchPath('["initech",""]')).toBeUndefined();
  });
});

describe('the entitlement model without the console user', () => {
  it('leaves the prerequisites unknown and refuses for neither of them', () => {
    const { consoleUser: _unknown, ...input } = consoleInput();
    const model = buildEntitlementModel(input);
    expect(model.prerequisites).toEqual({ isAssetsAdmin: 'unknown', sameUserId: 'unknown' });
    const acme = model.orgs.find((org) => org.orgId === ACME);
    expect(acme).toMatchObject({ eligible: true, reasons: [] });
    expect(acme?.badges).not.toContain('differentUserId');
  });
});
