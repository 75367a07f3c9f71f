import { describe, expect, it } from 'vitest';
import type { ProcessDefinition } from '../../api/process-definitions';
import type { ProcessDraftSummary } from './process-api';
import { processRows } from './process-rows';

const definition = (id: string, version: number, name: string | null = null): ProcessDefinition => ({
  processDefinitionKey: `${id}-${version}`,
  processDefinitionId: id,
  name,
  version,
  resourceName: `${id}.bpmn`,
});
const draft = (processId: string, name: string | null): ProcessDraftSummary => ({
  processId,
  name,
  revision: 1,
  updatedAt: '2026-12-01T10:00:00.000Z',
  updatedBy: 'user:1',
});

describe('processRows', () => {
  it('gives one row per process: its latest version, its draft, or both, sorted by id', () => {
    const rows = processRows(
      [draft('permit', 'Permís'), draft('new-one', null)],
      [
        definition('permit', 1, 'Permit'),
        definition('permit', 3, 'Permit v3'),
        definition('permit', 2),
        definition('leak', 1, 'Leak'),
      ],
    );
    expect(rows).toEqual([
      { processId: 'leak', name: 'Leak', latestVersion: 1, draftUpdatedAt: null },
      { processId: 'new-one', name: null, latestVersion: null, draftUpdatedAt: '2026-12-01T10:00:00.000Z' },
      { processId: 'permit', name: 'Permís', latestVersion: 3, draftUpdatedAt: '2026-12-01T10:00:00.000Z' },
    ]);
  });

  it('keeps the deployed name when the draft has none', () => {
    expect(processRows([draft('leak', null)], [definition('leak', 2, 'Leak')])[0]?.name).toBe('Leak');
  });
});
