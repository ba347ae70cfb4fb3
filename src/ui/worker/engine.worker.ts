/// <reference lib="webworker" />
/**
 * The engine's home in the browser: a module worker that loads scenarios,
 * runs the lab session and grades answers, so a long command never blocks
 * the page. It answers each request by id; `abort` cuts the running command.
 */
import type { FromWorker, Request, ToWorker } from './protocol';
import { handle, abortRunning } from './handlers';

declare const self: DedicatedWorkerGlobalScope;

function reply(message: FromWorker): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if ('abort' in message) {
    abortRunning();
    return;
  }
  const { id, request } = message;
  handle(request as Request, (output, screen) => reply({ id, output, screen })).then(
    (value) => reply({ id, ok: true, value }),
    (error: unknown) => reply({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
