import type { MessageError } from '../messaging/contract';
import { sendRequest } from '../messaging/send';
import { fileStamp } from '../save-file';
import { reportToMarkdown } from './markdown';
import { redact } from './redact';
import type { DiagnosticsReport } from './schemas';

export interface ReportTexts {
  report: DiagnosticsReport;
  markdown: string;
  json: string;
  /** `aem-cc-org-switcher-diagnostics-2026-11-25T08-40` (add `.md` or `.json`). */
  baseName: string;
}

/**
 * Asks the worker for the report and renders both forms; the JSON is redacted once more as text.
 * `tabId`: the console tab the popup shows, whose page shape the report then includes.
 */
export async function fetchDiagnostics(
  tabId?: number,
): Promise<{ ok: true; texts: ReportTexts } | { ok: false; error: MessageError }> {
  const answer = await sendRequest(
    tabId === undefined ? { type: 'getDiagnostics' } : { type: 'getDiagnostics', tabId },
  );
  if (!answer.ok) return answer;
  const report = answer.data;
  return {
    ok: true,
    texts: {
      report,
      markdown: reportToMarkdown(report),
      json: redact(`${JSON.stringify(report, null, 2)}\n`),
      baseName: `aem-cc-org-switcher-diagnostics-${fileStamp(new Date(report.generatedAt))}`,
    },
  };
}
