import { api } from '../../api';
import type { DefinitionsApi, DefinitionSummary } from '../../components/definitions/definitions-api';
import type { EntitySchema } from './entity-schema';

export const dataModelRoute = '/data-model';
const base = '/api/v1/entity-types';

export interface EntityTypeItem {
  name: string;
  label: { ca: string; es: string; en: string } | null;
  version: number | null;
  hasDraft: boolean;
  schema: EntitySchema | null;
}

interface EntityTypeDocument {
  name: string;
  published: { version: number; schema: EntitySchema; publishedAt: string } | null;
  draft: EntitySchema | null;
  versions: { version: number; publishedAt: string; publishedBy: string | null }[];
}

/** What publishing answers (contract C2); a 409 carries the same report when the change is incompatible. */
export interface PublishReport {
  published: boolean;
  version: number | null;
  compatible: boolean;
  breakingChanges: { path: string; message: string }[];
  failingRecords: number;
}

export const listEntityTypes = async () => (await api.get<{ items: EntityTypeItem[] }>(base)).items;

export const publishEntityType = (name: string, options: { dryRun?: boolean; force?: boolean }) =>
  api.post<PublishReport>(`${base}/${encodeURIComponent(name)}/publish`, options);

/** Entity types through the same editor as the other definitions (draft, publish, versions). */
export const entityTypes: DefinitionsApi<EntitySchema> = {
  basePath: base,
  list: async () =>
    (await listEntityTypes()).map((item): DefinitionSummary => ({
      id: item.name,
      version: item.version,
      hasDraft: item.hasDraft,
      title: item.label,
      updatedAt: '',
    })),
  get: async (name) => {
    const found = await api.get<EntityTypeDocument>(`${base}/${encodeURIComponent(name)}`);
    return {
      id: found.name,
      draft: found.draft,
      published: found.published && {
        version: found.published.version,
        content: found.published.schema,
        publishedAt: found.published.publishedAt,
      },
      versions: found.versions,
    };
  },
  saveDraft: async (name, schema) => {
    await api.put(`${base}/${encodeURIComponent(name)}/draft`, schema);
  },
  discardDraft: async (name) => {
    await api.delete(`${base}/${encodeURIComponent(name)}/draft`);
  },
  publish: async (name) => {
    const report = await publishEntityType(name, {});
    return { version: report.version ?? 0, created: report.published };
  },
};
