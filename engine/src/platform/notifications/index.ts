import type { HttpModule } from '../../http/http-module.js';
import { AlertService } from './alert-service.js';
import { notificationRoutes } from './notification-routes.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    /** Alert rule sets on record and SLA events, raising internal notifications. */
    notifications: AlertService;
  }
}

const alertSweepMs = 15 * 60_000;

/** Alerts on committed record changes (and SLA events, see the sla module), their sweeper, notifications. */
export function notificationsModule(): HttpModule<'notifications'> {
  let sweeper: { stop(): Promise<void> } | undefined;
  return {
    name: 'notifications',
    dependsOn: ['rules', 'entities'],
    init: ({ db, logger, get }) => new AlertService(db, get('rules'), get('entities').system, logger),
    routes(router, { db }) {
      notificationRoutes(router, { db });
    },
    start({ get }) {
      const alerts = get('notifications');
      get('entities').events.onCommitted(alerts.onRecordChange);
      sweeper = alerts.startSweeper(alertSweepMs);
    },
    stop: () => sweeper?.stop(),
  };
}
