import { describe, expect, it } from 'vitest';
import { HashPool } from './hash-pool.js';
import { TokenBuckets } from './token-bucket.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('HashPool', () => {
  it('runs at most its concurrency, serves waiting keys in turn and refuses beyond the queue', async () => {
    // given: one slot, busy; two waiting from the flooding address, one from another
    const pool = new HashPool(1, 3, 2);
    const order: string[] = [];
    const busy = deferred();
    const first = pool.run('flood', () => busy.promise);
    const waiting = [
      pool.run('flood', async () => void order.push('flood-1')),
      pool.run('flood', async () => void order.push('flood-2')),
      pool.run('owner', async () => void order.push('owner')),
    ];
    // then: the flood may not queue a third, and the queue is full for everyone
    await expect(pool.run('flood', async () => undefined)).rejects.toMatchObject({
      kind: 'unavailable',
      retryAfterSeconds: 1,
    });
    await expect(pool.run('late', async () => undefined)).rejects.toMatchObject({ kind: 'unavailable' });
    busy.resolve();
    await Promise.all([first, ...waiting]);
    // the owner went second, not behind the whole flood
    expect(order).toEqual(['flood-1', 'owner', 'flood-2']);
    expect(pool.queued).toBe(0);
  });
});

describe('TokenBuckets', () => {
  it('refuses when empty, says when to retry, refills per minute and takes refunds', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, 100, () => now);
    expect(buckets.take('a')).toBeUndefined();
    expect(buckets.take('a')).toBeUndefined();
    expect(buckets.take('a')).toEqual({ retryAfterSeconds: 30 });
    expect(buckets.take('b')).toBeUndefined();
    now = 30_000;
    expect(buckets.take('a')).toBeUndefined();
    expect(buckets.take('a')).toBeDefined();
    buckets.refund('a');
    expect(buckets.take('a')).toBeUndefined();
  });
});
