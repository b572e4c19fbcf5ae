import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { SandboxEnv } from './app-env';

/**
 * Faults injected through the control API. They match a method and a path before normal
 * handling and apply to every route but the control API itself: answer with a status and a
 * raw body (malformed JSON allowed), wait first, or drop the connection.
 */

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export const faultRequestSchema = z
  .strictObject({
    method: z
      .string()
      .transform((method) => method.toUpperCase())
      .pipe(z.enum([...HTTP_METHODS, '*'])),
    path: z.string().startsWith('/').max(2000),
    status: z.number().int().min(200).max(599).optional(),
    body: z.string().max(1_000_000).optional(),
    contentType: z.string().min(1).max(200).optional(),
    headers: z.record(z.string().min(1).max(200), z.string().max(2000)).optional(),
    delayMs: z.number().int().min(0).max(60_000).optional(),
    drop: z.boolean().optional(),
    /** How many requests the fault applies to; 0 means every one until cleared. */
    times: z.number().int().min(0).max(1_000_000).default(1),
    /** How many matching requests pass untouched first (e.g. 1: fault the second GET, a switch's verification). */
    after: z.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((fault) => fault.status !== undefined || fault.body !== undefined || fault.delayMs || fault.drop, {
    message: 'A fault needs at least one of status, body, delayMs or drop',
  });
export type FaultRequest = z.infer<typeof faultRequestSchema>;

export interface Fault extends FaultRequest {
  id: string;
  hits: number;
  /** Matching requests let through so far, up to `after`. */
  passed: number;
}

export class FaultStore {
  private faults: Fault[] = [];

  add(request: FaultRequest): Fault {
    const fault = { ...request, id: randomUUID(), hits: 0, passed: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /** The first live fault for this request, counted as used. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (candidate) => (candidate.method === '*' || candidate.method === method) && candidate.path === path,
    );
    if (!fault) return undefined;
    if (fault.passed < fault.after) {
      fault.passed++;
      return undefined;
    }
    fault.hits++;
    if (fault.times !== 0 && fault.hits >= fault.times) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function faultInjection(store: () => FaultStore): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (c.req.path.startsWith('/__sandbox/')) return next();
    const fault = store().take(c.req.method, c.req.path);
    if (!fault) return next();
    c.set('faultId', fault.id);
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.drop) {
      c.set('dropped', true);
      c.env.incoming.socket.destroy();
      return c.body(null, 500);
    }
    if (fault.status === undefined && fault.body === undefined) return next();
    const status = fault.status ?? 500;
    const headers = new Headers(fault.headers);
    headers.set('Content-Type', fault.contentType ?? 'application/json');
    return new Response(fault.body ?? defaultFaultBody(c.req.path, status), { status, headers });
  };
}

/** A plausible error body in the style of the route: IMS's or the Assets API's. */
function defaultFaultBody(path: string, status: number): string | null {
  if (status < 400) return null;
  const message = `Injected fault: ${status}`;
  if (path.startsWith('/ims/')) {
    return JSON.stringify({ error: status === 429 ? 'too_many_requests' : 'server_error', error_description: message });
  }
  const code = status === 429 ? 'RATE_LIMITED' : status >= 500 ? 'SERVER_ERROR' : 'BAD_REQUEST';
  return JSON.stringify({ error: { code, message } });
}
