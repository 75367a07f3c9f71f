import schema from '../../../../schemas/calendar.schema.json' with { type: 'json' };
import { schemaKind } from '../definitions/definition-kind.js';
import type { CalendarContent } from './calendar-content.js';
import { calendarProblems } from './calendar-problems.js';

export const calendarKind = schemaKind<CalendarContent>('calendar', schema, calendarProblems);
