import { el } from '../dom';
import { frameMessage, parseFrameMessage } from '../frame-messages';
import { translatorFor } from '../locales';
import { readPageConfig } from '../page-config';
import { appRouteFromHash } from '../routes';
import { createConsoleApi } from './console-api';
import { navigation } from './navigation';
import { viewFor } from './views';
import type { View } from './views/view';

/**
 * The Assets app: left navigation plus one view per hash route. Inside the shell's iframe it
 * reports every route change to the shell and follows the shell's deep links.
 */
const config = readPageConfig();
const t = translatorFor(config.language);
const api = createConsoleApi();
const embedded = window.parent !== window;

document.documentElement.lang = config.language;
const nav = navigation(t);
const main = el('main', { class: 'app-main', id: 'main' });
document.body.replaceChildren(el('div', { class: 'app-layout' }, nav.element, main));

let currentRoute: string | undefined;
let currentView: View | undefined;

function show(route: string): void {
  if (route === currentRoute) return;
  currentRoute = route;
  currentView?.dispose();
  const { view, title } = viewFor(route, { api, t, language: config.language });
  currentView = view;
  main.replaceChildren(view.element);
  nav.markCurrent(route);
  document.title = `${title} | ${t('productName')}`;
  if (embedded) window.parent.postMessage(frameMessage('route-changed', route), config.shellOrigin);
}

window.addEventListener('hashchange', () => show(appRouteFromHash(location.hash)));

window.addEventListener('message', (event) => {
  if (event.origin !== config.shellOrigin || event.source !== window.parent) return;
  const message = parseFrameMessage(event.data);
  if (message?.type !== 'navigate' || message.route === currentRoute) return;
  // Replace, not push: the shell already made the history entry for this navigation.
  history.replaceState(null, '', `#${message.route}`);
  show(message.route);
});

const initialRoute = appRouteFromHash(location.hash);
if (location.hash !== `#${initialRoute}`) history.replaceState(null, '', `#${initialRoute}`);
show(initialRoute);
