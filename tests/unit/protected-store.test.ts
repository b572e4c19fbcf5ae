import { createStore, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';

// The store behind the settings content scripts cannot reach (lib/protected-store.ts). Each
// `freshStore()` is the module as another extension context (options, popup, worker) loads it.
async function freshStore() {
  vi.resetModules();
  return import('@/lib/protected-store');
}

describe('the protected store', () => {
  it('reads back what was written, and nothing after removal', async () => {
    const { protectedItem } = await freshStore();
    const readOnly = protectedItem('readOnly', 1);
    expect(await readOnly.getValue()).toBeNull();
    await readOnly.setValue(true);
    expect(await readOnly.getValue()).toBe(true);
    await readOnly.removeValue();
    expect(await readOnly.getValue()).toBeNull();
  });

  it('migrates a value of an older shape once, through every step, and stores the new shape', async () => {
    const { protectedItem } = await freshStore();
    await protectedItem('environment', 1).setValue({ clientId: 'c' });
    const step2 = vi.fn((value: unknown) => ({ ...(value as object), step2: true }));
    const step3 = vi.fn((value: unknown) => ({ ...(value as object), step3: true }));
    const next = protectedItem('environment', 3, { 2: step2, 3: step3 });
    expect(await next.getValue()).toEqual({ clientId: 'c', step2: true, step3: true });
    expect(await next.getValue()).toEqual({ clientId: 'c', step2: true, step3: true });
    expect([step2.mock.calls.length, step3.mock.calls.length]).toEqual([1, 1]);
  });

  it('reads a stored record of another shape as absent', async () => {
    const { protectedItem } = await freshStore();
    await set('readOnly', true, createStore('protected-settings', 'items'));
    expect(await protectedItem('readOnly', 1).getValue()).toBeNull();
  });

  it('tells watchers in this and in another extension context, and only of their key', async () => {
    const options = await freshStore();
    const worker = await freshStore();
    const inOptions = vi.fn();
    const inWorker = vi.fn();
    const otherKey = vi.fn();
    options.protectedItem('customConsoleHosts', 1).watch(inOptions);
    const unwatch = worker.protectedItem('customConsoleHosts', 1).watch(inWorker);
    worker.protectedItem('readOnly', 1).watch(otherKey);

    await options.protectedItem('customConsoleHosts', 1).setValue([]);
    await vi.waitFor(() => expect(inWorker).toHaveBeenCalledTimes(1));
    expect(inOptions).toHaveBeenCalledTimes(1);

    unwatch();
    await options.protectedItem('customConsoleHosts', 1).removeValue();
    await vi.waitFor(() => expect(inOptions).toHaveBeenCalledTimes(2));
    expect(inWorker).toHaveBeenCalledTimes(1);
    expect(otherKey).not.toHaveBeenCalled();
  });

  it('ignores change notices of any other shape', async () => {
    const { protectedItem } = await freshStore();
    const watcher = vi.fn();
    const sentinel = vi.fn();
    protectedItem('readOnly', 1).watch(watcher);
    protectedItem('environment', 1).watch(sentinel);
    const sender = new BroadcastChannel('protected-settings-changed');
    for (const message of [{ key: 1 }, 'readOnly', { key: 'readOnly', extra: true }, { key: ['readOnly'] }]) {
      sender.postMessage(message);
    }
    // Notices arrive in order: once the last one is heard, the ones before it were judged.
    sender.postMessage({ key: 'environment' });
    await vi.waitFor(() => expect(sentinel).toHaveBeenCalledTimes(1));
    expect(watcher).not.toHaveBeenCalled();
    sender.close();
  });
});
