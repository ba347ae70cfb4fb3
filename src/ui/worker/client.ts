/**
 * The page's side of the engine worker: typed requests that resolve with the
 * worker's reply, and an abort for the running command. If the worker does
 * not answer an abort in time (a command stuck in a loop that never yields),
 * the lab replaces it with a fresh worker restored from the saved log.
 */
import type { FromWorker, ReplyMap, Request, ToWorker } from './protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onOutput?: (text: string, screen?: boolean) => void };

export class EngineClient {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor() {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'outbound-engine' });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.failAll(new Error(event.message || 'the engine worker failed to start'));
    });
    return worker;
  }

  private receive(message: FromWorker): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if ('output' in message) {
      pending.onOutput?.(message.output, message.screen === true);
      return;
    }
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new Error(message.error));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  /** `onOutput` receives what a running command streams before its reply (tail -f, watch). */
  request<T extends Request>(request: T, onOutput?: (text: string, screen?: boolean) => void): Promise<ReplyMap[T['type']]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onOutput });
      this.worker.postMessage({ id, request } satisfies ToWorker);
    });
  }

  abort(): void {
    this.worker.postMessage({ id: 0, abort: true } satisfies ToWorker);
  }

  /** Kills the worker (and whatever it was running) and starts an empty one. */
  restart(): void {
    this.worker.terminate();
    this.failAll(new Error('interrupted'));
    this.worker = this.spawn();
  }

  dispose(): void {
    this.worker.terminate();
    this.failAll(new Error('closed'));
  }
}
