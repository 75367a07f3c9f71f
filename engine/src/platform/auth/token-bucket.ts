/** When a bucket is empty: how long until it holds a token again. */
export interface Refusal {
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets in this process's memory, one per key: `capacity` tokens, refilled at
 * `capacity` per minute. A full bucket is the same as none, so full ones are dropped when the map
 * grows past `maxKeys`.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly capacity: number,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = capacity / 60_000;
  }

  private current(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.capacity, at: now };
    return { tokens: Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs), at: now };
  }

  /** Takes one token, or says how long to wait. */
  take(key: string): Refusal | undefined {
    const now = this.now();
    const bucket = this.current(key, now);
    if (bucket.tokens < 1) {
      return { retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.dropFull(now);
    return undefined;
  }

  /** Gives a token back: an attempt that succeeded does not count against its keys. */
  refund(key: string): void {
    const now = this.now();
    const bucket = this.current(key, now);
    bucket.tokens = Math.min(this.capacity, bucket.tokens + 1);
    if (bucket.tokens >= this.capacity) this.buckets.delete(key);
    else this.buckets.set(key, bucket);
  }

  private dropFull(now: number): void {
    for (const [key] of this.buckets) {
      if (this.current(key, now).tokens >= this.capacity) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
