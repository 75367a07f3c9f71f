import type { Knex } from 'knex';

/**
 * Published definitions read with the caller's connection or transaction (the definitions module's
 * `definition_versions`), so that a record-events listener never waits for a second connection,
 * which on embedded PGlite there is not.
 */
export async function latestPublished(
  db: Knex | Knex.Transaction,
  kind: string,
): Promise<{ id: string; version: number; content: unknown }[]> {
  const { rows } = await db.raw<{ rows: { id: string; version: number; content: unknown }[] }>(
    `select distinct on (id) id, version, content from definition_versions
      where kind = ? order by id, version desc`,
    [kind],
  );
  return rows;
}

export async function publishedVersion(
  db: Knex | Knex.Transaction,
  kind: string,
  id: string,
  version?: number,
): Promise<{ version: number; content: unknown } | undefined> {
  const row = await db('definition_versions')
    .where({ kind, id })
    .modify((q) => {
      if (version === undefined) q.orderBy('version', 'desc');
      else q.where({ version });
    })
    .first('version', 'content');
  return row ? { version: row.version as number, content: row.content } : undefined;
}
