import type { HttpModule } from '../../http/http-module.js';
import { findInRepository } from '../../infra/config/find-up.js';
import { ruleRoutes } from './rule-routes.js';
import { RuleService } from './rule-service.js';
import { ruleSetKind, ruleSetKindName } from './rule-set-kind.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    /** Rule sets: evaluation with computed facts and explanations. */
    rules: RuleService;
  }
}

/** Rule sets (shipped ones from definitions/rules) and their routes; the `tramit:rules` worker is started by the domain, which supplies its facts. */
export function rulesModule(): HttpModule<'rules'> {
  return {
    name: 'rules',
    dependsOn: ['definitions', 'calendars', 'entities'],
    async init({ db, get }) {
      const definitions = get('definitions');
      definitions.register(ruleSetKind);
      const rules = new RuleService(definitions, db, { records: get('entities').system });
      rules.workingHours = get('calendars');
      const shipped = findInRepository('definitions/rules');
      if (shipped) await definitions.loadFolder(ruleSetKindName, shipped);
      return rules;
    },
    routes(router, { get }) {
      ruleRoutes(router, get('definitions'), get('rules'));
    },
  };
}
