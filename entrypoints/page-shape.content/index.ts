import { defineContentScript } from 'wxt/utils/define-content-script';
import { isAppFrameUrl, isShellUrl, PRODUCTION_CONSOLE_MATCHES } from '@/lib/console-hosts';
import { describePageShape } from '@/lib/console-page/page-shape';
import { loadProfilePolicy } from '@/lib/console-page/profile-policy';

/**
 * The page shape for a diagnostics report: the worker injects this into a console tab's frames
 * when an extension page asks for diagnostics, and reads what `main` returns (lib/worker/page-shapes.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: PRODUCTION_CONSOLE_MATCHES,
  cssInjectionMode: 'manual',
  globalName: false,
  async main(ctx) {
    // Only a console's shell (the top page) and AEM's app frames in it are read; any other page answers nothing.
    if (window.top === window ? !isShellUrl(location.href) : !isAppFrameUrl(location.href)) {
      ctx.abort();
      return null;
    }
    // With the policy's labels, as the detector and the UI see the page.
    await loadProfilePolicy();
    const shape = describePageShape(document);
    ctx.abort();
    return shape;
  },
});
