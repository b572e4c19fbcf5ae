import { type Signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { watchPolicy } from '@/lib/policy/managed';
import { type EffectiveSettings, readEffectiveSettings } from '@/lib/settings/effective';
import { environmentSetting, readOnlySetting } from '@/lib/storage-items';

/**
 * The settings in force, re-read whenever storage changes: a save here, a change in another
 * window, or a new enterprise policy (managed storage) all show at once.
 */
export function useEffectiveSettings(): Signal<EffectiveSettings | undefined> {
  const settings = useSignal<EffectiveSettings | undefined>(undefined);
  useEffect(() => {
    let generation = 0;
    const reload = () => {
      const mine = ++generation;
      void readEffectiveSettings().then((value) => {
        if (mine === generation) settings.value = value;
      });
    };
    // The user's settings are protected items (the worker writes them), policy is managed storage.
    const unwatch = [environmentSetting.watch(reload), readOnlySetting.watch(reload), watchPolicy(reload)];
    reload();
    return () => {
      for (const stop of unwatch) stop();
    };
  }, []);
  return settings;
}
