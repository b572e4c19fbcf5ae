import { defineContentScript } from 'wxt/utils/define-content-script';
import { PRODUCTION_CONSOLE_MATCHES } from '@/lib/console-hosts';
import { watchConsole } from './watch';

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
