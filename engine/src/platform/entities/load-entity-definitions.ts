import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentHash } from '../definitions/content-hash.js';
import type { Logger } from '../../infra/logging/logger.js';
import type { EntityTypeRegistry } from './entity-type-registry.js';
import { typeNamePattern } from './entity-type.js';
import { validateEntityType } from './validate-entity-type.js';

export const shippedBy = 'shipped:entities';

/**
 * Publishes the shipped `<folder>/<name>.json` entity types that are new or changed since they were
 * last shipped (so an admin's later version is not overwritten at every start). A missing or empty
 * folder is fine; an invalid file stops the start with its path and problems. Shipped changes are
 * published even when incompatible: the file is the source of truth, records keep their version.
 */
export async function loadEntityDefinitions(
  types: EntityTypeRegistry,
  folder: string | undefined,
  logger: Logger,
): Promise<string[]> {
  if (!folder) return [];
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  const files: { name: string; doc: unknown }[] = [];
  for (const file of names) {
    const name = file.replace(/\.json$/, '');
    if (!typeNamePattern.test(name))
      throw new Error(`${path.join(folder, file)}: "${name}" is not a valid entity type name`);
    const doc: unknown = JSON.parse(await readFile(path.join(folder, file), 'utf8'));
    const problems = validateEntityType(doc);
    if (problems.length > 0) {
      throw new Error(
        `${path.join(folder, file)}: invalid entity type: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
      );
    }
    files.push({ name, doc });
  }
  const published: string[] = [];
  for (const { name, doc } of files) {
    if ((await types.lastHashBy(name, shippedBy)) === contentHash(doc)) continue;
    const report = await types.publish(name, { force: true, publishedBy: shippedBy }, doc);
    if (!report.compatible)
      logger.warn(
        { type: name, breakingChanges: report.breakingChanges },
        'shipped entity type published with breaking changes',
      );
    if (report.published) published.push(name);
  }
  return published;
}
