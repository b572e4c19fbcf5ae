import net from 'node:net';

/**
 * A minimal client for Firefox's Remote Debugging Protocol (the one about:debugging and
 * web-ext speak). WebDriver BiDi cannot reach extension pages, so the harness uses this to
 * evaluate code in the extension's own contexts. Wire format: `<byte length>:<JSON>`.
 * Replies come from the actor a request was sent to, in order; packets carrying a `type`
 * are events (e.g. `target-available-form`, `evaluationResult`).
 */

export interface RdpPacket {
  from: string;
  type?: string;
  error?: string;
  message?: string;
  [key: string]: unknown;
}

export class RdpError extends Error {
  constructor(
    readonly actor: string,
    readonly code: string,
    detail: string,
  ) {
    super(`Firefox debugger: ${actor} answered ${code}: ${detail}`);
    this.name = 'RdpError';
  }
}

interface Pending {
  resolve(packet: RdpPacket): void;
  reject(error: Error): void;
}

type EventListener = (packet: RdpPacket) => void;

export class RdpClient {
  readonly #socket: net.Socket;
  #buffer = Buffer.alloc(0);
  readonly #pending = new Map<string, Pending[]>();
  readonly #listeners = new Set<EventListener>();
  #closedError: Error | undefined;

  private constructor(socket: net.Socket) {
    this.#socket = socket;
    socket.on('data', (chunk) => this.#receive(chunk));
    socket.on('close', () => this.#failAll(new Error('The Firefox debugger connection closed')));
    socket.on('error', (error) => this.#failAll(error));
  }

  /** Connects to `--start-debugger-server <socket path>` and waits for the root actor's greeting. */
  static async connect(socketPath: string, timeoutMs = 10_000): Promise<RdpClient> {
    const socket = net.connect(socketPath);
    const client = new RdpClient(socket);
    await client.waitForEvent((packet) => packet.from === 'root' && 'applicationType' in packet, timeoutMs);
    return client;
  }

  /** Sends one request and resolves with the actor's reply (rejects on an `error` reply). */
  request(to: string, type: string, fields: Record<string, unknown> = {}): Promise<RdpPacket> {
    if (this.#closedError) return Promise.reject(this.#closedError);
    const json = JSON.stringify({ to, type, ...fields });
    return new Promise((resolve, reject) => {
      const queue = this.#pending.get(to) ?? [];
      queue.push({ resolve, reject });
      this.#pending.set(to, queue);
      this.#socket.write(`${Buffer.byteLength(json)}:${json}`);
    });
  }

  /** Resolves with the first event packet that matches, from now on. */
  waitForEvent(matches: (packet: RdpPacket) => boolean, timeoutMs = 10_000): Promise<RdpPacket> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#listeners.delete(listener);
        reject(new Error(`No matching Firefox debugger event within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener: EventListener = (packet) => {
        if (!matches(packet)) return;
        clearTimeout(timer);
        this.#listeners.delete(listener);
        resolve(packet);
      };
      this.#listeners.add(listener);
    });
  }

  /** Calls `listener` for every event packet until the returned function is called. */
  onEvent(listener: (packet: RdpPacket) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#socket.destroy();
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const colon = this.#buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.#buffer.subarray(0, colon).toString('ascii'));
      if (this.#buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.#buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as RdpPacket;
      this.#buffer = this.#buffer.subarray(colon + 1 + length);
      this.#dispatch(packet);
    }
  }

  #dispatch(packet: RdpPacket): void {
    const queue = this.#pending.get(packet.from);
    const isReply = packet.type === undefined || packet.error !== undefined;
    if (isReply && queue?.length) {
      const pending = queue.shift() as Pending;
      if (packet.error) pending.reject(new RdpError(packet.from, packet.error, packet.message ?? ''));
      else pending.resolve(packet);
      return;
    }
    for (const listener of [...this.#listeners]) listener(packet);
  }

  #failAll(error: Error): void {
    this.#closedError ??= error;
    for (const queue of this.#pending.values()) for (const pending of queue.splice(0)) pending.reject(error);
  }
}
