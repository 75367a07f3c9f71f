import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { appendAudit } from '../audit/append-audit.js';
import { badRequest, notFound } from '../../infra/errors/app-error.js';
import { currentContext } from '../../infra/logging/request-context.js';
import { contentHash } from './content-hash.js';
import {
  definitionIdPattern,
  invalidDefinition,
  type DefinitionKind,
  type DefinitionProblem,
} from './definition-kind.js';

export interface DefinitionSummary {
  id: string;
  version: number | null;
  hasDraft: boolean;
  title?: unknown;
  updatedAt: string;
}

export interface PublishedDefinition {
  version: number;
  content: unknown;
  publishedAt: string;
}

export interface DefinitionVersionInfo {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
}

type PublishListener = (kind: string, id: string, version: number) => void;

const iso = (value: Date | string): string => new Date(value).toISOString();

function actorId(): string {
  return currentContext()?.actor?.id ?? 'engine';
}

/** Drafts and immutable published versions of JSON definitions, one generic store for every kind. */
export class DefinitionStore {
  private readonly kinds = new Map<string, DefinitionKind<unknown>>();
  private readonly publishListeners: PublishListener[] = [];

  constructor(private readonly db: Knex) {}

  register(kind: DefinitionKind<unknown>): void {
    this.kinds.set(kind.kind, kind);
  }

  /** Called after every publish that created a version (e.g. to drop caches). */
  onPublish(listener: PublishListener): void {
    this.publishListeners.push(listener);
  }

  validate(kind: string, id: string, content: unknown): DefinitionProblem[] {
    const problems = this.kindOf(kind).validate(content);
    const contentId = (content as { id?: unknown } | null)?.id;
    if (problems.length === 0 && contentId !== undefined && contentId !== id) {
      problems.push({ path: '/id', message: `must be "${id}", the id in the address` });
    }
    return problems;
  }

  async list(kind: string): Promise<DefinitionSummary[]> {
    this.kindOf(kind);
    const rows = await this.db('definitions as d')
      .leftJoin('definition_versions as v', (join) =>
        join.on('v.kind', 'd.kind').andOn('v.id', 'd.id').andOn('v.version', 'd.latest_version'),
      )
      .where('d.kind', kind)
      .orderBy('d.id')
      .select('d.id', 'd.latest_version', 'd.draft', 'd.updated_at', 'v.content');
    return rows.map((row) => {
      const title = (row.content ?? row.draft)?.title;
      return {
        id: row.id,
        version: row.latest_version,
        hasDraft: row.draft !== null,
        ...(title !== undefined ? { title } : {}),
        updatedAt: iso(row.updated_at),
      };
    });
  }

  async saveDraft(kind: string, id: string, content: unknown): Promise<void> {
    this.checkId(id);
    const problems = this.validate(kind, id, content);
    if (problems.length > 0) throw invalidDefinition(kind, id, problems);
    const now = new Date();
    await this.db('definitions')
      .insert({
        kind,
        id,
        draft: JSON.stringify(content),
        draft_updated_at: now,
        draft_updated_by: actorId(),
        updated_at: now,
      })
      .onConflict(['kind', 'id'])
      .merge(['draft', 'draft_updated_at', 'draft_updated_by', 'updated_at']);
  }

  /** Removes the draft; true when there was one. */
  async discardDraft(kind: string, id: string): Promise<boolean> {
    this.kindOf(kind);
    const changed = await this.db('definitions')
      .where({ kind, id })
      .whereNotNull('draft')
      .update({ draft: null, draft_updated_at: null, draft_updated_by: null, updated_at: new Date() });
    await this.db('definitions').where({ kind, id }).whereNull('latest_version').whereNull('draft').delete();
    return changed > 0;
  }

  /** Publishes the draft as the next version; identical content publishes nothing new. */
  async publish(kind: string, id: string): Promise<{ version: number; created: boolean }> {
    this.kindOf(kind);
    const result = await this.db.transaction(async (trx) => {
      const row = await trx('definitions').where({ kind, id }).forUpdate().first('draft', 'latest_version');
      if (!row) throw notFound(`There is no ${kind} "${id}".`);
      if (row.draft === null) {
        if (row.latest_version !== null) return { version: row.latest_version as number, created: false };
        throw notFound(`The ${kind} "${id}" has no draft to publish.`);
      }
      return this.publishLocked(trx, kind, id, row.draft, row.latest_version, actorId(), true);
    });
    if (result.created) this.notifyPublished(kind, id, result.version);
    return result;
  }

  /** `db` may be the caller's transaction: a reader inside one must not ask the pool for another connection. */
  async get(
    kind: string,
    id: string,
    version?: number,
    db: Knex = this.db,
  ): Promise<PublishedDefinition | undefined> {
    this.kindOf(kind);
    const row = await db('definition_versions')
      .where({ kind, id })
      .modify((q) => {
        if (version === undefined) q.orderBy('version', 'desc');
        else q.where({ version });
      })
      .first('version', 'content', 'published_at');
    if (!row) return undefined;
    return { version: row.version, content: row.content, publishedAt: iso(row.published_at) };
  }

  async getDraft(kind: string, id: string, db: Knex = this.db): Promise<unknown | undefined> {
    this.kindOf(kind);
    const row = await db('definitions').where({ kind, id }).first('draft');
    return row?.draft ?? undefined;
  }

  async latestVersion(kind: string, id: string, db: Knex = this.db): Promise<number | undefined> {
    const row = await db('definitions').where({ kind, id }).first('latest_version');
    return row?.latest_version ?? undefined;
  }

  async versions(kind: string, id: string): Promise<DefinitionVersionInfo[]> {
    this.kindOf(kind);
    const rows = await this.db('definition_versions')
      .where({ kind, id })
      .orderBy('version')
      .select('version', 'published_at', 'published_by');
    return rows.map((r) => ({
      version: r.version,
      publishedAt: iso(r.published_at),
      publishedBy: r.published_by,
    }));
  }

  /**
   * Publishes the shipped `<folder>/*.json` files. A file is published when it is new or changed
   * since it was last shipped, so a version an admin published later is not overwritten at restart.
   */
  async loadFolder(kind: string, folder: string): Promise<void> {
    this.kindOf(kind);
    const names = (await readdir(folder).catch(() => [] as string[]))
      .filter((n) => n.endsWith('.json'))
      .sort();
    const shippedBy = `shipped:${path.basename(folder)}`;
    const files: { id: string; content: unknown }[] = [];
    for (const name of names) {
      const content: unknown = JSON.parse(await readFile(path.join(folder, name), 'utf8'));
      const id = String((content as { id?: unknown }).id ?? name.replace(/\.json$/, ''));
      this.checkId(id);
      const problems = this.validate(kind, id, content);
      if (problems.length > 0) {
        const list = problems.map((p) => `${p.path} ${p.message}`).join('; ');
        throw new Error(`${path.join(folder, name)}: invalid ${kind}: ${list}`);
      }
      files.push({ id, content });
    }
    for (const { id, content } of files) {
      const result = await this.db.transaction(async (trx) => {
        await trx('definitions').insert({ kind, id }).onConflict(['kind', 'id']).ignore();
        const row = await trx('definitions').where({ kind, id }).forUpdate().first('latest_version');
        const lastShipped = await trx('definition_versions')
          .where({ kind, id, published_by: shippedBy })
          .orderBy('version', 'desc')
          .first('content_hash');
        if (lastShipped?.content_hash === contentHash(content)) return undefined;
        return this.publishLocked(trx, kind, id, content, row.latest_version, shippedBy, false);
      });
      if (result?.created) this.notifyPublished(kind, id, result.version);
    }
  }

  private async publishLocked(
    trx: Knex.Transaction,
    kind: string,
    id: string,
    content: unknown,
    latest: number | null,
    publishedBy: string,
    clearDraft: boolean,
  ): Promise<{ version: number; created: boolean }> {
    const problems = this.validate(kind, id, content);
    if (problems.length > 0) throw invalidDefinition(kind, id, problems);
    const hash = contentHash(content);
    const now = new Date();
    const draftReset = clearDraft ? { draft: null, draft_updated_at: null, draft_updated_by: null } : {};
    if (latest !== null) {
      const current = await trx('definition_versions')
        .where({ kind, id, version: latest })
        .first('content_hash');
      if (current?.content_hash === hash) {
        await trx('definitions')
          .where({ kind, id })
          .update({ ...draftReset, updated_at: now });
        return { version: latest, created: false };
      }
    }
    const version = (latest ?? 0) + 1;
    await trx('definition_versions').insert({
      kind,
      id,
      version,
      content: JSON.stringify(content),
      content_hash: hash,
      published_at: now,
      published_by: publishedBy,
    });
    await trx('definitions')
      .where({ kind, id })
      .update({ ...draftReset, latest_version: version, updated_at: now });
    await appendAudit(trx, [
      {
        action: 'publish',
        entityType: kind,
        entityId: id,
        changes: [{ path: '/version', ...(latest !== null ? { old: latest } : {}), new: version }],
        ...(publishedBy.startsWith('shipped:') ? { actor: { kind: 'engine', id: publishedBy } } : {}),
      },
    ]);
    return { version, created: true };
  }

  private notifyPublished(kind: string, id: string, version: number): void {
    for (const listener of this.publishListeners) listener(kind, id, version);
  }

  private kindOf(kind: string): DefinitionKind<unknown> {
    const found = this.kinds.get(kind);
    if (!found) throw new Error(`definition kind "${kind}" is not registered`);
    return found;
  }

  private checkId(id: string): void {
    if (!definitionIdPattern.test(id)) {
      throw badRequest(`"${id}" is not a valid definition id.`, [
        {
          path: '/id',
          message: 'lower-case letters, digits and . _ - (at most 80), starting with a letter or digit',
        },
      ]);
    }
  }
}
