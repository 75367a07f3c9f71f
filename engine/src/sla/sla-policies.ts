import type { BusinessCalendar } from '../calendars/business-calendar.js';
import { parseBusinessDuration } from '../calendars/business-duration.js';
import type { DefinitionStore } from '../definitions/definition-store.js';
import { PolicyMatcher } from './policy-matcher.js';
import type { SlaPolicyContent } from './sla-policy.js';

export const slaPolicyKindName = 'sla-policy';

/** Published SLA policies: the latest ones for matching new records, any version for running clocks. */
export class SlaPolicies {
  private matcher: Promise<PolicyMatcher> | undefined;
  private readonly versions = new Map<string, SlaPolicyContent>();

  constructor(private readonly store: DefinitionStore) {
    store.onPublish((kind) => {
      if (kind === slaPolicyKindName) this.matcher = undefined;
    });
  }

  /** Forgets the latest policies, so the next match reads them again (another process may have published). */
  refresh(): void {
    this.matcher = undefined;
  }

  async match(recordType: string, record: Record<string, unknown>) {
    this.matcher ??= this.loadMatcher().catch((error: unknown) => {
      this.matcher = undefined;
      throw error;
    });
    return (await this.matcher).match(recordType, record);
  }

  async version(id: string, version: number): Promise<SlaPolicyContent | undefined> {
    const key = `${id}@${version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const found = await this.store.get(slaPolicyKindName, id, version);
    if (!found) return undefined;
    this.versions.set(key, found.content as SlaPolicyContent);
    return found.content as SlaPolicyContent;
  }

  private async loadMatcher(): Promise<PolicyMatcher> {
    const policies: { version: number; content: SlaPolicyContent }[] = [];
    for (const summary of await this.store.list(slaPolicyKindName)) {
      const found =
        summary.version === null ? undefined : await this.store.get(slaPolicyKindName, summary.id);
      if (found) policies.push({ version: found.version, content: found.content as SlaPolicyContent });
    }
    return new PolicyMatcher(policies);
  }
}

/** A target in business milliseconds: a day (`D`) counts the calendar's average working day. */
export function targetMilliseconds(target: string, calendar: BusinessCalendar): number | undefined {
  const parsed = parseBusinessDuration(target);
  if (typeof parsed === 'string') return undefined;
  return parsed.days * calendar.workingDayMilliseconds() + parsed.milliseconds;
}
