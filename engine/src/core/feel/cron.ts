/**
 * Spring-style six-field cron (`second minute hour day-of-month month day-of-week`), as Camunda
 * accepts in timer cycles: `*`, `?`, lists, ranges, steps, month and day names, and the macros
 * `@yearly` … `@hourly`. Evaluated in UTC. Day-of-month and day-of-week must both match (Spring
 * semantics). Quartz extensions (`L`, `W`, `#`) are not supported.
 */
export interface CronSchedule {
  seconds: ReadonlySet<number>;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday. */
  daysOfWeek: ReadonlySet<number>;
}

const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  label: string;
  min: number;
  max: number;
  names?: string[];
  namesStartAt?: number;
}

const FIELDS: FieldSpec[] = [
  { label: 'second', min: 0, max: 59 },
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day of month', min: 1, max: 31 },
  { label: 'month', min: 1, max: 12, names: MONTH_NAMES, namesStartAt: 1 },
  { label: 'day of week', min: 0, max: 7, names: DAY_NAMES, namesStartAt: 0 },
];

/** Parses a cron expression, or returns a message saying what is wrong with it. */
export function parseCron(text: string): CronSchedule | string {
  const expanded = MACROS[text.trim().toLowerCase()] ?? text.trim();
  const parts = expanded.split(/\s+/);
  if (parts.length !== 6)
    return `a cron expression needs 6 fields (second minute hour day month weekday), got ${parts.length}`;
  const sets: Set<number>[] = [];
  for (const [index, spec] of FIELDS.entries()) {
    const parsed = parseField(parts[index] ?? '', spec);
    if (typeof parsed === 'string') return parsed;
    sets.push(parsed);
  }
  const [seconds, minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (daysOfWeek.delete(7)) daysOfWeek.add(0);
  return { seconds, minutes, hours, daysOfMonth, months, daysOfWeek };
}

function parseField(field: string, spec: FieldSpec): Set<number> | string {
  const values = new Set<number>();
  for (const item of field.split(',')) {
    const error = addItem(item, spec, values);
    if (error) return `cron ${spec.label} "${field}": ${error}`;
  }
  return values;
}

const QUARTZ_EXTENSION = /#|^L(W|-\d+)?$|^(\d+|[A-Z]{3})L$|^\d+W$/i;

function addItem(item: string, spec: FieldSpec, values: Set<number>): string | undefined {
  if (QUARTZ_EXTENSION.test(item)) return 'L, W and # are not supported';
  const [range = '', stepText, extra] = item.split('/');
  if (extra !== undefined) return 'more than one step';
  const step = stepText === undefined ? 1 : Number(stepText);
  if (!Number.isInteger(step) || step < 1 || stepText === '') return `invalid step "${stepText}"`;
  let from: number | undefined;
  let to: number | undefined;
  if (range === '*' || range === '?') [from, to] = [spec.min, spec.max];
  else {
    const [start = '', end] = range.split('-');
    from = parseValue(start, spec);
    to = end === undefined ? (stepText === undefined ? from : spec.max) : parseValue(end, spec);
  }
  if (from === undefined || to === undefined) return `invalid value "${range}"`;
  if (from > to) return `the range "${range}" goes backwards`;
  for (let value = from; value <= to; value += step) values.add(value);
  return undefined;
}

function parseValue(text: string, spec: FieldSpec): number | undefined {
  const nameIndex = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const value =
    nameIndex >= 0 ? nameIndex + (spec.namesStartAt ?? 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(value) && value >= spec.min && value <= spec.max ? value : undefined;
}

const SEARCH_YEARS = 30;

/**
 * The first time strictly after `after` (whole seconds, UTC) that matches, or undefined when none
 * comes within 30 years (`0 0 0 30 FEB *`).
 */
export function nextCronOccurrence(schedule: CronSchedule, after: Date): Date | undefined {
  const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const limit = t.getUTCFullYear() + SEARCH_YEARS;
  while (t.getUTCFullYear() <= limit) {
    if (!schedule.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!schedule.daysOfMonth.has(t.getUTCDate()) || !schedule.daysOfWeek.has(t.getUTCDay())) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!schedule.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!schedule.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
    } else if (!schedule.seconds.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1, 0);
    } else {
      return t;
    }
  }
  return undefined;
}
