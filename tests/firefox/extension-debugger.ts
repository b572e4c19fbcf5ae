import type { RdpClient, RdpPacket } from './rdp-client';

/** One of the extension's documents (background page, popup in a tab…) that tests can run code in. */
export interface ExtensionDocument {
  url: string;
  /** Runs `fn(arg)` in the document; `fn` must be self-contained (it is sent as source text) and return JSON. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

interface TargetForm {
  actor: string;
  url: string;
  consoleActor: string;
}

interface AddonForm {
  actor: string;
  id: string;
  manifestURL: string;
}

const EVALUATION_TIMEOUT_MS = 10_000;

/**
 * The extension as Firefox's debugger sees it: its moz-extension origin, the documents it
 * has open, and code evaluation in them. Built on the add-on's watcher actor, like
 * about:debugging's "Inspect".
 */
export class ExtensionDebugger {
  readonly #targets = new Map<string, TargetForm>();
  readonly #targetWaiters = new Set<() => void>();
  readonly #results = new Map<string, RdpPacket>();
  readonly #resultWaiters = new Map<string, (packet: RdpPacket) => void>();
  readonly #stopListening: () => void;

  private constructor(
    private readonly client: RdpClient,
    private readonly addon: AddonForm,
  ) {
    this.#stopListening = client.onEvent((packet) => this.#onEvent(packet));
  }

  static async attach(client: RdpClient, addonId: string): Promise<ExtensionDebugger> {
    const { addons } = (await client.request('root', 'listAddons')) as RdpPacket & { addons: AddonForm[] };
    const addon = addons.find((candidate) => candidate.id === addonId);
    if (!addon) throw new Error(`Firefox lists no add-on with id ${addonId}`);
    const debuggerForAddon = new ExtensionDebugger(client, addon);
    const watcher = await client.request(addon.actor, 'getWatcher', { isServerTargetSwitchingEnabled: true });
    await client.request(watcher.actor as string, 'watchTargets', { targetType: 'frame' });
    return debuggerForAddon;
  }

  /** Stops following the add-on's documents, e.g. before it is uninstalled. */
  detach(): void {
    this.#stopListening();
  }

  /** `moz-extension://<uuid>/`: Firefox picks the uuid per profile at install. */
  get origin(): string {
    return new URL('/', this.addon.manifestURL).toString();
  }

  /** Firefox MV3 runs `background.scripts` in this generated, hidden page. */
  background(timeoutMs?: number): Promise<ExtensionDocument> {
    return this.document('_generated_background_page.html', timeoutMs);
  }

  /** Waits until the extension has the document at `path` open (the first one, if several are). */
  async document(path: string, timeoutMs = 10_000): Promise<ExtensionDocument> {
    const url = new URL(path, this.origin).toString();
    const target = await this.#waitForTargets(() => this.#targetAt(url), timeoutMs, `open ${url}`);
    return this.#documentOf(target);
  }

  /**
   * Runs `open` (e.g. `tabs.create` of `popup.html`) and returns the document it opened at
   * `path`, never one opened earlier at the same address: a popup left open by an earlier
   * step would still answer the probes while the new one is loading.
   */
  async openDocument(
    path: string,
    open: (url: string) => Promise<unknown>,
    timeoutMs = 10_000,
  ): Promise<ExtensionDocument> {
    const url = new URL(path, this.origin).toString();
    const earlier = new Set(this.#targetsAt(url).map((target) => target.actor));
    await open(url);
    const target = await this.#waitForTargets(
      () => this.#targetsAt(url).find((candidate) => !earlier.has(candidate.actor)),
      timeoutMs,
      `open a new ${url}`,
    );
    return this.#documentOf(target);
  }

  /**
   * Stops the background page as Firefox does when the event page idles out, and waits until
   * that page is gone; the next event (a message, a tab opening) starts a new one. It waits for
   * the page it stopped, not for the address to be free: an event already pending (a content
   * script's message mid-switch) starts the new page before the harness sees the old one go.
   */
  async terminateBackground(timeoutMs = 10_000): Promise<void> {
    const url = new URL('_generated_background_page.html', this.origin).toString();
    const stopping = new Set(this.#targetsAt(url).map((target) => target.actor));
    await this.client.request(this.addon.actor, 'terminateBackgroundScript');
    await this.#waitForTargets(
      () => ([...stopping].some((actor) => this.#targets.has(actor)) ? undefined : true),
      timeoutMs,
      `close ${url}`,
    );
  }

  #targetAt(url: string): TargetForm | undefined {
    return this.#targetsAt(url)[0];
  }

  #targetsAt(url: string): TargetForm[] {
    return [...this.#targets.values()].filter((candidate) => candidate.url === url);
  }

  #documentOf(target: TargetForm): ExtensionDocument {
    return { url: target.url, evaluate: (fn, arg) => this.#evaluate(target, fn, arg) };
  }

  /** Re-checks `found` whenever a document opens or closes, until it returns something. */
  async #waitForTargets<T>(found: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = found();
      if (value !== undefined) return value;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`The extension did not ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.#targetWaiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, remaining);
        this.#targetWaiters.add(done);
      });
    }
  }

  #onEvent(packet: RdpPacket): void {
    if (packet.type === 'target-available-form' || packet.type === 'target-destroyed-form') {
      const target = packet.target as TargetForm;
      if (packet.type === 'target-available-form') this.#targets.set(target.actor, target);
      else this.#targets.delete(target.actor);
      for (const wake of [...this.#targetWaiters]) wake();
    } else if (packet.type === 'evaluationResult') {
      const id = packet.resultID as string;
      const waiter = this.#resultWaiters.get(id);
      if (waiter) waiter(packet);
      else this.#results.set(id, packet);
    }
  }

  async #evaluate<R, A>(target: TargetForm, fn: (arg: A) => R | Promise<R>, arg: A | undefined): Promise<R> {
    // JSON both ways: the debugger hands back previews of objects, not values. A throw is caught
    // in the page and sent back as text: a rejected top-level promise reaches the debugger
    // only as `topLevelAwaitRejected`, without its reason.
    const call = `(${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'})`;
    const text = `(async () => {
      try { return JSON.stringify({ value: await ${call} }); }
      catch (error) { return JSON.stringify({ thrown: String(error instanceof Error ? error.stack || error : error) }); }
    })()`;
    const reply = await this.client.request(target.consoleActor, 'evaluateJSAsync', { text, mapped: { await: true } });
    const result = await this.#resultFor(reply.resultID as string);
    if (result.exceptionMessage !== undefined) {
      throw new Error(`Evaluation in ${target.url} failed: ${String(result.exceptionMessage)}`);
    }
    if (result.topLevelAwaitRejected === true || result.result === undefined) {
      // The wrapper catches every throw; what is left is a document torn down mid-evaluation.
      throw new Error(
        `Evaluation in ${target.url} was cut off before it answered (its document went away, or its error could not be read)`,
      );
    }
    const answer = JSON.parse(await this.#stringValue(result.result)) as { value: R } | { thrown: string };
    if ('thrown' in answer) throw new Error(`Evaluation in ${target.url} threw: ${answer.thrown}`);
    return answer.value;
  }

  #resultFor(resultId: string): Promise<RdpPacket> {
    const ready = this.#results.get(resultId);
    if (ready) {
      this.#results.delete(resultId);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#resultWaiters.delete(resultId);
        reject(new Error(`No evaluation result within ${EVALUATION_TIMEOUT_MS} ms`));
      }, EVALUATION_TIMEOUT_MS);
      this.#resultWaiters.set(resultId, (packet) => {
        clearTimeout(timer);
        this.#resultWaiters.delete(resultId);
        resolve(packet);
      });
    });
  }

  /** Long strings arrive as a grip to read in full. */
  async #stringValue(grip: unknown): Promise<string> {
    if (typeof grip === 'string') return grip;
    const longString = grip as { type?: string; actor?: string; length?: number };
    if (longString.type === 'longString' && longString.actor && longString.length !== undefined) {
      const reply = await this.client.request(longString.actor, 'substring', { start: 0, end: longString.length });
      return reply.substring as string;
    }
    throw new Error(`Unexpected evaluation result ${JSON.stringify(grip)}`);
  }
}
