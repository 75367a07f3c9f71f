import { api } from '../../api';

export interface ProcessInstance {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  hasIncident: boolean;
  startDate: string;
  endDate: string | null;
}

export interface ElementStatistics {
  elementId: string;
  active: number;
  canceled: number;
  incidents: number;
  completed: number;
}

export interface Variable {
  variableKey: string;
  name: string;
  value: string;
  scopeKey: string;
}

export interface Incident {
  incidentKey: string;
  errorType: string;
  errorMessage: string;
  state: 'ACTIVE' | 'RESOLVED';
  elementId: string;
  jobKey: string | null;
  creationTime: string;
}

export interface HistoryEntry {
  id: string;
  event: string;
  at: string;
  actor: string;
  elementId: string | null;
  data: Record<string, unknown> | null;
}

const items = <T>(path: string, body: unknown) => api.post<{ items: T[] }>(path, body).then((r) => r.items);

export const searchInstances = (filter: Record<string, unknown>) =>
  items<ProcessInstance>('/v2/process-instances/search', {
    filter,
    sort: [{ field: 'startDate', order: 'DESC' }],
    page: { limit: 200 },
  });

export const getInstance = (key: string) => api.get<ProcessInstance>(`/v2/process-instances/${key}`);

export const instanceStatistics = (instance: ProcessInstance) =>
  items<ElementStatistics>(
    `/v2/process-definitions/${instance.processDefinitionKey}/statistics/element-instances`,
    { filter: { processInstanceKey: instance.processInstanceKey } },
  );

export const instanceVariables = (key: string) =>
  items<Variable>('/v2/variables/search', { filter: { processInstanceKey: key }, page: { limit: 1000 } });

export const instanceIncidents = (key: string) =>
  items<Incident>('/v2/incidents/search', { filter: { processInstanceKey: key }, page: { limit: 1000 } });

export const instanceHistory = (key: string) =>
  api
    .get<{ items: HistoryEntry[] }>(`/api/v1/process-instances/${key}/history?limit=1000`)
    .then((r) => r.items);

/** Retry: a job incident gets one retry back first, then the incident is resolved. */
export async function retryIncident(incident: Incident): Promise<void> {
  if (incident.jobKey) await api.patch(`/v2/jobs/${incident.jobKey}`, { changeset: { retries: 1 } });
  await api.post(`/v2/incidents/${incident.incidentKey}/resolution`, {});
}
