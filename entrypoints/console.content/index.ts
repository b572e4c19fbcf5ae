import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchConsole } from '@/lib/console/watch';
import { PRODUCTION_CONSOLE_MATCHES } from '@/lib/console-hosts';

export default defineContentScript({
  // The sandbox build adds the loopback hosts (wxt.config.ts).
  matches: PRODUCTION_CONSOLE_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    watchConsole(ctx);
  },
});
