import { type Signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type EffectiveSettings, readEffectiveSettings } from '@/lib/settings/effective';

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
    // Settings live in `local`, policy in `managed`; session-storage churn (caches) is not ours.
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'local' || area === 'managed') reload();
    };
    reload();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return settings;
}
