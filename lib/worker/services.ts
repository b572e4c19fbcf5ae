import type { WorkerEvent } from '../messaging/contract';
import { clearConsoleStateCache } from './console-state';
import type { Session } from './session';

/** What the worker's handlers share, built once by the background entry point. */
export interface WorkerServices {
  session: Session;
  announce(event: WorkerEvent): Promise<void>;
  newOpId(): string;
}

/**
 * How every switch ends, whichever path made it or settled it: the cached states no longer hold,
 * and every tab and page of that AEM org reloads.
 */
export function announceSwitchedWith({ announce }: Pick<WorkerServices, 'announce'>) {
  return async (entry: { aemOrgId: string }): Promise<void> => {
    await clearConsoleStateCache();
    await announce({ event: 'stateChanged', reason: 'switched', aemOrgId: entry.aemOrgId });
  };
}
