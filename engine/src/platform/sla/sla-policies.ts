import type { BusinessCalendar } from '../calendars/business-calendar.js';
import { parseBusinessDuration } from '../calendars/business-duration.js';
import type { Knex } from 'knex';
import type { DefinitionStore } from '../definitions/definition-store.js';
import { latestPublished, publishedVersion } from '../definitions/published-definitions.js';
import { PolicyMatcher } from './policy-matcher.js';
import type { SlaPolicyContent } from './sla-policy.js';

export const slaPolicyKindName = 'sla-policy';

/** Published SLA policies: the latest ones for matching new records, any version for running clocks. */
export class SlaPolicies {
  private matcher: Promise<PolicyMatcher> | undefined;
  private readonly versions = new Map<string, SlaPolicyContent>();

  constructor(store: DefinitionStore) {
    store.onPublish((kind) => {
      if (kind === slaPolicyKindName) this.matcher = undefined;
    });
  }

  /** Forgets the latest policies, so the next match reads them again (another process may have published). */
  refresh(): void {
    this.matcher = undefined;
  }

  async match(db: Knex | Knex.Transaction, recordType: string, record: Record<string, unknown>) {
    this.matcher ??= this.loadMatcher(db).catch((error: unknown) => {
      this.matcher = undefined;
      throw error;
    });
    return (await this.matcher).match(recordType, record);
  }

  async version(
    db: Knex | Knex.Transaction,
    id: string,
    version: number,
  ): Promise<SlaPolicyContent | undefined> {
    const key = `${id}@${version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const found = await publishedVersion(db, slaPolicyKindName, id, version);
    if (!found) return undefined;
    this.versions.set(key, found.content as SlaPolicyContent);
    return found.content as SlaPolicyContent;
  }

  private async loadMatcher(db: Knex | Knex.Transaction): Promise<PolicyMatcher> {
    const published = await latestPublished(db, slaPolicyKindName);
    return new PolicyMatcher(
      published.map((p) => ({ version: p.version, content: p.content as SlaPolicyContent })),
    );
  }
}

/** A target in business milliseconds: a day (`D`) counts the calendar's average working day. */
export function targetMilliseconds(target: string, calendar: BusinessCalendar): number | undefined {
  const parsed = parseBusinessDuration(target);
  if (typeof parsed === 'string') return undefined;
  return parsed.days * calendar.workingDayMilliseconds() + parsed.milliseconds;
}
