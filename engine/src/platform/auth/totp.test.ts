import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totp, type TotpAlgorithm } from './totp.js';

// RFC 6238 appendix B: the seeds are the ASCII digits 1234567890 repeated to the key length.
const seeds: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ])('at %i s gives the RFC test vectors', (seconds, sha1, sha256, sha512) => {
    expect(totp(seeds.sha1, seconds * 1000, 8, 'sha1')).toBe(sha1);
    expect(totp(seeds.sha256, seconds * 1000, 8, 'sha256')).toBe(sha256);
    expect(totp(seeds.sha512, seconds * 1000, 8, 'sha512')).toBe(sha512);
  });

  it('gives the RFC 4226 HOTP values', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
    expect(expected.map((_, counter) => hotp(seeds.sha1, counter))).toEqual(expected);
  });

  it('accepts a code one step either side, once, and nothing else', () => {
    const now = 1_700_000_000_000;
    const code = totp(seeds.sha1, now);
    const step = matchTotp(seeds.sha1, code, now, 0);
    expect(step).toBe(Math.floor(now / 30_000));
    expect(matchTotp(seeds.sha1, code, now + 30_000, 0)).toBe(step);
    expect(matchTotp(seeds.sha1, code, now + 90_000, 0)).toBeUndefined();
    expect(matchTotp(seeds.sha1, code, now, step!)).toBeUndefined();
    expect(matchTotp(seeds.sha1, '12345', now, 0)).toBeUndefined();
  });

  it('round-trips base32 (RFC 4648 vectors) and builds an otpauth URI', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(otpauthUri(Buffer.from('foobar'), 'ana@x', 'Tramit')).toBe(
      'otpauth://totp/Tramit:ana%40x?secret=MZXW6YTBOI&issuer=Tramit&algorithm=SHA1&digits=6&period=30',
    );
  });
});
