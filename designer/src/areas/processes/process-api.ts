import { api, ApiError } from '../../api';
import { toProblem } from '../../api/problem';
import type { ProcessDefinition } from '../../api/process-definitions';

export interface ProcessDraft {
  processId: string;
  name: string | null;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
  xml: string;
}

export type ProcessDraftSummary = Omit<ProcessDraft, 'xml'>;

export const listDrafts = () =>
  api.get<{ items: ProcessDraftSummary[] }>('/api/v1/process-drafts').then((r) => r.items);

export const getDraft = (processId: string) =>
  api.get<ProcessDraft>(`/api/v1/process-drafts/${encodeURIComponent(processId)}`);

export const saveDraft = (processId: string, xml: string, revision?: number) =>
  api.put<ProcessDraft>(`/api/v1/process-drafts/${encodeURIComponent(processId)}`, { xml, revision });

export const getElementTemplates = () => api.get<unknown[]>('/api/v1/element-templates');

/** `POST /v2/deployments` (multipart): a new version of the process; problems come back per element. */
export async function deployProcess(
  fileName: string,
  xml: string,
  csrfToken: string | null,
): Promise<ProcessDefinition> {
  const form = new FormData();
  form.append('resources', new Blob([xml], { type: 'application/xml' }), fileName);
  let response: Response;
  try {
    response = await fetch('/v2/deployments', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
    });
  } catch (error) {
    throw ApiError.network(error);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(toProblem(body, response.status, response.statusText));
  const deployed = (body as { deployments: { processDefinition: Record<string, unknown> }[] }).deployments[0]!
    .processDefinition;
  return {
    processDefinitionKey: String(deployed.processDefinitionKey),
    processDefinitionId: String(deployed.processDefinitionId),
    name: null,
    version: Number(deployed.processDefinitionVersion),
    resourceName: String(deployed.resourceName),
  };
}
