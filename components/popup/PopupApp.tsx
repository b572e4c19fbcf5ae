import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Response } from '@/lib/messaging/contract';
import { sendRequest } from '@/lib/messaging/send';

export function PopupApp() {
  const status = useSignal<Response<'getStatus'> | undefined>(undefined);
  useEffect(() => {
    void sendRequest({ type: 'getStatus' }).then((response) => {
      status.value = response;
    });
  }, []);

  const current = status.value;
  return (
    <main>
      <h1>CC Org Switcher</h1>
      {!current && <p aria-busy="true">Loading…</p>}
      {current && !current.ok && (
        <p role="alert" data-testid="status-error">
          {current.error.message}
        </p>
      )}
      {current?.ok && (
        <dl data-testid="status">
          <dt>Version</dt>
          <dd data-testid="status-version">{current.data.version}</dd>
          <dt>Environment</dt>
          <dd data-testid="status-environment">{current.data.environment}</dd>
          <dt>Session</dt>
          <dd data-testid="status-signed-in">{current.data.signedIn ? 'Signed in' : 'Not signed in'}</dd>
        </dl>
      )}
    </main>
  );
}
