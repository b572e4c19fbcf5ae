/**
 * The worker's `stateChanged` event, without zod: the console tab checks it with
 * `isWorkerEvent` (envelope.ts) and the contract's `workerEventSchema` is built from the same
 * list, with a compile-time check that both describe the same shape.
 */

/** Why the worker pushes a `stateChanged` event. */
export const WORKER_EVENT_REASONS = [
  'signedIn',
  'signedOut',
  'switched',
  'connectionChanged',
  'settingsChanged',
] as const;

export interface WorkerEvent {
  event: 'stateChanged';
  reason: (typeof WORKER_EVENT_REASONS)[number];
  aemOrgId?: string | undefined;
}
