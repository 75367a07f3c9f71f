import type { Request } from 'express';
import { definitionRoutes } from '../definitions/definition-routes.js';
import type { DefinitionStore } from '../definitions/definition-store.js';
import { invalidDefinition } from '../definitions/definition-kind.js';
import { badRequest, notFound, type FieldError } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { BusinessCalendar, NoWorkingTimeError } from './business-calendar.js';
import {
  formatBusinessMilliseconds,
  parseBusinessDuration,
  type BusinessDuration,
} from './business-duration.js';
import type { CalendarContent } from './calendar-content.js';
import { calendarKind } from './calendar-kind.js';
import { calendarKindName, type CalendarRegistry } from './calendar-registry.js';

/** The longest range `days` lists at once (a year and a bit, for a month or year view). */
export const maxDaysRange = 400;

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function body(req: Request): Record<string, unknown> {
  const value: unknown = req.body;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The body must be a JSON object.', [{ path: '/', message: 'must be an object' }]);
  }
  return value as Record<string, unknown>;
}

function instantOf(value: unknown, path: string, errors: FieldError[]): Date {
  if (typeof value === 'string' && instantPattern.test(value) && !Number.isNaN(Date.parse(value)))
    return new Date(value);
  errors.push({ path, message: 'must be an ISO 8601 instant with an offset, such as 2026-03-02T09:00:00Z' });
  return new Date(0);
}

function dateOf(value: unknown, path: string, errors: FieldError[]): string {
  if (typeof value === 'string' && datePattern.test(value) && !Number.isNaN(Date.parse(value))) return value;
  errors.push({ path, message: 'must be a date YYYY-MM-DD' });
  return '';
}

function rejectIfAny(errors: FieldError[]): void {
  if (errors.length > 0) throw badRequest(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
}

function daysRange(from: unknown, to: unknown, prefix: string): { from: string; to: string } {
  const errors: FieldError[] = [];
  const range = { from: dateOf(from, `${prefix}from`, errors), to: dateOf(to, `${prefix}to`, errors) };
  rejectIfAny(errors);
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000;
  if (days < 0)
    throw badRequest('"to" is before "from".', [{ path: `${prefix}to`, message: 'must not be before from' }]);
  if (days >= maxDaysRange) {
    throw badRequest(`At most ${maxDaysRange} days at once.`, [
      { path: `${prefix}to`, message: `at most ${maxDaysRange} days after from` },
    ]);
  }
  return range;
}

/** Calendars as definitions (contract C4) plus the business-time operations of contract C6. */
export function calendarRoutes(
  router: SecureRouter,
  store: DefinitionStore,
  calendars: CalendarRegistry,
): void {
  const base = '/api/v1/calendars';
  definitionRoutes(router, store, {
    kind: calendarKindName,
    basePath: base,
    read: 'calendars.read',
    write: 'calendars.write',
  });

  const published = async (req: Request): Promise<BusinessCalendar> => {
    const id = String(req.params.id);
    const calendar = await calendars.load(id);
    if (!calendar) throw notFound(`There is no published calendar "${id}".`);
    return calendar;
  };

  router.post(`${base}/:id/add`, 'calendars.read', async (req, res) => {
    const input = body(req);
    const errors: FieldError[] = [];
    const from = instantOf(input.from, '/from', errors);
    const duration = parseBusinessDuration(input.duration);
    if (typeof duration === 'string') errors.push({ path: '/duration', message: duration });
    rejectIfAny(errors);
    const calendar = await published(req);
    res.json({ due: noWorkingTime(() => calendar.add(from, duration as BusinessDuration)).toISOString() });
  });

  router.post(`${base}/:id/between`, 'calendars.read', async (req, res) => {
    const input = body(req);
    const errors: FieldError[] = [];
    const from = instantOf(input.from, '/from', errors);
    const to = instantOf(input.to, '/to', errors);
    rejectIfAny(errors);
    const milliseconds = (await published(req)).between(from, to);
    res.json({ duration: formatBusinessMilliseconds(milliseconds), seconds: milliseconds / 1000 });
  });

  router.get(`${base}/:id/days`, 'calendars.read', async (req, res) => {
    const range = daysRange(req.query.from, req.query.to, '');
    res.json({ days: (await published(req)).days(range.from, range.to) });
  });

  router.post(`${base}/:id/days/preview`, 'calendars.read', (req, res) => {
    const input = body(req);
    const problems = calendarKind.validate(input.calendar);
    if (problems.length > 0) {
      throw invalidDefinition(
        'calendar',
        String(req.params.id),
        problems.map((p) => ({ ...p, path: `/calendar${p.path}` })),
      );
    }
    const range = daysRange(input.from, input.to, '/');
    res.json({ days: new BusinessCalendar(input.calendar as CalendarContent).days(range.from, range.to) });
  });
}

function noWorkingTime<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof NoWorkingTimeError) {
      throw badRequest(error.message, [{ path: '/duration', message: 'no working time to reach it' }]);
    }
    throw error;
  }
}
