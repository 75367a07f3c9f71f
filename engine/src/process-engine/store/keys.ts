import type { Knex } from 'knex';
import type { KeySource } from '../../core/runtime/execution.js';

const blockSize = 1000; // the sequence's increment: each nextval() reserves this many keys

export class KeysExhausted extends Error {
  constructor() {
    super('the command needed more keys than were reserved for it');
  }
}

/**
 * int64 keys, unique across every engine process sharing the database: one `nextval` reserves a
 * block; keys are handed out from memory. Unused keys of a block are simply never used.
 */
export class KeyAllocator {
  private blocks: { next: bigint; end: bigint }[] = [];

  constructor(private readonly db: Knex) {}

  available(): number {
    return this.blocks.reduce((sum, b) => sum + Number(b.end - b.next), 0);
  }

  /** Makes sure at least `count` keys are in memory (one query per missing block). */
  async reserve(count: number): Promise<void> {
    while (this.available() < count) {
      const { rows } = await this.db.raw<{ rows: { k: string | number | bigint }[] }>(
        `select nextval('engine_keys')::text as k`,
      );
      const start = BigInt(rows[0]!.k);
      this.blocks.push({ next: start, end: start + BigInt(blockSize) });
    }
  }

  /** A key source for one command; it throws rather than wait for the database. */
  source(): KeySource {
    return {
      next: () => {
        const block = this.blocks[0];
        if (!block) throw new KeysExhausted();
        const key = block.next;
        block.next += 1n;
        if (block.next >= block.end) this.blocks.shift();
        return key.toString();
      },
    };
  }
}
