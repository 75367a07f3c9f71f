import { workerData } from 'node:worker_threads';
import { FeelRange } from 'feelin';
import { evaluateExpression } from '../core/feel/evaluate.js';
import { FeelLimitError, limitExceeded, type FeelLimits } from '../core/feel/limits.js';
import type { FeelWorkerData } from './feel-isolated.js';

// Evaluates risky FEEL expressions for feel-isolated.ts, answering on the port and then counting
// the answer in the shared signal, which the engine's thread waits on.
const { port, signal, limits } = workerData as FeelWorkerData;

guardRangeIteration(limits);

port.on('message', ({ source, context }: { source: string; context: Record<string, unknown> }) => {
  port.postMessage(evaluateExpression({ feel: source }, context, limits));
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});

Atomics.store(signal, 1, 1);
Atomics.notify(signal, 1);

/**
 * feelin lists a range's items when an expression iterates it (`for x in 1..n`); with bounds from
 * variables the analysis cannot check them beforehand. This thread only evaluates FEEL, so its
 * feelin may be changed: a range over the limit fails before its first item.
 */
function guardRangeIteration(limits: FeelLimits): void {
  const map = FeelRange.prototype.map;
  FeelRange.prototype.map = function guardedMap<T>(this: FeelRange, fn: (value: unknown) => T): T[] {
    const { start, end } = this as unknown as { start: unknown; end: unknown };
    if (typeof start === 'number' && typeof end === 'number') {
      const items = Math.floor(Math.abs(end - start)) + 1;
      if (items > limits.maxItems) {
        throw new FeelLimitError(
          limitExceeded(`range ${start}..${end} of ${items} items`, 'maxItems', limits),
        );
      }
    }
    return map.call(this, fn) as T[];
  };
}
