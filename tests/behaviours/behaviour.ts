import type { BrowserDriver, BrowserName } from '../drivers/driver';

/**
 * One behaviour a user would notice, written once against the driver (tests/drivers/driver.ts)
 * and run in each browser: tests/e2e/behaviours.spec.ts registers every behaviour with
 * Playwright (Chromium), tests/firefox/behaviours.test.ts with Vitest (firefox-esr).
 * Assertions use `node:assert/strict`, which both runners report as a failure.
 */
export interface Behaviour {
  name: string;
  /** Runs in one browser only: `why` says what the other browser cannot do (tests/HARNESS.md lists them). */
  only?: { browser: BrowserName; why: string };
  /** Waits out a long server delay or a large scenario: the runner triples its time bound. */
  slow?: boolean;
  run(driver: BrowserDriver): Promise<void>;
}

export interface BehaviourGroup {
  title: string;
  behaviours: Behaviour[];
}

export const runsIn = (behaviour: Behaviour, browser: BrowserName) =>
  behaviour.only === undefined || behaviour.only.browser === browser;
