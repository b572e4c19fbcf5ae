import { defineWebExtConfig } from 'wxt';
import { SANDBOX_DEFAULT_PORT } from './lib/environment';

// `npm run dev`: WXT opens Debian's browsers at the sandbox console (start it with `npm run sandbox`).
export default defineWebExtConfig({
  binaries: { chrome: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' },
  chromiumArgs: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  startUrls: [`http://127.0.0.1:${SANDBOX_DEFAULT_PORT}/#/@acme/assets/settings/creative-cloud`],
});
