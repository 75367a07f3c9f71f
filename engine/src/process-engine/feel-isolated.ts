import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { analyseFeel } from '../core/feel/analyse.js';
import { cannotEvaluate, type EvalResult } from '../core/feel/evaluate.js';
import { feelEvaluator, type FeelEvaluator } from '../core/feel/evaluator.js';
import { limitNames, type FeelLimits } from '../core/feel/limits.js';

/** How long the first risky expression may wait for the worker to start (it loads feelin). */
const startupMs = 15_000;

export interface IsolatedFeel {
  evaluator: FeelEvaluator;
  /** Starts the worker now rather than at the first risky expression, which would wait for it to start. */
  warm(): void;
  close(): Promise<void>;
}

interface Running {
  worker: Worker;
  port: MessagePort;
  /** [0]: answers given so far; [1]: 1 once the worker listens. */
  signal: Int32Array;
}

/**
 * A FeelEvaluator that runs risky expressions (those that iterate, recurse or use regular
 * expressions; see core/feel/analyse.ts) in a worker thread with a heap of TRAMIT_FEEL_MAX_MEMORY_MB,
 * and waits for the answer at most TRAMIT_FEEL_TIMEOUT_MS: the runtime is synchronous, so this thread
 * blocks on Atomics.wait meanwhile. A worker that does not answer in time is terminated and the
 * evaluation fails naming the limit; the next risky expression starts a new one. Everything else
 * is evaluated in this thread as before: a round trip costs far more than a plain condition.
 */
export function isolatedFeel(limits: FeelLimits): IsolatedFeel {
  let running: Running | undefined;

  const stop = (current: Running) => {
    if (running === current) running = undefined;
    current.port.close();
    return current.worker.terminate().then(() => undefined);
  };

  const start = (): Running => {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const worker = startWorker({ port: port2, signal, limits }, [port2], limits.maxMemoryMb);
    worker.unref();
    port1.unref();
    const current = { worker, port: port1, signal };
    // A worker out of memory ends with an error event; without a listener it would end this process.
    worker.on('error', () => void stop(current));
    worker.on('exit', () => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };

  const evaluate = (source: string, context: Record<string, unknown>): EvalResult => {
    const current = running ?? start();
    if (Atomics.wait(current.signal, 1, 0, startupMs) === 'timed-out') {
      void stop(current);
      return cannotEvaluate(source, `the FEEL worker did not start within ${startupMs / 1000} s`);
    }
    const answered = Atomics.load(current.signal, 0);
    try {
      current.port.postMessage({ source, context });
    } catch (error) {
      return cannotEvaluate(source, `the variables cannot be passed on: ${(error as Error).message}`);
    }
    Atomics.wait(current.signal, 0, answered, limits.timeoutMs);
    const reply = receiveMessageOnPort(current.port);
    if (reply) return reply.message as EvalResult;
    void stop(current);
    return cannotEvaluate(
      source,
      `FEEL limit exceeded: evaluation time > ${limitNames.timeoutMs} ${limits.timeoutMs}` +
        ` (or its memory > ${limitNames.maxMemoryMb} ${limits.maxMemoryMb})`,
    );
  };

  return {
    evaluator: feelEvaluator(limits, evaluate),
    warm() {
      running ??= start();
    },
    async close() {
      if (running) await stop(running);
    },
  };
}

/**
 * Whether a process model holds an expression that would run in the worker: then the worker is
 * started when the model is deployed or first read, not at its first evaluation. Most models have
 * none, and a worker costs a thread and its start.
 */
export function hasRiskyFeel(model: unknown): boolean {
  if (Array.isArray(model)) return model.some(hasRiskyFeel);
  if (typeof model !== 'object' || model === null) return false;
  const { feel } = model as { feel?: unknown };
  if (typeof feel === 'string' && analyseFeel(feel).risky) return true;
  return Object.values(model).some(hasRiskyFeel);
}

export interface FeelWorkerData {
  port: MessagePort;
  signal: Int32Array;
  limits: FeelLimits;
}

/** The worker; run from the TypeScript sources (tests, tsx), it first registers the TypeScript loader. */
function startWorker(workerData: FeelWorkerData, transferList: MessagePort[], maxMemoryMb: number): Worker {
  const options = {
    workerData,
    transferList,
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 16 },
  };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./feel-worker.js', import.meta.url), options);
  const entry = new URL('./feel-worker.ts', import.meta.url).href;
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
    { ...options, eval: true },
  );
}
