import type { Knex } from 'knex';
import { appendAudit } from '../audit/append-audit.js';
import { contentHash } from '../definitions/content-hash.js';
import { AppError, badRequest, notFound } from '../../infra/errors/app-error.js';
import { currentContext } from '../../infra/logging/request-context.js';
import { typeNamePattern, type EntityTypeDocument } from './entity-type.js';
import { compilePublished, type PublishedType } from './published-type.js';
import { breakingChanges, type BreakingChange } from './schema-compatibility.js';
import { indexDefinitions } from './index-ddl.js';
import { syncTypeIndexes } from './type-indexes.js';
import { validateEntityType } from './validate-entity-type.js';

export interface PublishReport {
  published: boolean;
  version: number | null;
  compatible: boolean;
  breakingChanges: BreakingChange[];
  failingRecords: number;
}

export interface PublishOptions {
  dryRun?: boolean;
  force?: boolean;
  publishedBy?: string;
}

type PublishListener = (type: PublishedType) => void;

const iso = (value: Date | string): string => new Date(value).toISOString();
const actorId = () => currentContext()?.actor?.id ?? 'engine';
const countBatch = 2_000;
const recheckMs = 2_000;

export function checkTypeName(name: string): void {
  if (!typeNamePattern.test(name)) {
    throw badRequest(`"${name}" is not a valid entity type name.`, [
      { path: 'name', message: 'must match ^[a-z][a-z0-9_]{0,62}$' },
    ]);
  }
}

/** Entity types: drafts, published versions (compiled and cached), compatibility and indexes. */
export class EntityTypeRegistry {
  private readonly cache = new Map<string, { type: PublishedType; checkedAt: number }>();
  private readonly listeners: PublishListener[] = [];

  constructor(private readonly db: Knex) {}

  onPublish(listener: PublishListener): void {
    this.listeners.push(listener);
  }

  /**
   * The latest published version, or undefined when the type was never published. Cached; after
   * `recheckMs` one small query confirms the version, so a publish by another process shows soon.
   */
  async published(name: string): Promise<PublishedType | undefined> {
    const cached = this.cache.get(name);
    if (cached && Date.now() - cached.checkedAt < recheckMs) return cached.type;
    if (!typeNamePattern.test(name)) return undefined;
    if (cached) {
      const row = await this.db('entity_types').where({ name }).first('latest_version');
      if (row?.latest_version === cached.type.version) {
        cached.checkedAt = Date.now();
        return cached.type;
      }
    }
    const row = await this.db('entity_types as t')
      .join('entity_type_versions as v', (j) =>
        j.on('v.name', 't.name').andOn('v.version', 't.latest_version'),
      )
      .where('t.name', name)
      .first('v.version', 'v.schema', 'v.published_at');
    if (!row) return undefined;
    const type = compilePublished(name, row.version, row.schema, row.published_at);
    this.cache.set(name, { type, checkedAt: Date.now() });
    return type;
  }

  async require(name: string): Promise<PublishedType> {
    checkTypeName(name);
    const type = await this.published(name);
    if (!type) throw notFound(`There is no published entity type "${name}".`);
    return type;
  }

  async version(name: string, version: number): Promise<EntityTypeDocument | undefined> {
    const row = await this.db('entity_type_versions').where({ name, version }).first('schema');
    return row?.schema;
  }

  async list(): Promise<
    {
      name: string;
      draft: EntityTypeDocument | null;
      version: number | null;
      schema: EntityTypeDocument | null;
    }[]
  > {
    const rows = await this.db('entity_types as t')
      .leftJoin('entity_type_versions as v', (j) =>
        j.on('v.name', 't.name').andOn('v.version', 't.latest_version'),
      )
      .orderBy('t.name')
      .select('t.name', 't.draft', 't.latest_version', 'v.schema');
    return rows.map((r) => ({ name: r.name, draft: r.draft, version: r.latest_version, schema: r.schema }));
  }

  async publishedNames(): Promise<string[]> {
    const rows = await this.db('entity_types').whereNotNull('latest_version').orderBy('name').select('name');
    return rows.map((r) => r.name as string);
  }

  async describe(name: string) {
    checkTypeName(name);
    const row = await this.db('entity_types').where({ name }).first('draft', 'latest_version');
    if (!row) throw notFound(`There is no entity type "${name}".`);
    const versions = await this.db('entity_type_versions')
      .where({ name })
      .orderBy('version')
      .select('version', 'schema', 'published_at', 'published_by');
    const latest = versions.find((v) => v.version === row.latest_version);
    return {
      name,
      published: latest
        ? { version: latest.version, schema: latest.schema, publishedAt: iso(latest.published_at) }
        : null,
      draft: row.draft ?? null,
      versions: versions.map((v) => ({
        version: v.version,
        publishedAt: iso(v.published_at),
        publishedBy: v.published_by,
      })),
    };
  }

  async saveDraft(name: string, doc: unknown): Promise<void> {
    checkTypeName(name);
    const problems = validateEntityType(doc);
    if (problems.length > 0) {
      throw new AppError('invalid', 'invalid-entity-type', `The entity type "${name}" is not valid.`, {
        errors: problems,
      });
    }
    await this.db.transaction(async (trx) => {
      await trx('entity_types')
        .insert({
          name,
          draft: JSON.stringify(doc),
          draft_updated_at: new Date(),
          draft_updated_by: actorId(),
        })
        .onConflict('name')
        .merge(['draft', 'draft_updated_at', 'draft_updated_by']);
      await appendAudit(trx, [
        {
          action: 'update',
          entityType: 'entity-type',
          entityId: name,
          changes: [{ path: '/draft', new: contentHash(doc) }],
        },
      ]);
    });
  }

  async discardDraft(name: string): Promise<boolean> {
    checkTypeName(name);
    return this.db.transaction(async (trx) => {
      const changed = await trx('entity_types')
        .where({ name })
        .whereNotNull('draft')
        .update({ draft: null, draft_updated_at: null, draft_updated_by: null });
      await trx('entity_types').where({ name }).whereNull('latest_version').delete();
      if (changed > 0)
        await appendAudit(trx, [
          { action: 'delete', entityType: 'entity-type', entityId: name, changes: [{ path: '/draft' }] },
        ]);
      return changed > 0;
    });
  }

  /**
   * Publishes the draft (or `doc`, for shipped definitions). Compatible changes apply at once; an
   * incompatible one is refused with 409 unless forced. A dry run changes nothing and reports how
   * many live records the new schema would refuse.
   */
  async publish(name: string, options: PublishOptions = {}, doc?: unknown): Promise<PublishReport> {
    checkTypeName(name);
    const result = await this.db.transaction(async (trx) => {
      const row = await trx('entity_types')
        .where({ name })
        .forUpdate()
        .first('draft', 'latest_version', 'indexes');
      const next = (doc ?? row?.draft ?? undefined) as EntityTypeDocument | undefined;
      if (!next) throw notFound(`The entity type "${name}" has no draft to publish.`);
      const problems = validateEntityType(next);
      if (problems.length > 0)
        throw new AppError('invalid', 'invalid-entity-type', `The entity type "${name}" is not valid.`, {
          errors: problems,
        });
      const latest: number | null = row?.latest_version ?? null;
      const current =
        latest === null
          ? undefined
          : await trx('entity_type_versions').where({ name, version: latest }).first('schema', 'schema_hash');
      if (current && current.schema_hash === contentHash(next) && !options.dryRun) {
        if (!doc) await trx('entity_types').where({ name }).update({ draft: null });
        return {
          report: {
            published: false,
            version: latest,
            compatible: true,
            breakingChanges: [],
            failingRecords: 0,
          },
        };
      }
      const breaking = current ? breakingChanges(current.schema, next) : [];
      const failingRecords = options.dryRun || breaking.length > 0 ? await countFailing(trx, name, next) : 0;
      const report: PublishReport = {
        published: false,
        version: latest,
        compatible: breaking.length === 0,
        breakingChanges: breaking,
        failingRecords,
      };
      if (options.dryRun) return { report };
      if (breaking.length > 0 && !options.force) {
        throw new AppError(
          'conflict',
          'incompatible-entity-type',
          `Publishing "${name}" would break existing records; publish with force to do it anyway.`,
          {
            extensions: { ...report },
            errors: breaking,
          },
        );
      }
      const version = (latest ?? 0) + 1;
      const publishedBy = options.publishedBy ?? actorId();
      await trx('entity_types').insert({ name }).onConflict('name').ignore();
      await trx('entity_type_versions').insert({
        name,
        version,
        schema: JSON.stringify(next),
        schema_hash: contentHash(next),
        forced: breaking.length > 0,
        published_by: publishedBy,
      });
      const indexes = await syncTypeIndexes(trx, name, next, row?.indexes ?? []);
      await trx('entity_types')
        .where({ name })
        .update({
          latest_version: version,
          indexes,
          ...(doc ? {} : { draft: null, draft_updated_at: null, draft_updated_by: null }),
        });
      await appendAudit(trx, [
        {
          action: 'publish',
          entityType: 'entity-type',
          entityId: name,
          changes: [{ path: '/version', old: latest ?? undefined, new: version }],
        },
      ]);
      return {
        report: { ...report, published: true, version },
        type: compilePublished(name, version, next, new Date()),
      };
    });
    if (result.type) {
      this.cache.set(name, { type: result.type, checkedAt: Date.now() });
      for (const listener of this.listeners) listener(result.type);
    }
    return result.report;
  }

  /**
   * Brings every published type's indexes in line with what this release declares for it (a
   * release may change how an annotation is indexed): creates the missing ones, drops the stale
   * ones. Types already in line are not touched. Returns the names of the types it changed.
   */
  async syncIndexes(): Promise<string[]> {
    const changed: string[] = [];
    for (const name of await this.publishedNames()) {
      const done = await this.db.transaction(async (trx) => {
        const row = await trx('entity_types as t')
          .join('entity_type_versions as v', (j) =>
            j.on('v.name', 't.name').andOn('v.version', 't.latest_version'),
          )
          .where('t.name', name)
          .forUpdate('t')
          .first('t.indexes', 'v.schema');
        if (!row) return false;
        const existing = (row.indexes ?? []) as string[];
        const wanted = indexDefinitions(name, row.schema as EntityTypeDocument).map((i) => i.name);
        if (sameNames(existing, wanted)) return false;
        const indexes = await syncTypeIndexes(trx, name, row.schema as EntityTypeDocument, existing);
        await trx('entity_types').where({ name }).update({ indexes });
        return true;
      });
      if (done) changed.push(name);
    }
    return changed;
  }

  /** The hash of the last version published by `publishedBy`, to skip unchanged shipped files. */
  async lastHashBy(name: string, publishedBy: string): Promise<string | undefined> {
    const row = await this.db('entity_type_versions')
      .where({ name, published_by: publishedBy })
      .orderBy('version', 'desc')
      .first('schema_hash');
    return row?.schema_hash;
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

async function countFailing(trx: Knex.Transaction, name: string, doc: EntityTypeDocument): Promise<number> {
  const { validator } = compilePublished(name, 0, doc, new Date());
  let failing = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: { id: string; data: unknown }[] = await trx('records')
      .where({ type: name })
      .whereNull('deleted_at')
      .where('id', '>', after)
      .orderBy('id')
      .limit(countBatch)
      .select('id', 'data');
    for (const row of rows) if (!validator.check(row.data, 'en').ok) failing++;
    if (rows.length < countBatch) return failing;
    after = rows[rows.length - 1]!.id;
  }
}
