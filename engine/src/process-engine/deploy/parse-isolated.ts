import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../../core/bpmn/model.js';

const timeoutMs = 10_000;

/** The worker; run from the TypeScript sources (tests, tsx), it first registers the TypeScript loader. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', import.meta.url));
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
}

/**
 * Parses in a worker thread with a time limit. bpmn-moddle's cost grows with the square of the warnings
 * it raises, so a crafted file well under the size limit could otherwise block the server for hours.
 */
export function parseIsolated(xml: string, limitMs = timeoutMs): Promise<ParseResult> {
  const worker = startWorker();
  return new Promise<ParseResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({
        processes: [],
        problems: [{ message: `The file took longer than ${limitMs / 1000} s to read; it is refused` }],
      });
    }, limitMs);
    worker.once('message', (reply: { ok: true; result: ParseResult } | { ok: false; message: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else reject(new Error(reply.message));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.postMessage(xml);
  });
}
