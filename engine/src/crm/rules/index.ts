import type { HttpModule } from '../../http/http-module.js';
import { startRulesWorker } from '../../platform/rules/rules-worker.js';
import { crmAlerts } from './crm-alerts.js';
import { crmProcessFacts } from './crm-process-facts.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    'crm-rules': void;
  }
}

/**
 * What the CRM tells the platform's rules: the alerts it raises (rule set, alerted types, the
 * `case` and `person` facts, the sweep of cases waiting for the citizen), and the facts of the
 * `tramit:rules` job worker, which it runs.
 */
export function crmRulesModule(): HttpModule<'crm-rules'> {
  let worker: { stop(): Promise<void> } | undefined;
  return {
    name: 'crm-rules',
    dependsOn: ['notifications', 'rules', 'entities', 'process-engine'],
    init({ get }) {
      get('notifications').configure(crmAlerts);
    },
    start({ logger, get }) {
      worker = startRulesWorker(
        get('process-engine'),
        get('rules'),
        crmProcessFacts(get('entities').system),
        logger,
      );
    },
    stop: () => worker?.stop(),
  };
}
