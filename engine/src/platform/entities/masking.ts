import type { MaskSpec } from './entity-type.js';

const maskChar = '•';

/** The value with every character hidden but the first `showFirst` and last `showLast`. */
export function maskValue(value: unknown, spec: MaskSpec): string {
  if (value === null || value === undefined) return maskChar.repeat(4);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const first = spec.showFirst ?? 0;
  const last = spec.showLast ?? 0;
  if (first + last >= text.length) return maskChar.repeat(text.length);
  return text.slice(0, first) + maskChar.repeat(text.length - first - last) + text.slice(text.length - last);
}
