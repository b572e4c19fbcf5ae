import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function watchConsole(_ctx: ContentScriptContext): void {}
