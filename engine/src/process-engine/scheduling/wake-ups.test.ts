import { describe, expect, it } from 'vitest';
import { decodeWakeUps, encodeWakeUps, maxPayloadBytes } from './wake-ups.js';

const origin = '6f1c0a52-0000-4000-8000-000000000001';

describe('wake-ups packed into NOTIFY payloads', () => {
  it('round-trips many payloads, with their origin', () => {
    const payloads = ['work', 'classify', 'un tipus amb espais, comes i "cometes"'];
    const texts = encodeWakeUps(origin, payloads);
    expect(texts).toHaveLength(1);
    expect(decodeWakeUps(texts[0]!)).toEqual({ origin, payloads });
  });

  it('splits into chunks PostgreSQL accepts, losing none', () => {
    const keys = Array.from({ length: 2_000 }, (_, i) => String(2251799813685249n + BigInt(i)));
    const texts = encodeWakeUps(origin, keys);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(maxPayloadBytes);
    expect(texts.flatMap((t) => decodeWakeUps(t).payloads)).toEqual(keys);
  });

  it('leaves a payload too big for any NOTIFY to polling', () => {
    const texts = encodeWakeUps(origin, ['x'.repeat(maxPayloadBytes), 'work']);
    expect(texts.flatMap((t) => decodeWakeUps(t).payloads)).toEqual(['work']);
  });

  it.each(['work', '', '{"not":"ours"}', '[1,2]'])('reads %j from elsewhere as one plain wake-up', (text) => {
    expect(decodeWakeUps(text)).toEqual({ origin: undefined, payloads: [text] });
  });

  it('sends nothing for nothing', () => {
    expect(encodeWakeUps(origin, [])).toEqual([]);
  });
});
