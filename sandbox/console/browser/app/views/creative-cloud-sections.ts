import type { CcConnection } from '../../../../../lib/assets/schemas';
import { el, uniqueId } from '../../dom';
import type { Translate } from '../../locales';

/** The card "Current Creative Cloud org ID": the connected org's name and id, or none. */
export function currentOrgCard(t: Translate, language: string, connection: CcConnection): HTMLElement {
  const headingId = uniqueId('current-org-heading');
  const connected = connection.connectedOrg;
  const changed = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(connection.updatedAt),
  );
  return el(
    'section',
    { class: 'card current-org', 'aria-labelledby': headingId, 'data-testid': 'current-cc-org' },
    el('h2', { id: headingId, class: 'card-title' }, t('ccCurrentOrgHeading')),
    connected
      ? el(
          'div',
          { class: 'current-org-value' },
          el('span', { class: 'current-org-name' }, connected.name),
          el('span', { class: 'current-org-id mono' }, connected.id),
        )
      : el('p', { class: 'current-org-none' }, t('ccNoOrgConnected')),
    el('p', { class: 'muted small' }, t('ccLastChanged', { date: changed, user: connection.updatedBy })),
  );
}

/** The section "Creative Cloud Org": notice, integration text, then the picker and the button. */
export function creativeCloudOrgSection(t: Translate, controls: HTMLElement): HTMLElement {
  const headingId = uniqueId('cc-org-heading');
  return el(
    'section',
    { class: 'cc-org', 'aria-labelledby': headingId },
    el('h2', { id: headingId, class: 'section-title' }, t('ccOrgSectionHeading')),
    el(
      'div',
      { class: 'notice', role: 'note' },
      el('span', { class: 'notice-icon', 'aria-hidden': 'true' }, 'i'),
      el('span', {}, t('ccNotice')),
    ),
    el('h3', { class: 'subsection-title' }, t('ccIntegrationHeading')),
    el('p', { class: 'integration-text' }, t('ccIntegrationText')),
    controls,
  );
}
