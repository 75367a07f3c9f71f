import type { RequestHandler } from 'express';
import type { Limits } from '../infra/config/config.js';
import { AppError } from '../infra/errors/app-error.js';
import { maxDeploymentBytes } from './resource-upload.js';

/** What a deployment without a usable Content-Length reserves: the most one may upload. */
const largestDeployment = maxDeploymentBytes + 64 * 1024;
const retryAfterSeconds = 5;

interface Waiter {
  bytes: number;
  admit: () => void;
}

/**
 * A first-come, first-served budget of bytes: a deployment holds its size from before its body is
 * read until its response is done (receiving, decoding, parsing, storing), and waits while the
 * deployments in hand would exceed the budget. One alone always fits (the budget is at least the
 * largest deployment).
 */
export class ByteBudget {
  private used = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly capacity: number) {}

  get inUse(): number {
    return this.used;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with a release once `bytes` fit, or with undefined when `timeoutMs` passed first. */
  acquire(bytes: number, timeoutMs: number): Promise<(() => void) | undefined> {
    const size = Math.min(bytes, this.capacity);
    if (this.waiting.length === 0 && this.used + size <= this.capacity) {
      this.used += size;
      return Promise.resolve(this.releaser(size));
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        bytes: size,
        admit: () => {
          clearTimeout(timer);
          resolve(this.releaser(size));
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        resolve(undefined);
        this.admitWaiting(); // a large waiter that gave up may unblock smaller ones behind it
      }, timeoutMs);
      this.waiting.push(waiter);
    });
  }

  private releaser(size: number): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= size;
      this.admitWaiting();
    };
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.used + this.waiting[0]!.bytes <= this.capacity) {
      const next = this.waiting.shift()!;
      this.used += next.bytes;
      next.admit();
    }
  }
}

/**
 * Deployments wait their turn for `deploymentMemoryBytes` of memory, reserving their Content-Length
 * (or the most a deployment may upload); one that waits longer than `deploymentQueueMs` is a 503
 * with Retry-After, before its body is read.
 */
export function deploymentGate(
  limits: Pick<Limits, 'deploymentMemoryBytes' | 'deploymentQueueMs'>,
  budget = new ByteBudget(limits.deploymentMemoryBytes),
): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    const bytes =
      Number.isSafeInteger(declared) && declared > 0
        ? Math.min(declared, largestDeployment)
        : largestDeployment;
    budget.acquire(bytes, limits.deploymentQueueMs).then((release) => {
      if (!release) {
        next(
          new AppError(
            'unavailable',
            'deployments-busy',
            `Too many deployments are being received at once (TRAMIT_DEPLOY_MEMORY_BYTES, ${limits.deploymentMemoryBytes} bytes); try again shortly.`,
            { retryAfterSeconds },
          ),
        );
        return;
      }
      res.once('close', release);
      if (res.writableEnded || req.destroyed) release(); // the client left while it waited
      next();
    }, next);
  };
}
