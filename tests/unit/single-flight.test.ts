import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../lib/worker/single-flight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('singleFlight', () => {
  it('runs concurrent calls with one key once and gives each the same answer', async () => {
    const shared = singleFlight<string>();
    const answer = deferred<string>();
    let runs = 0;
    const run = () => {
      runs += 1;
      return answer.promise;
    };
    const first = shared('orgs', run);
    const second = shared('orgs', run);
    answer.resolve('the orgs');
    expect(await Promise.all([first, second])).toEqual(['the orgs', 'the orgs']);
    expect(runs).toBe(1);
  });

  it('runs different keys separately', async () => {
    const shared = singleFlight<string>();
    const keys: string[] = [];
    const run = (key: string) => () => {
      keys.push(key);
      return Promise.resolve(key);
    };
    expect(await Promise.all([shared('a', run('a')), shared('b', run('b'))])).toEqual(['a', 'b']);
    expect(keys).toEqual(['a', 'b']);
  });

  it('asks again once the earlier call settled, after an answer or a failure', async () => {
    const shared = singleFlight<string>();
    let runs = 0;
    await expect(
      shared('me', () => {
        runs += 1;
        return Promise.reject(new Error('offline'));
      }),
    ).rejects.toThrow('offline');
    expect(
      await shared('me', () => {
        runs += 1;
        return Promise.resolve('me');
      }),
    ).toBe('me');
    expect(runs).toBe(2);
  });

  it('gives every concurrent caller the same failure', async () => {
    const shared = singleFlight<string>();
    const answer = deferred<string>();
    const first = shared('me', () => answer.promise);
    const second = shared('me', () => Promise.resolve('not asked'));
    answer.reject(new Error('HTTP 500'));
    await expect(first).rejects.toThrow('HTTP 500');
    await expect(second).rejects.toThrow('HTTP 500');
  });

  it('starts anew after forgetInFlight, and the earlier call settling does not drop the newer one', async () => {
    const shared = singleFlight<string>();
    const before = deferred<string>();
    const after = deferred<string>();
    const first = shared('state', () => before.promise);
    shared.forgetInFlight();
    const second = shared('state', () => after.promise);
    before.resolve('before sign-out');
    expect(await first).toBe('before sign-out');
    const third = shared('state', () => Promise.resolve('not asked'));
    after.resolve('after sign-out');
    expect(await second).toBe('after sign-out');
    expect(await third).toBe('after sign-out');
  });
});
