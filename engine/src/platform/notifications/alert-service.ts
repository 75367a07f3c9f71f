import type { Knex } from 'knex';
import type { RecordChange } from '../entities/record-events.js';
import type { SystemRecords } from '../entities/system-records.js';
import type { Logger } from '../../infra/logging/logger.js';
import type { RuleService } from '../rules/rule-service.js';
import { alertOf } from './alert-event.js';
import { genericAlerts, type AlertsConfig, type AlertSubject } from './alerts-config.js';
import { raiseNotification, recipientsOf } from './notifications-repo.js';
import { startPeriodic } from './start-periodic.js';

export interface SlaEventMessage {
  name: string;
  correlationKey: string;
  variables: Record<string, unknown>;
}

const sweepBatch = 500;

/**
 * Alert rule sets evaluated on record changes, SLA events and a periodic sweep of waiting records
 * (which types and facts: the AlertsConfig the domain registers); each `alert` event becomes
 * de-duplicated internal notifications.
 */
export class AlertService {
  constructor(
    private readonly db: Knex,
    private readonly rules: RuleService,
    private readonly records: SystemRecords,
    private readonly logger: Logger,
    private config: AlertsConfig = genericAlerts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** What the domain (e.g. the CRM module) configures: the rule set, alerted types, facts, sweep. */
  configure(config: AlertsConfig): void {
    this.config = config;
  }

  /** An after-commit RecordEvents listener: alerts never hold up or roll back the write. */
  readonly onRecordChange = async (change: RecordChange): Promise<void> => {
    if (!change.after || !this.config.alertedTypes.includes(change.entityType)) return;
    const subject = { entityType: change.entityType, id: change.id, data: change.after };
    await this.evaluate(this.db, subject, {
      change: { entityType: change.entityType, id: change.id, action: change.action },
      event: { type: `record.${change.action}` },
    });
  };

  /** Called for each SLA message (sla.warning, sla.breached, sla.met); the correlation key is the record id. */
  async onSlaEvent(message: SlaEventMessage): Promise<void> {
    const found = await this.records.get(undefined, message.correlationKey);
    if (!found) return;
    const subject = { entityType: found.type, id: found.id, data: found.data };
    await this.evaluate(this.db, subject, { event: { type: message.name, ...message.variables } });
  }

  /** Re-evaluates the records the sweep names (time-based alerts such as documents awaited for days). */
  async sweep(): Promise<number> {
    const sweep = this.config.sweep;
    if (!sweep) return 0;
    const found = await this.records.scan(sweep.type, { where: sweep.where, limit: sweepBatch });
    let raised = 0;
    for (const row of found) {
      raised += await this.evaluate(
        this.db,
        { entityType: row.type, id: row.id, data: row.data },
        { event: { type: 'sweep' } },
      );
    }
    return raised;
  }

  /** Evaluates the alert rule set on a record; the number of notifications created. */
  async evaluate(db: Knex, subject: AlertSubject, extra: Record<string, unknown>): Promise<number> {
    const record: Record<string, unknown> = { ...subject.data, id: subject.id };
    const domain = await this.config.factsOf({ ...subject, data: record }, this.records, db);
    const facts: Record<string, unknown> = {
      change: { entityType: subject.entityType, id: subject.id },
      record,
      ...domain.facts,
      ...extra,
    };
    const ruleSet = this.config.ruleSet;
    const evaluation = await this.rules.evaluate(ruleSet, facts, { db }).catch((error: unknown) => {
      this.logger.warn({ err: error, ruleSet }, 'alert rules could not be evaluated');
      return undefined;
    });
    if (!evaluation) return 0;
    let created = 0;
    for (const event of evaluation.events) {
      const alert = alertOf(event, { entityType: subject.entityType, id: subject.id }, domain.about);
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
