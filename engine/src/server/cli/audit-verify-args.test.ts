import { describe, expect, it } from 'vitest';
import { parseAuditVerifyArgs } from './audit-verify-args.js';

const hash = '0f'.repeat(32);

describe('parseAuditVerifyArgs', () => {
  it('needs no argument', () => {
    expect(parseAuditVerifyArgs([])).toEqual({ ok: true });
  });

  it('reads --expect-head as two arguments or one with =', () => {
    const expected = { ok: true, expectHead: { seq: '120', hash } };
    expect(parseAuditVerifyArgs(['--expect-head', `120:${hash}`])).toEqual(expected);
    expect(parseAuditVerifyArgs([`--expect-head=120:${hash.toUpperCase()}`])).toEqual(expected);
  });

  it.each([
    { what: 'a malformed head', argv: ['--expect-head', '120'], error: '--expect-head "120" is malformed' },
    {
      what: 'a malformed inline head',
      argv: ['--expect-head=x:y'],
      error: '--expect-head "x:y" is malformed',
    },
    { what: 'a missing value', argv: ['--expect-head'], error: '--expect-head needs a value' },
    {
      what: 'a repeated flag',
      argv: ['--expect-head', `1:${hash}`, '--expect-head', `2:${hash}`],
      error: 'more than once',
    },
    { what: 'an unknown argument', argv: ['--head', `1:${hash}`], error: 'unknown argument "--head"' },
  ])('refuses $what with a clear error', ({ argv, error }) => {
    const parsed = parseAuditVerifyArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(error);
  });
});
