import type { HttpBindings } from '@hono/node-server';

/** Hono's typing for every sandbox route: the Node request bindings and per-request notes. */
export interface SandboxEnv {
  Bindings: HttpBindings;
  Variables: {
    /** Set when an injected fault answered (or dropped) the request, for the request log. */
    faultId: string;
    dropped: boolean;
  };
}
