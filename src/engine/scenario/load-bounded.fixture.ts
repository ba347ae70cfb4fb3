/**
 * Loads a scenario in a worker thread with a time limit: resolves with the
 * diagnostics, or with a "did not return" line when the load is still
 * running after `ms` (the worker is then terminated). For hostile files
 * whose load, without a bound, would spin forever in the test's own thread.
 */
import { Worker } from 'node:worker_threads';
import { brief } from '../../../test/unit/scenario-stand-in';
import type { Diagnostic } from './types';

/** The worker: imports the loader through tsx, loads, posts the result. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import('tsx/esm/api')
  .then(({ tsImport }) => tsImport(workerData.loader, workerData.from))
  .then(({ loadScenario }) => {
    const r = loadScenario(workerData.text);
    parentPort.postMessage(r.ok ? { ok: true, diagnostics: r.warnings } : r);
  });
`;

export function loadWithin(text: string, ms: number): Promise<string[]> {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { text, loader: './load.ts', from: import.meta.url },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve([`the load did not return within ${ms} ms`]);
    }, ms);
    worker.once('message', (m: { ok: boolean; diagnostics: Diagnostic[] }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m.ok ? ['OK', ...m.diagnostics.map(brief)] : m.diagnostics.map(brief));
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
