import { parseIsoDuration } from '../../core/feel/iso-duration.js';

/** A duration in business time: whole working days, then working milliseconds. */
export interface BusinessDuration {
  days: number;
  milliseconds: number;
}

/** The longest business duration accepted: ten years of working days, or the same in hours. */
export const maxBusinessDays = 3650;
export const maxBusinessMilliseconds = maxBusinessDays * 24 * 3600 * 1000;

/**
 * Parses an ISO 8601 duration as business time. `D` counts working days (P1D from Tuesday 10:00
 * is Wednesday 10:00); `H`, `M` and `S` count working time. Years, months and weeks have no
 * business meaning and are refused, as are negative durations. Returns a message when invalid.
 */
export function parseBusinessDuration(text: unknown): BusinessDuration | string {
  if (typeof text !== 'string') return 'must be an ISO 8601 duration string such as PT8H or P2D';
  const trimmed = text.trim();
  if (trimmed.startsWith('-')) return `"${text}" is negative: a business duration must be zero or more`;
  const parsed = parseIsoDuration(trimmed);
  if (!parsed) return `"${text}" is not an ISO 8601 duration such as PT8H, PT30M or P2D`;
  if (parsed.years > 0 || parsed.months > 0 || parsed.weeks > 0) {
    return `"${text}" uses years, months or weeks: a business duration counts days (D) and time (H, M, S) only`;
  }
  const milliseconds = Math.round(((parsed.hours * 60 + parsed.minutes) * 60 + parsed.seconds) * 1000);
  if (parsed.days > maxBusinessDays || milliseconds > maxBusinessMilliseconds) {
    return `"${text}" is longer than the limit of ${maxBusinessDays} working days`;
  }
  return { days: parsed.days, milliseconds };
}

/** Working milliseconds as an ISO 8601 time duration (`PT10H30M`, `PT0S`). */
export function formatBusinessMilliseconds(milliseconds: number): string {
  const sign = milliseconds < 0 ? '-' : '';
  let rest = Math.abs(Math.round(milliseconds));
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  const parts = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `${sign}PT${parts || '0S'}`;
}
