/** The units the friendly duration input offers; days are working days of the policy's calendar. */
export type DurationUnit = 'minutes' | 'hours' | 'days';
export const durationUnits: readonly DurationUnit[] = ['minutes', 'hours', 'days'];

export interface FriendlyDuration {
  amount: number;
  unit: DurationUnit;
}

const pattern = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;

/**
 * An ISO 8601 business duration as one amount and unit (`PT4H` is 4 hours, `P2D` 2 days,
 * `PT90M` 90 minutes, `PT1H30M` 90 minutes); undefined when it cannot be shown that way
 * (days mixed with time, seconds, weeks, malformed).
 */
export function toFriendly(iso: string): FriendlyDuration | undefined {
  const match = pattern.exec(iso.trim());
  if (!match || iso.trim() === 'P' || iso.trim().endsWith('T')) return undefined;
  const [, days, hours, minutes] = match;
  if (days !== undefined)
    return hours === undefined && minutes === undefined ? { amount: Number(days), unit: 'days' } : undefined;
  const total = Number(hours ?? 0) * 60 + Number(minutes ?? 0);
  return total % 60 === 0 && total > 0
    ? { amount: total / 60, unit: 'hours' }
    : { amount: total, unit: 'minutes' };
}

export function toIso({ amount, unit }: FriendlyDuration): string {
  const n = Math.max(0, Math.round(amount));
  if (unit === 'days') return `P${n}D`;
  if (unit === 'hours') return `PT${n}H`;
  return `PT${n}M`;
}

/** Warning thresholds are fractions of the target (0.75); the editor shows them as percentages. */
export const toPercent = (fraction: number) => Math.round(fraction * 1000) / 10;
export const toFraction = (percent: number) => Math.round(percent * 10) / 1000;
