import { api } from './client';

/** A deployed version of a process (`/v2/process-definitions`). */
export interface ProcessDefinition {
  processDefinitionKey: string;
  processDefinitionId: string;
  name: string | null;
  version: number;
  resourceName: string;
}

interface SearchResult<T> {
  items: T[];
}

/** Every deployed version, newest first (optionally of one process). */
export const searchDefinitions = (processDefinitionId?: string) =>
  api
    .post<SearchResult<ProcessDefinition>>('/v2/process-definitions/search', {
      filter: processDefinitionId ? { processDefinitionId } : {},
      sort: [{ field: 'processDefinitionId' }, { field: 'version', order: 'DESC' }],
      page: { limit: 1000 },
    })
    .then((r) => r.items);

export const getDefinitionXml = (processDefinitionKey: string) =>
  api.get<string>(`/v2/process-definitions/${processDefinitionKey}/xml`);

/** Starts an instance of a deployed version. */
export const startInstance = (processDefinitionKey: string, variables: Record<string, unknown>) =>
  api.post<{ processInstanceKey: string }>('/v2/process-instances', { processDefinitionKey, variables });
