import { isRoute } from './routes';

/**
 * What the shell and the Assets app tell each other over `postMessage`. Both sides check the
 * sender's origin (and window) before acting; the payload is only ever a route.
 */
const SOURCE = 'aem-sandbox-console';

export type FrameMessage =
  /** app → shell: the app now shows this route (the shell mirrors it in its URL). */
  | { source: typeof SOURCE; type: 'route-changed'; route: string }
  /** shell → app: the shell's URL asks for this route (deep link, back/forward, typed URL). */
  | { source: typeof SOURCE; type: 'navigate'; route: string };

export function frameMessage(type: FrameMessage['type'], route: string): FrameMessage {
  return { source: SOURCE, type, route };
}

export function parseFrameMessage(data: unknown): FrameMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { source, type, route } = data as Record<string, unknown>;
  if (source !== SOURCE || !isRoute(route)) return undefined;
  if (type !== 'route-changed' && type !== 'navigate') return undefined;
  return { source, type, route };
}
