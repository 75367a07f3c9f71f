/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; chunks stay well below. */
export const maxPayloadBytes = 7_000;

export interface WakeUps {
  /** The engine process that sent them (it ignores its own). */
  origin: string | undefined;
  payloads: string[];
}

/** Packs many wake-ups of one channel into as few NOTIFY payloads as fit. */
export function encodeWakeUps(origin: string, payloads: string[]): string[] {
  const texts: string[] = [];
  let chunk: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (chunk.length > 0) texts.push(JSON.stringify({ o: origin, p: chunk }));
    chunk = [];
    bytes = 0;
  };
  for (const payload of payloads) {
    const size = Buffer.byteLength(JSON.stringify(payload)) + 1;
    if (size + origin.length + 16 > maxPayloadBytes) continue; // a wake-up that big is left to polling
    if (bytes + size + origin.length + 16 > maxPayloadBytes) flush();
    chunk.push(payload);
    bytes += size;
  }
  flush();
  return texts;
}

/** Reads a payload written by `encodeWakeUps`; anything else is one plain wake-up. */
export function decodeWakeUps(text: string): WakeUps {
  try {
    const parsed = JSON.parse(text) as { o?: unknown; p?: unknown };
    if (typeof parsed.o === 'string' && Array.isArray(parsed.p)) {
      return { origin: parsed.o, payloads: parsed.p.filter((p): p is string => typeof p === 'string') };
    }
  } catch {
    // not ours: a plain payload
  }
  return { origin: undefined, payloads: [text] };
}
