/* Generated from schemas/calendar.schema.json by `npm run generate:types` (scripts/generate-types.ts): do not edit. */

export type Time = string;
/**
 * @maxItems 12
 */
export type Day = {
  from: Time;
  to: Time;
}[];

/**
 * Working hours per weekday in a time zone, with public and local holidays. An interval whose `to` is at or before its `from` crosses midnight and belongs to the day it starts on.
 */
export interface BusinessCalendar {
  id: string;
  title: {
    ca: string;
    es: string;
    en: string;
  };
  description?: string;
  /**
   * An IANA time zone.
   */
  timeZone?: string;
  week: {
    mon: Day;
    tue: Day;
    wed: Day;
    thu: Day;
    fri: Day;
    sat: Day;
    sun: Day;
  };
  holidays?: null | {
    country: string;
    region?: string;
  };
  /**
   * @maxItems 500
   */
  localHolidays?: {
    date: string;
    name: string;
  }[];
}
