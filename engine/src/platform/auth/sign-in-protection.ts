import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LoginConfig } from '../../infra/config/config.js';
import { HashPool } from './hash-pool.js';
import { TokenBuckets, type Refusal } from './token-bucket.js';

/**
 * What stands between a flood of guesses and the password hashes, per process: token buckets per
 * source address, per account and per OAuth client (each refunded on success, so they count
 * failures), the bounded hash pool, and a memory of client secrets that verified recently, so a
 * good client skips the hash (and the buckets) while its client id is being flooded. Client
 * secrets are long random strings, so their keyed SHA-256 in memory is as good as the scrypt hash.
 * Several processes each keep their own: the shared bound on guessing is the per-address lock in
 * the database (`login-attempts-repo.ts`).
 */
export class SignInProtection {
  readonly byAddress: TokenBuckets;
  readonly byAccount: TokenBuckets;
  readonly byClient: TokenBuckets;
  readonly hashes: HashPool;
  private readonly verifiedKey = randomBytes(32);
  private readonly verified = new Map<string, { digest: Buffer; storedHash: string; until: number }>();

  constructor(readonly settings: LoginConfig) {
    this.byAddress = new TokenBuckets(settings.perAddressPerMinute);
    this.byAccount = new TokenBuckets(settings.perAccountPerMinute);
    this.byClient = new TokenBuckets(settings.perClientPerMinute);
    this.hashes = new HashPool(settings.hashConcurrency, settings.hashQueueMax);
  }

  private digest(clientId: string, secret: string): Buffer {
    return createHmac('sha256', this.verifiedKey).update(`${clientId}\u0000${secret}`).digest();
  }

  /**
   * The stored hash this secret verified against in the last 10 minutes, if it did: the caller
   * still reads the client to see it active with that same hash, but needs no bucket and no
   * scrypt; and only such callers read the database before the buckets.
   */
  recentlyVerified(clientId: string, secret: string): string | undefined {
    const entry = this.verified.get(clientId);
    if (!entry || entry.until < Date.now()) return undefined;
    return timingSafeEqual(entry.digest, this.digest(clientId, secret)) ? entry.storedHash : undefined;
  }

  rememberVerified(clientId: string, secret: string, storedHash: string): void {
    if (this.verified.size > 10_000) this.verified.clear();
    this.verified.set(clientId, {
      digest: this.digest(clientId, secret),
      storedHash,
      until: Date.now() + 10 * 60_000,
    });
  }
}

export type { Refusal };
