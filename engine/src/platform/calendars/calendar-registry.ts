import type { Knex } from 'knex';
import type { DefinitionStore } from '../definitions/definition-store.js';
import { publishedVersion } from '../definitions/published-definitions.js';
import { BusinessCalendar } from './business-calendar.js';
import type { CalendarContent } from './calendar-content.js';

export const calendarKindName = 'calendar';

/**
 * The published calendars of this process, in memory (a few per organisation), so that business
 * time is a synchronous computation for the engine's timers. Refreshed when one is published.
 */
export class CalendarRegistry {
  private readonly calendars = new Map<string, { version: number; calendar: BusinessCalendar }>();

  constructor(private readonly store: DefinitionStore) {
    store.onPublish((kind, id) => {
      if (kind === calendarKindName) void this.reload(id);
    });
  }

  /** Loads every published calendar not in memory yet or published since (by any process). */
  async loadAll(): Promise<void> {
    for (const summary of await this.store.list(calendarKindName)) {
      const cached = this.calendars.get(summary.id);
      if (summary.version !== null && (!cached || cached.version < summary.version))
        await this.reload(summary.id);
    }
  }

  /** The latest published version, loading it (with `db`, e.g. the caller's transaction) when not in memory yet. */
  async load(id: string, db?: Knex | Knex.Transaction): Promise<BusinessCalendar | undefined> {
    return this.get(id) ?? (await this.reload(id, db));
  }

  /** Whether `at` is working time in the calendar; undefined for an unknown calendar (the rules' probe). */
  async isWorkingTime(id: string, at: Date): Promise<boolean | undefined> {
    return (await this.load(id))?.isWorkingTime(at);
  }

  get(id: string): BusinessCalendar | undefined {
    return this.calendars.get(id)?.calendar;
  }

  private async reload(id: string, db?: Knex | Knex.Transaction): Promise<BusinessCalendar | undefined> {
    const published = db
      ? await publishedVersion(db, calendarKindName, id)
      : await this.store.get(calendarKindName, id);
    if (!published) return undefined;
    const cached = this.calendars.get(id);
    if (cached && cached.version >= published.version) return cached.calendar;
    const calendar = new BusinessCalendar(published.content as CalendarContent);
    this.calendars.set(id, { version: published.version, calendar });
    return calendar;
  }
}
