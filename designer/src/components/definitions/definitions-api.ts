import { api } from '../../api';

/** One definition in a kind's list (contract C4). */
export interface DefinitionSummary {
  id: string;
  version: number | null;
  hasDraft: boolean;
  title?: unknown;
  updatedAt: string;
}

export interface PublishedDefinition<T> {
  version: number;
  content: T;
  publishedAt: string;
}

export interface DefinitionVersionInfo {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
}

export interface DefinitionDocument<T> {
  id: string;
  draft: T | null;
  published: PublishedDefinition<T> | null;
  versions: DefinitionVersionInfo[];
}

/** The REST surface every drafted-then-published kind shares, bound to its base path. */
export interface DefinitionsApi<T> {
  basePath: string;
  list(): Promise<DefinitionSummary[]>;
  get(id: string): Promise<DefinitionDocument<T>>;
  saveDraft(id: string, content: T): Promise<void>;
  discardDraft(id: string): Promise<void>;
  publish(id: string): Promise<{ version: number; created: boolean }>;
  /** Absent when old versions cannot be read back (entity types). */
  version?(id: string, version: number): Promise<PublishedDefinition<T>>;
}

export function definitionsApi<T>(basePath: string): DefinitionsApi<T> {
  const at = (id: string) => `${basePath}/${encodeURIComponent(id)}`;
  return {
    basePath,
    list: async () => (await api.get<{ items: DefinitionSummary[] }>(basePath)).items,
    get: (id) => api.get<DefinitionDocument<T>>(at(id)),
    saveDraft: async (id, content) => {
      await api.put(`${at(id)}/draft`, content);
    },
    discardDraft: async (id) => {
      await api.delete(`${at(id)}/draft`);
    },
    publish: (id) => api.post<{ version: number; created: boolean }>(`${at(id)}/publish`, {}),
    version: (id, version) => api.get<PublishedDefinition<T>>(`${at(id)}/versions/${version}`),
  };
}
