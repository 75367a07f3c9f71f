import { parentPort } from 'node:worker_threads';
import { parseBpmn } from '../../core/bpmn/parse.js';

// Parses BPMN off the main thread, so that a file that makes the XML reader spin can be stopped.
parentPort!.on('message', (xml: string) => {
  parseBpmn(xml).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: unknown) => parentPort!.postMessage({ ok: false, message: (error as Error).message }),
  );
});
