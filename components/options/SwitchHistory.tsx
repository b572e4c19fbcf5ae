import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatDateTime } from '@/components/shared/format-date';
import { useLocale, useT } from '@/components/shared/i18n-context';
import { ERROR_MESSAGES } from '@/components/shared/messages';
import { type HistoryEntry, reportedBy } from '@/lib/history/entry';
import { filterHistory, historyToCsv, historyToJson, type ResultFilter } from '@/lib/history/export';
import type { MessageError } from '@/lib/messaging/contract';
import { sendRequest } from '@/lib/messaging/send';
import { fileStamp, saveTextFile } from '@/lib/save-file';
import { ClearHistory } from './ClearHistory';
import '@/components/pages/styles/actions.css';
import '@/components/pages/styles/history.css';

const orgName = (org: { name: string } | null, none: string) => org?.name ?? none;

/** The switch history: who switched what, when, with what result; filter, export, clear. */
export function SwitchHistory() {
  const t = useT();
  const locale = useLocale();
  const entries = useSignal<HistoryEntry[] | undefined>(undefined);
  const error = useSignal<MessageError | undefined>(undefined);
  const text = useSignal('');
  const result = useSignal<ResultFilter>('all');

  async function load() {
    const answer = await sendRequest({ type: 'getHistory' });
    if (answer.ok) entries.value = answer.data.entries;
    else error.value = answer.error;
  }
  useEffect(() => {
    void load();
  }, []);

  const all = entries.value ?? [];
  const shown = filterHistory(all, text.value, result.value);
  const save = (extension: 'json' | 'csv') => {
    const name = `aem-cc-org-switcher-history-${fileStamp(new Date())}.${extension}`;
    if (extension === 'json') saveTextFile(name, historyToJson(shown), 'application/json');
    else saveTextFile(name, historyToCsv(shown), 'text/csv');
  };

  return (
    <section aria-labelledby="history-title" class="history" data-testid="switch-history">
      <h2 id="history-title">{t('historyTitle')}</h2>
      <p>{t('historyIntro')}</p>
      {error.value && (
        <p role="alert" class="error">
          {t(ERROR_MESSAGES[error.value.code])}
        </p>
      )}
      <div class="history-filters">
        <label>
          {t('historyFilter')}
          <input type="search" value={text.value} onInput={(event) => (text.value = event.currentTarget.value)} />
        </label>
        <label>
          {t('historyResult')}
          <select value={result.value} onChange={(event) => (result.value = event.currentTarget.value as ResultFilter)}>
            <option value="all">{t('historyAllResults')}</option>
            <option value="success">{t('historySuccess')}</option>
            <option value="failed">{t('historyFailed')}</option>
          </select>
        </label>
      </div>
      <p role="status" class="muted" data-testid="history-count">
        {entries.value && t('historyShown', { shown: shown.length, total: all.length })}
      </p>
      {entries.value && all.length === 0 && <p data-testid="history-empty">{t('historyEmpty')}</p>}
      {all.length > 0 && shown.length === 0 && <p>{t('historyNoMatches')}</p>}
      {shown.length > 0 && (
        <div class="table-scroll">
          <table data-testid="history-table">
            <caption class="visually-hidden">{t('historyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('historyTime')}</th>
                <th scope="col">{t('historyUser')}</th>
                <th scope="col">{t('aemOrg')}</th>
                <th scope="col">{t('historyFrom')}</th>
                <th scope="col">{t('historyTo')}</th>
                <th scope="col">{t('historyResult')}</th>
                <th scope="col">{t('switchPath')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => (
                <tr key={entry.opId} data-op-id={entry.opId}>
                  <td>{formatDateTime(locale, entry.time)}</td>
                  <td class="mono">{entry.userId}</td>
                  <td>
                    {entry.aemOrgName}
                    {/* The environment the switch was made on; entries from before it was recorded have none. */}
                    {entry.authorHost && <span class="muted mono history-host">{entry.authorHost}</span>}
                  </td>
                  <td>{orgName(entry.from, t('noConnectedOrg'))}</td>
                  <td>{entry.to.name}</td>
                  <td data-result={entry.result}>
                    {t(entry.result === 'success' ? 'historySuccess' : 'historyFailed')}
                    {reportedBy(entry) === 'console' && (
                      <span data-testid="history-reported-by-console"> · {t('historyReportedByConsole')}</span>
                    )}
                    {entry.unverified && <span data-testid="history-unverified"> · {t('historyUnverified')}</span>}
                    {entry.errorCode && <span class="muted"> ({entry.errorCode})</span>}
                  </td>
                  <td data-path={entry.path}>{t(entry.path === 'api' ? 'switchPathApi' : 'switchPathConsole')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="button-row">
        <button
          type="button"
          disabled={shown.length === 0}
          onClick={() => save('json')}
          data-testid="history-export-json"
        >
          {t('historyExportJson')}
        </button>
        <button
          type="button"
          disabled={shown.length === 0}
          onClick={() => save('csv')}
          data-testid="history-export-csv"
        >
          {t('historyExportCsv')}
        </button>
        <ClearHistory count={all.length} onCleared={() => void load()} />
      </div>
    </section>
  );
}
