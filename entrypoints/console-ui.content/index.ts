import { defineContentScript } from 'wxt/utils/define-content-script';
import { PRODUCTION_CONSOLE_MATCHES } from '@/lib/console-hosts';
import { watchConsole } from './watch';

/**
 * The console UI's content script. Its orchestration lives beside this file: watch.ts (when the
 * view comes and goes), mounted-view.ts (what exists while it is shown: the UI from
 * components/console, the native picker's badges, the native guard), native-picker.ts (the badges
 * drawn into the console's own org picker). The page knowledge they use (detection, the
 * console's identity, the store that talks to the worker) is in lib/console-page/.
 */

export default defineContentScript({
  // Not in the manifest: the worker injects it into the one frame where the detector
  // (entrypoints/console.content) recognised Settings > Creative Cloud (lib/worker/console-ui.ts).
  registration: 'runtime',
  // Where its shadow-root styles may be read from (web-accessible with a dynamic URL); the
  // sandbox build adds the loopback hosts (wxt.config.ts).
  matches: PRODUCTION_CONSOLE_MATCHES,
  cssInjectionMode: 'ui',
  // WXT would name the script's IIFE result after the entry point, which would become a global of
  // the content script's world; an anonymous IIFE keeps that world's globals alone.
  globalName: false,
  main(ctx) {
    watchConsole(ctx);
  },
});
