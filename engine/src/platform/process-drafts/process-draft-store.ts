import type { Knex } from 'knex';
import { appendAudit, type AuditChange } from '../audit/append-audit.js';
import { badRequest, conflict, notFound } from '../../infra/errors/app-error.js';
import { currentContext } from '../../infra/logging/request-context.js';
import { processIdPattern, readDraftXml } from './read-draft-xml.js';

export interface ProcessDraftSummary {
  processId: string;
  name: string | null;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ProcessDraft extends ProcessDraftSummary {
  xml: string;
}

interface DraftRow {
  process_id: string;
  name: string | null;
  xml?: string;
  revision: number;
  updated_at: Date | string;
  updated_by: string | null;
}

const summaryColumns = ['process_id', 'name', 'revision', 'updated_at', 'updated_by'];

function toSummary(row: DraftRow): ProcessDraftSummary {
  return {
    processId: row.process_id,
    name: row.name,
    revision: row.revision,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by,
  };
}

function actorName(): string | null {
  const actor = currentContext()?.actor;
  return actor ? `${actor.kind}:${actor.id}` : null;
}

export function assertProcessId(processId: string): void {
  if (!processIdPattern.test(processId)) {
    throw badRequest(`"${processId}" is not a process id.`, [
      {
        path: '/processId',
        message: 'a BPMN id: a letter or _ then letters, digits, _, - or . (at most 200)',
      },
    ]);
  }
}

/** Working copies of processes in the designer; every change is audited as a `process-draft`. */
export class ProcessDraftStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<ProcessDraftSummary[]> {
    const rows = (await this.db('process_drafts').select(summaryColumns).orderBy('process_id')) as DraftRow[];
    return rows.map(toSummary);
  }

  async get(processId: string): Promise<ProcessDraft | undefined> {
    const row = (await this.db('process_drafts').where({ process_id: processId }).first()) as
      (DraftRow & { xml: string }) | undefined;
    return row ? { ...toSummary(row), xml: row.xml } : undefined;
  }

  /** Creates or replaces the draft; with `revision`, only if the stored draft is still at it. */
  async save(processId: string, input: { xml: unknown; revision?: number }): Promise<ProcessDraft> {
    assertProcessId(processId);
    const read = readDraftXml(processId, input.xml);
    if (!read.draft) throw badRequest('The draft is not a BPMN document of this process.', read.errors);
    const xml = input.xml as string;
    const by = actorName();
    return this.db.transaction(async (trx) => {
      const current = (await trx('process_drafts')
        .where({ process_id: processId })
        .forUpdate()
        .first(summaryColumns)) as DraftRow | undefined;
      if (input.revision !== undefined && (current?.revision ?? 0) !== input.revision) {
        throw conflict(
          `The draft of "${processId}" was changed by someone else (revision ${current?.revision ?? 'none'}, not ${input.revision}); reload it.`,
        );
      }
      const revision = (current?.revision ?? 0) + 1;
      const values = { name: read.draft.name, xml, revision, updated_at: trx.fn.now(), updated_by: by };
      const [row] = (await (
        current
          ? trx('process_drafts').where({ process_id: processId }).update(values)
          : trx('process_drafts').insert({ process_id: processId, created_by: by, ...values })
      ).returning(summaryColumns)) as DraftRow[];
      const changes: AuditChange[] = [{ path: '/revision', old: current?.revision, new: revision }];
      if (current?.name !== read.draft.name)
        changes.push({ path: '/name', old: current?.name, new: read.draft.name });
      await appendAudit(trx, [
        { action: current ? 'update' : 'create', entityType: 'process-draft', entityId: processId, changes },
      ]);
      return { ...toSummary(row!), xml };
    });
  }

  async delete(processId: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const removed = (await trx('process_drafts')
        .where({ process_id: processId })
        .delete()
        .returning(summaryColumns)) as DraftRow[];
      if (removed.length === 0) throw notFound(`There is no draft of the process "${processId}".`);
      await appendAudit(trx, [
        {
          action: 'delete',
          entityType: 'process-draft',
          entityId: processId,
          changes: [{ path: '/revision', old: removed[0]!.revision }],
        },
      ]);
    });
  }
}
