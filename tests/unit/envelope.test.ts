import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@/lib/errors';
import { type RequestType, responseSchemaFor, workerEventSchema } from '@/lib/messaging/contract';
import { isResponseEnvelope, isWorkerEvent } from '@/lib/messaging/envelope';
import { WORKER_EVENT_REASONS } from '@/lib/messaging/worker-event';

/**
 * The content script checks what the worker sends without zod (lib/messaging/envelope.ts).
 * These tests tie those checks to the contract: whatever the contract accepts, they accept;
 * whatever they accept has the contract's envelope.
 */

const status = { version: '1.2.3', environment: 'sandbox', signedIn: false };
const validAnswers: Array<[RequestType, unknown]> = [
  ['getStatus', { ok: true, data: status }],
  ['getConsoleState', { ok: true, data: { signedIn: false } }],
  ['signOut', { ok: true, data: { signedIn: false } }],
  ['getHistory', { ok: true, data: { entries: [] } }],
  ...ERROR_CODES.map((code): [RequestType, unknown] => ['switchOrg', { ok: false, error: { code, message: 'x' } }]),
];

describe('the content script envelope check', () => {
  it.each(validAnswers)('accepts every %s answer the contract accepts', (type, answer) => {
    expect(responseSchemaFor(type).safeParse(answer).success).toBe(true);
    expect(isResponseEnvelope(answer)).toBe(true);
  });

  it.each([
    ['no answer', undefined],
    ['a string', 'ok'],
    ['ok without data', { ok: true }],
    ['data that is not an object', { ok: true, data: 'state' }],
    ['an extra field', { ok: true, data: status, token: 'x' }],
    ['ok that is not a boolean', { ok: 'yes', data: status }],
    ['an unknown error code', { ok: false, error: { code: 'NOPE', message: 'x' } }],
    ['an error without a message', { ok: false, error: { code: 'INTERNAL' } }],
    ['an error with extra fields', { ok: false, error: { code: 'INTERNAL', message: 'x', stack: 'y' } }],
  ])('refuses %s, as the contract does', (_name, answer) => {
    expect(isResponseEnvelope(answer)).toBe(false);
    expect(responseSchemaFor('getStatus').safeParse(answer).success).toBe(false);
  });

  it('never accepts an envelope the contract would refuse for every request type', () => {
    const anything = fc.oneof(
      fc.anything(),
      fc.record({ ok: fc.boolean(), data: fc.anything(), error: fc.anything() }),
    );
    fc.assert(
      fc.property(anything, (answer) => {
        if (!isResponseEnvelope(answer)) return;
        const record = answer as { ok: boolean; error?: unknown };
        // An accepted failure is exactly the contract's; an accepted success carries an object.
        if (!record.ok) expect(responseSchemaFor('getStatus').safeParse(answer).success).toBe(true);
        else expect(Object.keys(record).sort()).toEqual(['data', 'ok']);
      }),
    );
  });
});

describe('the content script worker-event check', () => {
  it('knows exactly the reasons the contract defines', () => {
    expect([...WORKER_EVENT_REASONS].sort()).toEqual([...workerEventSchema.shape.reason.options].sort());
  });

  it('agrees with workerEventSchema on events and non-events', () => {
    const events = fc.oneof(
      fc.anything(),
      fc.record(
        {
          event: fc.constantFrom('stateChanged', 'other'),
          reason: fc.constantFrom(...WORKER_EVENT_REASONS, 'hacked'),
          aemOrgId: fc.oneof(fc.string(), fc.integer()),
          extra: fc.string(),
        },
        { requiredKeys: ['event'] },
      ),
    );
    fc.assert(
      fc.property(events, (event) => {
        expect(isWorkerEvent(event)).toBe(workerEventSchema.safeParse(event).success);
      }),
    );
  });
});
