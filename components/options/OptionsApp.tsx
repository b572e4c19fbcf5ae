import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type EnvironmentSettings, endpointsFor } from '@/lib/environment';
import { readEnvironment, type Validated } from '@/lib/storage-items';
import { ConsoleHosts } from './ConsoleHosts';

export function OptionsApp() {
  const environment = useSignal<Validated<EnvironmentSettings> | undefined>(undefined);
  useEffect(() => {
    void readEnvironment().then((value) => {
      environment.value = value;
    });
  }, []);

  const current = environment.value;
  const endpoints = current && endpointsFor(current.value);
  return (
    <main>
      <h1>CC Org Switcher options</h1>
      {current?.corrupted && <p role="alert">The stored environment was unreadable; the default is in use.</p>}
      {current && (
        <dl>
          <dt>Environment</dt>
          <dd data-testid="environment-name">{current.value.name}</dd>
          <dt>IMS</dt>
          <dd>{endpoints?.imsBaseUrl ?? '—'}</dd>
          <dt>Assets API</dt>
          <dd>{endpoints?.assetsBaseUrl ?? '—'}</dd>
        </dl>
      )}
      <ConsoleHosts />
    </main>
  );
}
