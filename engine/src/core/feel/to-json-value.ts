import { FeelDate, FeelDateTime, FeelDuration, FeelTime, isFunction, isRange } from 'feelin';

export type JsonConversion = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Turns a FEEL result into a value that can be stored as a process variable: temporal values
 * become ISO-8601 strings (zoned date-times with their UTC offset, e.g. `2026-07-01T10:00:00+02:00`),
 * undefined becomes null; functions and ranges cannot be stored.
 */
export function toJsonValue(value: unknown): JsonConversion {
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value === 'number') return { ok: true, value: Number.isFinite(value) ? value : null };
  if (typeof value === 'string' || typeof value === 'boolean') return { ok: true, value };
  if (value instanceof FeelDate || value instanceof FeelDuration) return { ok: true, value: value.iso };
  if (value instanceof FeelDateTime || value instanceof FeelTime) return { ok: true, value: zonedIso(value) };
  if (isFunction(value)) return { ok: false, message: 'a FEEL function cannot be stored as a variable' };
  if (isRange(value)) return { ok: false, message: 'a FEEL range cannot be stored as a variable' };
  if (Array.isArray(value)) return convertAll(value);
  if (typeof value === 'object') return convertObject(value as Record<string, unknown>);
  return { ok: false, message: `a value of type ${typeof value} cannot be stored as a variable` };
}

function convertAll(values: unknown[]): JsonConversion {
  const result: unknown[] = [];
  for (const item of values) {
    const converted = toJsonValue(item);
    if (!converted.ok) return converted;
    result.push(converted.value);
  }
  return { ok: true, value: result };
}

function convertObject(object: Record<string, unknown>): JsonConversion {
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(object)) {
    const converted = toJsonValue(item);
    if (!converted.ok) return converted;
    result[key] = converted.value;
  }
  return { ok: true, value: result };
}

function zonedIso(value: FeelDateTime | FeelTime): string {
  if (value.zone === null) return value.iso;
  const offset = value['time offset'];
  const seconds = offset.hours * 3600 + offset.minutes * 60 + offset.seconds;
  return `${value.value.toString()}${formatOffset(seconds)}`;
}

function formatOffset(totalSeconds: number): string {
  if (totalSeconds === 0) return 'Z';
  const sign = totalSeconds < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(totalSeconds) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
