import { reportedBy } from '../history/entry';
import type { OrgRef } from '../org-id';
import { redact } from './redact';
import type { ConsoleDiagnostics, DiagnosticsReport } from './schemas';

/**
 * The report as Markdown for a support ticket. It stays in English whatever the UI language:
 * it is read by support engineers, and codes and ids are what they search for.
 */

/** Table cells: a `|` or a line break in an org name must not break the table. */
const cell = (value: string | number | boolean | null) =>
  String(value ?? '—')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');

function table(headers: string[], rows: (string | number | boolean | null)[][]): string[] {
  if (rows.length === 0) return ['(none)'];
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

/**
 * Org names come from other people: `[x](https://evil)` or `![](…)` must show as text in the
 * ticket, not as a link or an image. Backslash-escaping Markdown's link, image, HTML and code
 * characters keeps every character readable.
 */
const literal = (text: string) => text.replace(/[\\`[\]()!<>]/g, '\\$&');

const orgLabel = (org: OrgRef | null) => (org ? `${literal(org.name)} (${org.id})` : '—');

const SWITCH_PATH_LABEL = {
  api: 'Assets API',
  console: 'console page (the Assets API refuses the extension)',
  unknown: '—',
} as const;

function consoleSection(diagnostics: ConsoleDiagnostics): string[] {
  const summary = diagnostics.summary;
  return [
    `### AEM org: ${cell(orgLabel(diagnostics.aemOrg))}`,
    '',
    `- Tenant: ${cell(diagnostics.tenant && literal(diagnostics.tenant))}`,
    `- AEM org resolution: ${diagnostics.aemOrgStatus}`,
    `- Connected CC org: ${cell(orgLabel(diagnostics.connectedOrg))}${diagnostics.connectedSince ? ` since ${diagnostics.connectedSince}` : ''}`,
    `- Switch path: ${SWITCH_PATH_LABEL[diagnostics.switchPath ?? 'unknown']}`,
    `- AEM Assets admin: ${cell(diagnostics.isAssetsAdmin)}`,
    `- Same user ID as the console: ${cell(diagnostics.sameUserId)}`,
    `- Entitlement sources: ${
      diagnostics.entitlementSources
        ? Object.entries(diagnostics.entitlementSources)
            .map(([source, status]) => `${source} ${status}`)
            .join(', ')
        : '—'
    }`,
    `- Individual Creative Cloud plan: ${cell(diagnostics.individualCreativeCloud)}`,
    summary
      ? `- Orgs: ${summary.total} total, ${summary.eligible} eligible, ${summary.ccActive} CC active, ${summary.blockedByPolicy} blocked by policy`
      : '- Orgs: —',
    '',
    ...table(
      ['Org', 'Org ID', 'Eligible', 'Badges', 'Reasons'],
      diagnostics.orgs.map((org) => [
        literal(org.name),
        org.id,
        org.eligible,
        org.badges.join(', '),
        org.reasons.join(', '),
      ]),
    ),
    ...(diagnostics.orgsOmitted > 0 ? ['', `(${diagnostics.orgsOmitted} more orgs not listed)`] : []),
    '',
  ];
}

const controlLabel = (control: {
  role: string;
  name: string;
  popup?: string;
  expanded?: boolean;
  disabled?: boolean;
}) =>
  [
    `${control.role} "${literal(control.name)}"`,
    control.popup && `haspopup=${control.popup}`,
    control.expanded !== undefined && `expanded=${control.expanded}`,
    control.disabled && 'disabled',
  ]
    .filter(Boolean)
    .join(', ');

/** The console's page as its frames are built: what support needs to correct the console profile. */
function pageShapeSection(shape: NonNullable<DiagnosticsReport['pageShape']>): string[] {
  const frames = shape.frames.flatMap((frame, index) => [
    `### Frame ${index + 1} (${frame.topFrame ? 'top' : 'app frame'}, lang ${cell(frame.lang || '—')})`,
    '',
    `- Detection: ${frame.detection.signal}${frame.detection.locale ? ` (${frame.detection.locale})` : ''}: ${literal(frame.detection.reason)}`,
    `- Org id shown: in the controls' section ${frame.orgIdShown.section ? 'yes' : 'no'}, beside it ${frame.orgIdShown.beside ? 'yes' : 'no'}`,
    `- Listbox: ${frame.listbox.open ? `open, ${frame.listbox.options} options` : 'closed'}`,
    `- Headings: ${frame.headings.length ? frame.headings.map((heading) => `"${literal(heading)}"`).join(', ') : '—'}`,
    '',
    ...table(
      ['Picker', 'Buttons beside it'],
      frame.pickers.map(({ picker, nearby }) => [controlLabel(picker), nearby.map(controlLabel).join('; ') || '—']),
    ),
    '',
  ]);
  return [
    '## Page shape',
    '',
    ...(shape.error ? [`(not read: ${literal(shape.error)})`, ''] : []),
    ...frames,
    ...(shape.framesWithout > 0 ? [`(${shape.framesWithout} frames without a shape)`, ''] : []),
  ];
}

export function reportToMarkdown(report: DiagnosticsReport): string {
  const lines = [
    '# AEM Assets CC Org Switcher: diagnostics',
    '',
    `- Generated: ${report.generatedAt}`,
    `- Extension version: ${report.extensionVersion}`,
    `- Browser: ${report.browser.name} ${report.browser.version}`,
    `- Environment: ${report.environment.name} (IMS ${cell(report.environment.imsBaseUrl)}, Assets API ${cell(report.environment.assetsBaseUrl)})${report.environment.setByPolicy ? ', set by policy' : ''}`,
    `- Read-only mode: ${report.readOnly ? 'on' : 'off'}`,
    `- Signed in: ${report.signedIn ? 'yes' : 'no'}${report.accountType ? ` (account type: ${report.accountType})` : ''}`,
    '',
    ...(report.policyProblems.length
      ? [
          '## Policy values refused',
          '',
          ...table(
            ['Field', 'Refused entries', 'In force instead'],
            report.policyProblems.map((problem) => [
              literal(problem.field),
              problem.refusedEntries ? literal(problem.refusedEntries.join(', ')) : '(the whole value)',
              problem.inForce,
            ]),
          ),
          '',
        ]
      : []),
    '## Consoles',
    '',
    ...(report.consoles.length
      ? report.consoles.flatMap(consoleSection)
      : ['(no console seen in this browser session)', '']),
    ...(report.pageShape ? pageShapeSection(report.pageShape) : []),
    '## Last errors',
    '',
    ...table(
      ['Time', 'Code', 'Request'],
      report.lastErrors.map((error) => [error.time, error.code, error.request]),
    ),
    '',
    `## Last ${report.history.length} switches`,
    '',
    ...table(
      ['Time', 'User ID', 'AEM org', 'From', 'To', 'Result', 'Path', 'Operation'],
      report.history.map((entry) => [
        entry.time,
        entry.userId,
        orgLabel({ id: entry.aemOrgId, name: entry.aemOrgName }),
        orgLabel(entry.from),
        orgLabel(entry.to),
        entry.errorCode
          ? `${entry.result} (${entry.errorCode})`
          : reportedBy(entry) === 'console'
            ? `${entry.result} (reported by the console)`
            : entry.result,
        SWITCH_PATH_LABEL[entry.path],
        entry.opId,
      ]),
    ),
    '',
  ];
  return redact(lines.join('\n'));
}
