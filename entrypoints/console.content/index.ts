import { defineContentScript } from 'wxt/utils/define-content-script';
import { isAppFrameUrl, PRODUCTION_APP_FRAME_MATCHES } from '@/lib/console-hosts';
import { detectConsoleView } from '@/lib/console-page/detector';

export default defineContentScript({
  // Only the frames AEM's apps are served from: the shell's own page never shows the view, so a
  // console page pays for one injected script, not two (the sandbox build adds its loopback app
  // frame in wxt.config.ts; a custom host, whose top-level page is the console, gets the script
  // registered at run time).
  matches: PRODUCTION_APP_FRAME_MATCHES,
  // The shell loads its apps in iframes; the Creative Cloud view may be in any of them.
  allFrames: true,
  runAt: 'document_idle',
  // No styles: this is only the detector; the UI and its CSS come with entrypoints/console-ui.content.
  cssInjectionMode: 'manual',
  // WXT would name the script's IIFE result after the entry point (`var console = …`), which
  // shadows the real `console` in the content script's world. An anonymous IIFE keeps it alone.
  globalName: false,
  main(ctx) {
    // An app-frame page opened on its own, outside the shell, is no console: the worker answers
    // content scripts only in shell tabs (lib/messaging/sender.ts), so show nothing there.
    if (window.top === window && isAppFrameUrl(location.href)) return;
    detectConsoleView(ctx);
  },
});
