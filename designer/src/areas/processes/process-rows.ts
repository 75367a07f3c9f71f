import type { ProcessDefinition } from '../../api/process-definitions';
import type { ProcessDraftSummary } from './process-api';

export interface ProcessRow {
  processId: string;
  name: string | null;
  latestVersion: number | null;
  draftUpdatedAt: string | null;
}

/** One row per process id, whether it has a draft, deployed versions or both; sorted by id. */
export function processRows(drafts: ProcessDraftSummary[], definitions: ProcessDefinition[]): ProcessRow[] {
  const rows = new Map<string, ProcessRow>();
  for (const definition of definitions) {
    const row = rows.get(definition.processDefinitionId);
    if (row && (row.latestVersion ?? 0) >= definition.version) continue;
    rows.set(definition.processDefinitionId, {
      processId: definition.processDefinitionId,
      name: definition.name,
      latestVersion: definition.version,
      draftUpdatedAt: null,
    });
  }
  for (const draft of drafts) {
    const row = rows.get(draft.processId);
    rows.set(draft.processId, {
      processId: draft.processId,
      name: draft.name ?? row?.name ?? null,
      latestVersion: row?.latestVersion ?? null,
      draftUpdatedAt: draft.updatedAt,
    });
  }
  return [...rows.values()].sort((a, b) => a.processId.localeCompare(b.processId));
}
