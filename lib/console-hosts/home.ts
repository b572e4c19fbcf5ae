import { type EnvironmentSettings, endpointsFor } from '../environment';

/**
 * Where the popup sends someone whose active tab is not a console: the Experience Cloud
 * shell (it opens Assets in the user's last org), or the sandbox's console shell.
 */
export function consoleHomeUrl(settings: EnvironmentSettings): string {
  if (settings.name === 'sandbox') {
    const ims = endpointsFor(settings)?.imsBaseUrl;
    if (ims) return `${new URL(ims).origin}/`;
  }
  return 'https://experience.adobe.com/';
}
