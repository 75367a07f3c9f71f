import type { BusinessTimeResolver } from '../../core/runtime/execution.js';
import { NoWorkingTimeError } from './business-calendar.js';
import { parseBusinessDuration } from './business-duration.js';
import type { CalendarRegistry } from './calendar-registry.js';

/** Business time for the engine's timers, from the calendars this process holds in memory. */
export function businessTimeResolver(calendars: CalendarRegistry): BusinessTimeResolver {
  return (calendarId, from, text) => {
    const calendar = calendars.get(calendarId);
    if (!calendar) return { ok: false, message: `there is no published business calendar "${calendarId}"` };
    const duration = parseBusinessDuration(text);
    if (typeof duration === 'string') return { ok: false, message: `business duration ${duration}` };
    try {
      return { ok: true, due: calendar.add(from, duration) };
    } catch (error) {
      if (error instanceof NoWorkingTimeError) return { ok: false, message: error.message };
      throw error;
    }
  };
}
