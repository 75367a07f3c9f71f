import type { HttpModule } from '../../http/http-module.js';
import { findInRepository } from '../../infra/config/find-up.js';
import { ruleRoutes } from './rule-routes.js';
import { RuleService } from './rule-service.js';
import { ruleSetKind, ruleSetKindName } from './rule-set-kind.js';
import { startRulesWorker } from './rules-worker.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    /** Rule sets: evaluation with computed facts and explanations. */
    rules: RuleService;
  }
}

/** Rule sets (shipped ones from definitions/rules), their routes, and the `tramit:rules` job worker. */
export function rulesModule(): HttpModule<'rules'> {
  let worker: { stop(): Promise<void> } | undefined;
  return {
    name: 'rules',
    dependsOn: ['definitions', 'calendars', 'process-engine'],
    async init({ db, get }) {
      const definitions = get('definitions');
      definitions.register(ruleSetKind);
      const rules = new RuleService(definitions, db);
      rules.workingHours = get('calendars');
      const shipped = findInRepository('definitions/rules');
      if (shipped) await definitions.loadFolder(ruleSetKindName, shipped);
      return rules;
    },
    routes(router, { get }) {
      ruleRoutes(router, get('definitions'), get('rules'));
    },
    start({ db, logger, get }) {
      worker = startRulesWorker(get('process-engine'), get('rules'), db, logger);
    },
    stop: () => worker?.stop(),
  };
}
