import { describe, expect, it } from 'vitest';
import { parseAuditHead, witnessBreak } from './audit-witness.js';

const hash = 'ab'.repeat(32);

describe('witnessBreak', () => {
  it.each([
    { what: 'the chain holds the entry with that hash', entry: hash, last: 9n, expected: null },
    { what: 'the witness is the chain’s last entry', entry: hash, last: 7n, expected: null },
    { what: 'the chain ends before the witness', entry: null, last: 6n, expected: 'truncated' },
    { what: 'the chain is empty', entry: null, last: null, expected: 'truncated' },
    {
      what: 'the entry at that seq has another hash',
      entry: 'cd'.repeat(32),
      last: 9n,
      expected: 'checkpoint',
    },
  ])('is $expected when $what', ({ entry, last, expected }) => {
    expect(witnessBreak({ seq: '7', hash }, entry, last)).toBe(expected);
  });
});

describe('parseAuditHead', () => {
  it('reads <seq>:<hash>, the hash lower-cased and the surrounding blanks dropped', () => {
    expect(parseAuditHead(`42:${hash}`)).toEqual({ seq: '42', hash });
    expect(parseAuditHead(` 9223372036854775807:${hash.toUpperCase()}\n`)).toEqual({
      seq: '9223372036854775807',
      hash,
    });
  });

  it.each([
    ['no colon', hash],
    ['no seq', `:${hash}`],
    ['seq zero', `0:${hash}`],
    ['a leading zero', `07:${hash}`],
    ['a negative seq', `-7:${hash}`],
    ['a seq past bigint', `9223372036854775808:${hash}`],
    ['a short hash', `7:${hash.slice(1)}`],
    ['a non-hex hash', `7:${'g'.repeat(64)}`],
    ['an extra part', `7:${hash}:x`],
    ['nothing', ''],
  ])('refuses %s', (_what, text) => {
    expect(parseAuditHead(text)).toBeUndefined();
  });
});
