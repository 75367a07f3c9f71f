import type { ElementStatistics } from '../instance-api';

export interface ElementBadge {
  elementId: string;
  marker: 'tramit-active' | 'tramit-incident' | null;
  counts: { kind: 'active' | 'incidents' | 'completed' | 'canceled'; count: number }[];
}

/** What the instance diagram shows per element: a highlight for active or failed ones, and counts. */
export function elementBadges(statistics: ElementStatistics[]): ElementBadge[] {
  return statistics
    .map((s) => ({
      elementId: s.elementId,
      marker:
        s.incidents > 0 ? ('tramit-incident' as const) : s.active > 0 ? ('tramit-active' as const) : null,
      counts: (['active', 'incidents', 'completed', 'canceled'] as const)
        .map((kind) => ({ kind, count: s[kind] }))
        .filter((c) => c.count > 0),
    }))
    .filter((b) => b.counts.length > 0);
}
