import { AppError } from '../../infra/errors/app-error.js';

/**
 * At most `concurrency` password hashes at a time (scrypt runs on libuv's four shared threads,
 * which file and DNS work need too) and at most `maxQueue` waiting; beyond that a 503 with
 * Retry-After, so that a flood is refused at once instead of making everyone wait. The waiting
 * are served in turn by key (the source address), not in arrival order, and each key may have
 * only `maxQueuePerKey` waiting: one address's flood holds back each other address by at most
 * one hash and cannot fill the queue alone.
 */
export class HashPool {
  private active = 0;
  private waitingCount = 0;
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(
    private readonly concurrency: number,
    private readonly maxQueue: number,
    private readonly maxQueuePerKey = 2,
  ) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      const ownWaiting = this.waiting.get(key)?.length ?? 0;
      if (this.waitingCount >= this.maxQueue || ownWaiting >= this.maxQueuePerKey) {
        throw new AppError(
          'unavailable',
          'sign-in-busy',
          'Too many sign-ins are being checked; try again shortly.',
          {
            retryAfterSeconds: 1,
          },
        );
      }
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(key);
        if (queue) queue.push(resolve);
        else this.waiting.set(key, [resolve]);
        this.waitingCount += 1;
      });
    } else {
      this.active += 1;
    }
    try {
      return await work();
    } finally {
      this.next();
    }
  }

  /** Hands the finished slot to the first waiting key, which then goes to the back of the line. */
  private next(): void {
    const first = this.waiting.entries().next();
    if (first.done) {
      this.active -= 1;
      return;
    }
    const [key, queue] = first.value;
    const resolve = queue.shift()!;
    this.waiting.delete(key);
    if (queue.length > 0) this.waiting.set(key, queue);
    this.waitingCount -= 1;
    resolve();
  }

  get queued(): number {
    return this.waitingCount;
  }
}
