import type { Knex } from 'knex';
import type { RecordChange } from '../entities/record-events.js';
import type { Logger } from '../../infra/logging/logger.js';
import { isUuid, loadRecord } from '../rules/record-facts.js';
import type { RuleService } from '../rules/rule-service.js';
import { alertOf } from './alert-event.js';
import { raiseNotification, recipientsOf } from './notifications-repo.js';
import { startPeriodic } from './start-periodic.js';

export const defaultAlertRuleSet = 'case-alerts';
/** The record types whose changes are evaluated (a bulk load of persons should not pay for alerts). */
export const defaultAlertedTypes: readonly string[] = ['case', 'work_order'];

export interface SlaEventMessage {
  name: string;
  correlationKey: string;
  variables: Record<string, unknown>;
}

interface Subject {
  entityType: string;
  id: string;
  data: Record<string, unknown>;
}

const sweepBatch = 500;

/**
 * Alert rule sets evaluated on record changes, SLA events and a periodic sweep of waiting cases;
 * each `alert` event becomes de-duplicated internal notifications.
 */
export class AlertService {
  constructor(
    private readonly db: Knex,
    private readonly rules: RuleService,
    private readonly logger: Logger,
    private readonly ruleSet = defaultAlertRuleSet,
    private readonly alertedTypes: readonly string[] = defaultAlertedTypes,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** An after-commit RecordEvents listener: alerts never hold up or roll back the write. */
  readonly onRecordChange = async (change: RecordChange): Promise<void> => {
    if (!change.after || !this.alertedTypes.includes(change.entityType)) return;
    const subject = { entityType: change.entityType, id: change.id, data: change.after };
    await this.evaluate(this.db, subject, {
      change: { entityType: change.entityType, id: change.id, action: change.action },
      event: { type: `record.${change.action}` },
    });
  };

  /** Called for each SLA message (sla.warning, sla.breached, sla.met); the correlation key is the record id. */
  async onSlaEvent(message: SlaEventMessage): Promise<void> {
    if (!isUuid(message.correlationKey)) return;
    const row = await this.db('records')
      .where({ id: message.correlationKey })
      .whereNull('deleted_at')
      .first('type', 'data');
    if (!row) return;
    const subject = { entityType: row.type as string, id: message.correlationKey, data: row.data };
    await this.evaluate(this.db, subject, { event: { type: message.name, ...message.variables } });
  }

  /** Re-evaluates cases waiting for the citizen (time-based alerts such as documents awaited for days). */
  async sweep(): Promise<number> {
    const rows = await this.db('records')
      .where({ type: 'case' })
      .whereNull('deleted_at')
      .whereRaw(`data->>'status' = 'pending_information'`)
      .orderBy('updated_at')
      .limit(sweepBatch)
      .select('id', 'data');
    let raised = 0;
    for (const row of rows) {
      raised += await this.evaluate(
        this.db,
        { entityType: 'case', id: row.id, data: row.data },
        { event: { type: 'sweep' } },
      );
    }
    return raised;
  }

  /** Evaluates the alert rule set on a record; the number of notifications created. */
  async evaluate(db: Knex, subject: Subject, extra: Record<string, unknown>): Promise<number> {
    const record: Record<string, unknown> = { ...subject.data, id: subject.id };
    const isCase = subject.entityType === 'case';
    const personId = isCase
      ? typeof record.personId === 'string'
        ? record.personId
        : undefined
      : subject.entityType === 'person'
        ? subject.id
        : undefined;
    const person = subject.entityType === 'person' ? record : await loadRecord(db, 'person', personId);
    const facts: Record<string, unknown> = {
      change: { entityType: subject.entityType, id: subject.id },
      record,
      ...(isCase ? { case: record } : {}),
      ...(person ? { person } : {}),
      ...extra,
    };
    const evaluation = await this.rules.evaluate(this.ruleSet, facts, { db }).catch((error: unknown) => {
      this.logger.warn({ err: error, ruleSet: this.ruleSet }, 'alert rules could not be evaluated');
      return undefined;
    });
    if (!evaluation) return 0;
    let created = 0;
    for (const event of evaluation.events) {
      const alert = alertOf(event, { entityType: subject.entityType, id: subject.id }, personId);
      if (!alert) continue;
      const users = await recipientsOf(
        db,
        alert,
        typeof record.assignee === 'string' ? record.assignee : undefined,
      );
      const data = {
        recordType: subject.entityType,
        recordId: subject.id,
        ...(record.reference ? { reference: record.reference } : {}),
      };
      created += await raiseNotification(db, alert, users, data, this.now());
    }
    return created;
  }

  startSweeper(intervalMs: number): { stop(): Promise<void> } {
    return startPeriodic(intervalMs, () => this.sweep(), this.logger, 'alert sweep');
  }
}
