import Holidays from 'date-holidays';

const cache = new Map<string, Map<string, string>>();
const options = { types: ['public' as const], languages: ['ca'] };

/**
 * Public holidays (not bank, optional or observance days) of a country and optional region in a
 * year, as `YYYY-MM-DD` → name, from the maintained `date-holidays` data.
 */
export function publicHolidays(
  country: string,
  region: string | undefined,
  year: number,
): Map<string, string> {
  const key = `${country}/${region ?? ''}/${year}`;
  let days = cache.get(key);
  if (!days) {
    days = new Map();
    const source = region ? new Holidays(country, region, options) : new Holidays(country, options);
    for (const holiday of source.getHolidays(year)) {
      if (holiday.type === 'public') days.set(holiday.date.slice(0, 10), holiday.name);
    }
    cache.set(key, days);
  }
  return days;
}

/** Whether `date-holidays` knows the country and (when given) its region. */
export function isKnownHolidayRegion(country: string, region?: string): boolean {
  const holidays = new Holidays();
  const countries = holidays.getCountries();
  if (!Object.hasOwn(countries, country)) return false;
  if (!region) return true;
  return Object.hasOwn(holidays.getStates(country) ?? {}, region);
}
