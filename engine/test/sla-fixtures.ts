import type { CalendarContent } from '../src/platform/calendars/calendar-content.js';
import { calendarOf } from './calendar-fixtures.js';
import type { SlaPolicyContent } from '../src/platform/sla/sla-policy.js';

export const officeCalendar: CalendarContent = {
  ...calendarOf([{ from: '08:00', to: '15:00' }], { holidays: { country: 'ES', region: 'CT' } }),
  id: 'office',
};

export function policyOf(
  id: string,
  order: number,
  type: string,
  overrides: Partial<SlaPolicyContent> = {},
): SlaPolicyContent {
  return {
    id,
    title: { ca: id, es: id, en: id },
    order,
    appliesTo: 'case',
    conditions: { all: [{ fact: 'record', path: '$.type', operator: 'equal', value: type }] },
    calendar: 'office',
    metrics: {
      first_response: { urgent: 'PT1H', normal: 'PT4H' },
      resolution: { urgent: 'PT8H', normal: 'P2D' },
    },
    pauseStatuses: ['pending_information'],
    ...overrides,
  };
}
