import { LocaleContext, useT } from '@/components/shared/i18n-context';
import type { ConsoleStore } from '@/lib/console-page/store';
import { Feedback } from './Feedback';
import { type Guard, NativeGuard } from './NativeGuard';
import { StatusPanel } from './StatusPanel';
import { Switcher } from './Switcher';

function Panel({ store, guard }: { store: ConsoleStore; guard: Guard }) {
  const t = useT();
  const state = store.state.value;
  const resolved = state?.signedIn ? state.console : undefined;
  const readOnly = resolved?.readOnly ?? false;
  return (
    <section class="panel" aria-labelledby="panel-title" data-testid="console-ui">
      <h2 id="panel-title">{t('panelTitle')}</h2>
      <StatusPanel store={store} />
      {resolved && !readOnly && <Switcher store={store} />}
      <Feedback store={store} readOnly={readOnly} />
      <NativeGuard guard={guard} />
    </section>
  );
}

/** The whole console UI: status, switcher, feedback, and the native guard's dialog. */
export function ConsoleApp({ store, guard, locale }: { store: ConsoleStore; guard: Guard; locale: string }) {
  return (
    <LocaleContext.Provider value={locale}>
      <Panel store={store} guard={guard} />
    </LocaleContext.Provider>
  );
}
