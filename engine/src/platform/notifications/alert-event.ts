import type { RuleEvent } from '../rules/rule-set.js';

export type Severity = 'info' | 'warning' | 'critical';

export interface Alert {
  alert: string;
  severity: Severity;
  title: Record<string, string>;
  groups: string[];
  toAssignee: boolean;
  /** What the alert is about, for de-duplication and the link in the notification. */
  entityType: string;
  entityId: string;
}

const severities = new Set<Severity>(['info', 'warning', 'critical']);

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];

/**
 * An alert rule's event (`type: "alert"`, params alert, severity, title, recipients, subject) as an
 * alert about the record, or about the record's subject (e.g. its person) when `subject` names the
 * subject's type. Undefined if not an alert.
 */
export function alertOf(
  event: RuleEvent,
  record: { entityType: string; id: string },
  subject: { entityType: string; id: string } | undefined,
): Alert | undefined {
  if (event.type !== 'alert' || typeof event.params?.alert !== 'string') return undefined;
  const params = event.params;
  const recipients = (params.recipients ?? {}) as { groups?: unknown; assignee?: unknown };
  const about = subject !== undefined && params.subject === subject.entityType ? subject : record;
  const title =
    params.title && typeof params.title === 'object'
      ? (params.title as Record<string, string>)
      : { en: params.alert as string };
  return {
    alert: params.alert as string,
    severity: severities.has(params.severity as Severity) ? (params.severity as Severity) : 'info',
    title,
    groups: strings(recipients.groups),
    toAssignee: recipients.assignee === true,
    entityType: about.entityType,
    entityId: about.id,
  };
}

export function dedupKey(alert: Alert): string {
  return `${alert.alert}:${alert.entityType}:${alert.entityId}`;
}
