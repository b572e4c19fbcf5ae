import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { DiagnosticsActions } from '@/components/shared/DiagnosticsActions';
import { useT } from '@/components/shared/i18n-context';
import { fetchDiagnostics } from '@/lib/diagnostics/fetch-report';

/** The diagnostics report for support tickets: what it holds, a preview, copy and download. */
export function Diagnostics() {
  const t = useT();
  const preview = useSignal<string | undefined>(undefined);
  useEffect(() => {
    void fetchDiagnostics().then((answer) => {
      if (answer.ok) preview.value = answer.texts.markdown;
    });
  }, []);
  return (
    <section aria-labelledby="diagnostics-title" data-testid="diagnostics">
      <h2 id="diagnostics-title">{t('diagnosticsTitle')}</h2>
      <p>{t('diagnosticsIntro')}</p>
      <DiagnosticsActions onReport={(texts) => (preview.value = texts.markdown)} />
      {preview.value && (
        <details>
          <summary>{t('diagnosticsPreview')}</summary>
          <pre class="report-preview" data-testid="diagnostics-preview">
            {preview.value}
          </pre>
        </details>
      )}
    </section>
  );
}
