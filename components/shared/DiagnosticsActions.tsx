import { useSignal } from '@preact/signals';
import { useT } from '@/components/shared/i18n-context';
import { ERROR_MESSAGES } from '@/components/shared/messages';
import { fetchDiagnostics, type ReportTexts } from '@/lib/diagnostics/fetch-report';
import { saveTextFile } from '@/lib/save-file';
import '@/components/pages/styles/actions.css';

type Outcome = 'copied' | 'copyFailed' | { error: keyof typeof ERROR_MESSAGES } | undefined;

/**
 * Copy and download of the diagnostics report, in the popup and on the options page. The
 * report is fetched fresh for every action, so it shows the state at that moment. In the popup,
 * `tabId` is the tab it describes: the report then carries that console's page shape.
 */
export function DiagnosticsActions({
  onReport,
  tabId,
}: {
  onReport?: (texts: ReportTexts) => void;
  tabId?: Promise<number | undefined>;
}) {
  const t = useT();
  const outcome = useSignal<Outcome>(undefined);
  const busy = useSignal(false);

  async function withReport(use: (texts: ReportTexts) => Promise<void> | void) {
    busy.value = true;
    outcome.value = undefined;
    const answer = await fetchDiagnostics(await tabId);
    busy.value = false;
    if (!answer.ok) {
      outcome.value = { error: answer.error.code };
      return;
    }
    onReport?.(answer.texts);
    await use(answer.texts);
  }

  const copy = () =>
    withReport(async ({ markdown }) => {
      outcome.value = await navigator.clipboard.writeText(markdown).then(
        () => 'copied' as const,
        () => 'copyFailed' as const,
      );
    });

  return (
    <div class="diagnostics-actions">
      <div class="button-row">
        <button type="button" disabled={busy.value} onClick={() => void copy()} data-testid="diagnostics-copy">
          {t('diagnosticsCopy')}
        </button>
        <button
          type="button"
          disabled={busy.value}
          data-testid="diagnostics-download-md"
          onClick={() =>
            void withReport((texts) => saveTextFile(`${texts.baseName}.md`, texts.markdown, 'text/markdown'))
          }
        >
          {t('diagnosticsDownloadMarkdown')}
        </button>
        <button
          type="button"
          disabled={busy.value}
          data-testid="diagnostics-download-json"
          onClick={() =>
            void withReport((texts) => saveTextFile(`${texts.baseName}.json`, texts.json, 'application/json'))
          }
        >
          {t('diagnosticsDownloadJson')}
        </button>
      </div>
      <p role="status" class="muted" data-testid="diagnostics-outcome">
        {outcome.value === 'copied' && t('diagnosticsCopied')}
        {outcome.value === 'copyFailed' && t('diagnosticsCopyFailed')}
      </p>
      {typeof outcome.value === 'object' && (
        <p role="alert" class="error">
          {t(ERROR_MESSAGES[outcome.value.error])}
        </p>
      )}
    </div>
  );
}
