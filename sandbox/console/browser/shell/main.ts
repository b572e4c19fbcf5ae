import { fetchConsoleSession } from '../console-session';
import { el } from '../dom';
import { frameMessage, parseFrameMessage } from '../frame-messages';
import { translatorFor } from '../locales';
import { readPageConfig } from '../page-config';
import { DEFAULT_ROUTE, type ShellLocation, shellHashFor, shellLocationFromHash } from '../routes';

/**
 * The Experience Cloud-like shell: header with the AEM org's name, and the Assets app in an
 * iframe from the second origin. The shell URL (`?repoId=<author host>#/@<tenant>/assets/<route>`,
 * or `#/@<ORGID>@AdobeOrg/…`) and the app's route follow each other both ways over
 * postMessage, with origins checked. As on the real console, the app frame's URL names neither
 * tenant nor org: the app learns its org from the console session.
 */
const config = readPageConfig();
const t = translatorFor(config.language);
document.documentElement.lang = config.language;

const orgName = el('span', { class: 'shell-org-name', 'data-testid': 'shell-org-name' }, t('loading'));
const header = el(
  'header',
  { class: 'shell-header' },
  el('span', { class: 'shell-logo', 'aria-hidden': 'true' }, 'A'),
  el('span', { class: 'shell-product' }, t('productName')),
  el('div', { class: 'shell-org' }, el('span', { class: 'visually-hidden' }, `${t('orgLabel')}: `), orgName),
);
const frame = el('iframe', { class: 'shell-frame', title: t('appFrameTitle') });
document.body.replaceChildren(header, el('div', { class: 'shell-content' }, frame));

let current: ShellLocation | undefined;
// Until the app has spoken once, a navigate message could arrive before it listens.
let appListening = false;

function appUrl(location: ShellLocation): string {
  const url = new URL('/app/', config.appOrigin);
  url.searchParams.set('lang', config.language);
  // One page's picker form (sandbox/README.md): passed on to the app, which renders the picker.
  const params = new URLSearchParams(window.location.search);
  for (const name of ['picker', 'recreate', 'errors']) {
    const value = params.get(name);
    if (value) url.searchParams.set(name, value);
  }
  url.hash = location.route;
  return url.toString();
}

function follow(next: ShellLocation): void {
  const consoleChanged = next.console !== current?.console;
  current = next;
  if (consoleChanged) {
    appListening = false;
    frame.src = appUrl(next);
  } else if (appListening) {
    frame.contentWindow?.postMessage(frameMessage('navigate', next.route), config.appOrigin);
  }
}

window.addEventListener('hashchange', () => {
  const next = shellLocationFromHash(location.hash);
  if (next) return follow(next);
  if (current) history.replaceState(null, '', shellHashFor(current));
});

window.addEventListener('message', (event) => {
  if (event.origin !== config.appOrigin || event.source !== frame.contentWindow || !current) return;
  const message = parseFrameMessage(event.data);
  if (message?.type !== 'route-changed') return;
  if (!appListening) {
    appListening = true;
    // The URL moved on while the app was loading: send it where the URL says.
    if (message.route !== current.route) return follow(current);
  }
  current = { ...current, route: message.route };
  const hash = shellHashFor(current);
  // Replace, not push: the app's own hash change already made the history entry.
  if (location.hash !== hash) history.replaceState(null, '', hash);
});

/**
 * The real shell names the AEM author host the Assets view works on in `?repoId=`; the sandbox's
 * author host is the server itself (it serves the Assets API). A URL without one gets it, as
 * the real shell picks the environment last used; one that names another host keeps it.
 */
function nameAuthorHost(): void {
  const params = new URLSearchParams(location.search);
  if (params.has('repoId') || params.has('repo')) return;
  params.set('repoId', location.host);
  history.replaceState(null, '', `?${params.toString()}${location.hash}`);
}

async function start(): Promise<void> {
  nameAuthorHost();
  const deepLink = shellLocationFromHash(location.hash);
  if (deepLink) follow(deepLink);
  const session = await fetchConsoleSession();
  if (!session.ok) {
    orgName.textContent = t('loadFailed', { code: session.error.code, message: session.error.message });
    return;
  }
  orgName.textContent = session.value.aemOrg.name;
  if (deepLink) return;
  const start = { console: session.value.aemOrg.tenant, route: DEFAULT_ROUTE };
  history.replaceState(null, '', shellHashFor(start));
  follow(start);
}

void start();
