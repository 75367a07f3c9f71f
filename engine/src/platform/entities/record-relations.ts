import type { Knex } from 'knex';
import { isSubjectType } from './audit-subject.js';
import type { BeforeCommit } from '../../infra/db/before-commit.js';
import { appendAudit, type AuditChange } from '../audit/append-audit.js';
import { AppError, badRequest, conflict, notFound } from '../../infra/errors/app-error.js';
import { currentContext } from '../../infra/logging/request-context.js';
import type { EntityTypeRegistry } from './entity-type-registry.js';
import { uuidPattern, recordNotFound } from './record-problems.js';
import { selectRecord } from './record-rows.js';

export interface RelationLink {
  id: string;
  relation: string;
  direction: 'out' | 'in';
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  role: string | null;
  validFrom: string;
  validTo: string | null;
  attributes: Record<string, unknown> | null;
}

export interface LinkInput {
  targetId: string;
  role?: string;
  validFrom?: string;
  validTo?: string;
  attributes?: Record<string, unknown>;
}

interface RelationRow {
  id: string;
  relation: string;
  from_type: string;
  from_id: string;
  to_type: string;
  to_id: string;
  role: string | null;
  valid_from: Date;
  valid_to: Date | null;
  attributes: Record<string, unknown> | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const actorId = () => currentContext()?.actor?.id ?? 'engine';

function toLink(row: RelationRow, recordId: string): RelationLink {
  return {
    id: row.id,
    relation: row.relation,
    direction: row.from_id === recordId ? 'out' : 'in',
    fromType: row.from_type,
    fromId: row.from_id,
    toType: row.to_type,
    toId: row.to_id,
    role: row.role,
    validFrom: iso(row.valid_from),
    validTo: row.valid_to ? iso(row.valid_to) : null,
    attributes: row.attributes,
  };
}

function date(value: string | undefined, path: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  if (typeof value !== 'string' || Number.isNaN(parsed.getTime()))
    throw badRequest(`${path} is not a date-time.`, [{ path, message: 'must be an ISO 8601 date-time' }]);
  return parsed;
}

/**
 * The audit entry of a link or unlink, on the record it starts from; a subject (x-subject "self",
 * e.g. a person) on either end is its subject.
 */
async function auditLink(
  types: EntityTypeRegistry,
  trx: Knex.Transaction,
  action: 'link' | 'unlink',
  link: RelationLink,
  change: AuditChange,
) {
  const subject = isSubjectType(await types.published(link.fromType))
    ? link.fromId
    : isSubjectType(await types.published(link.toType))
      ? link.toId
      : undefined;
  return appendAudit(trx, [
    {
      action,
      entityType: link.fromType,
      entityId: link.fromId,
      ...(subject ? { subjectPersonId: subject } : {}),
      changes: [change],
    },
  ]);
}

/** Links between records with a role and a validity period; unlinking ends the validity, never deletes. */
export class RecordRelations {
  constructor(
    private readonly db: Knex,
    private readonly types: EntityTypeRegistry,
  ) {}

  /** `beforeCommit`: more work in the link's transaction, given the new link (an idempotent answer). */
  async link(
    type: string,
    id: string,
    relation: string,
    input: LinkInput,
    beforeCommit?: BeforeCommit<RelationLink>,
  ): Promise<RelationLink> {
    const published = await this.types.require(type);
    const spec = published.doc['x-relations']?.[relation];
    if (!spec) throw notFound(`The ${type} type has no relation "${relation}".`);
    if (typeof input.targetId !== 'string' || !uuidPattern.test(input.targetId))
      throw badRequest('targetId must be a record id.', [
        { path: '/targetId', message: 'must be a record id' },
      ]);
    if (
      input.role !== undefined &&
      (typeof input.role !== 'string' || (spec.roles && !spec.roles.includes(input.role)))
    ) {
      throw new AppError(
        'invalid',
        'invalid-relation',
        `"${String(input.role)}" is not a role of ${relation}.`,
        {
          errors: [{ path: '/role', message: `must be one of ${(spec.roles ?? []).join(', ')}` }],
        },
      );
    }
    const validFrom = date(input.validFrom, '/validFrom') ?? new Date();
    const validTo = date(input.validTo, '/validTo');
    if (validTo && validTo < validFrom)
      throw new AppError('invalid', 'invalid-relation', 'validTo is before validFrom.', {
        errors: [{ path: '/validTo', message: 'must not be before validFrom' }],
      });
    if (!uuidPattern.test(id)) throw recordNotFound(type, id);
    return this.db.transaction(async (trx) => {
      if (!(await selectRecord(trx, type, id, true))) throw recordNotFound(type, id);
      if (!(await selectRecord(trx, spec.target, input.targetId))) {
        throw new AppError(
          'invalid',
          'invalid-relation',
          `There is no ${spec.target} record ${input.targetId}.`,
          {
            errors: [{ path: '/targetId', message: `is not a live ${spec.target} record` }],
          },
        );
      }
      if (spec.cardinality === 'one') {
        const current = await trx('record_relations')
          .where({ from_id: id, relation })
          .whereNull('valid_to')
          .first('id');
        if (current)
          throw conflict(`The ${relation} relation allows one current link; end ${current.id} first.`);
      }
      const [row] = await trx('record_relations')
        .insert({
          relation,
          from_type: type,
          from_id: id,
          to_type: spec.target,
          to_id: input.targetId,
          role: input.role ?? null,
          valid_from: validFrom,
          valid_to: validTo ?? null,
          attributes: input.attributes ? JSON.stringify(input.attributes) : null,
          created_by: actorId(),
        })
        .returning('*');
      const link = toLink(row as RelationRow, id);
      await auditLink(this.types, trx, 'link', link, {
        path: `/relations/${relation}/${link.id}`,
        new: { toId: link.toId, role: link.role, validFrom: link.validFrom, validTo: link.validTo },
      });
      await beforeCommit?.(trx, link);
      return link;
    });
  }

  /** Ends a link's validity (now, or at `validTo`); the row stays as history. */
  async unlink(
    type: string,
    id: string,
    relation: string,
    linkId: string,
    validTo?: string,
  ): Promise<RelationLink> {
    await this.types.require(type);
    if (!uuidPattern.test(id) || !uuidPattern.test(linkId))
      throw notFound(`There is no such ${relation} link.`);
    const end = date(validTo, 'validTo') ?? new Date();
    return this.db.transaction(async (trx) => {
      const row = (await trx('record_relations')
        .where({ id: linkId, from_id: id, from_type: type, relation })
        .forUpdate()
        .first()) as RelationRow | undefined;
      if (!row) throw notFound(`There is no ${relation} link ${linkId} on this record.`);
      if (row.valid_to && row.valid_to <= end)
        throw conflict(`The link ${linkId} already ended at ${iso(row.valid_to)}.`);
      if (end < row.valid_from)
        throw new AppError('invalid', 'invalid-relation', 'validTo is before the link started.', {
          errors: [{ path: 'validTo', message: 'must not be before validFrom' }],
        });
      const [updated] = await trx('record_relations')
        .where({ id: linkId })
        .update({ valid_to: end, ended_by: actorId() })
        .returning('*');
      const link = toLink(updated as RelationRow, id);
      await auditLink(this.types, trx, 'unlink', link, {
        path: `/relations/${relation}/${linkId}/validTo`,
        old: row.valid_to ? iso(row.valid_to) : null,
        new: link.validTo,
      });
      return link;
    });
  }

  /** Links from and to a record: valid at `at` (default now), or all of them with `history`. */
  async list(
    type: string,
    id: string,
    options: { relation?: string; at?: string; history?: boolean },
  ): Promise<RelationLink[]> {
    await this.types.require(type);
    if (!uuidPattern.test(id) || !(await selectRecord(this.db, type, id))) throw recordNotFound(type, id);
    const at = date(options.at, 'at') ?? new Date();
    const rows = (await this.db('record_relations')
      .where((q) => q.where({ from_id: id, from_type: type }).orWhere({ to_id: id, to_type: type }))
      .modify((q) => {
        if (options.relation) q.where('relation', options.relation);
        if (!options.history)
          q.where('valid_from', '<=', at).andWhere((w) =>
            w.whereNull('valid_to').orWhere('valid_to', '>', at),
          );
      })
      .orderBy([{ column: 'relation' }, { column: 'valid_from' }, { column: 'id' }])
      .limit(1_000)
      .select('*')) as RelationRow[];
    return rows.map((row) => toLink(row, id));
  }
}
