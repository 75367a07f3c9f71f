import { z } from 'zod';
import { definitionRoutes } from '../definitions/definition-routes.js';
import type { DefinitionStore } from '../definitions/definition-store.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { parseInput } from '../../http/validate.js';
import { ruleSetKindName } from './rule-set-kind.js';
import type { RuleService } from './rule-service.js';

const evaluateBody = z
  .object({
    facts: z.record(z.string(), z.unknown()).default({}),
    version: z.union([z.number().int().positive(), z.literal('draft')]).optional(),
    ruleSet: z.unknown().optional(),
  })
  .strict();

/** Rule sets as versioned definitions, plus evaluation with explanation for the designer's test panel. */
export function ruleRoutes(router: SecureRouter, store: DefinitionStore, rules: RuleService): void {
  definitionRoutes(router, store, {
    kind: ruleSetKindName,
    basePath: '/api/v1/rules',
    read: 'rules.read',
    write: 'rules.write',
  });

  router.post('/api/v1/rules/:id/evaluate', 'rules.read', async (req, res) => {
    const id = String(req.params.id);
    const body = parseInput(evaluateBody, req.body);
    const prepared =
      body.ruleSet !== undefined
        ? rules.prepareContent(id, body.ruleSet)
        : await rules.prepare(id, body.version);
    const evaluation = await rules.evaluatePrepared(prepared, body.facts, true);
    res.json({ version: evaluation.version, events: evaluation.events, rules: evaluation.rules });
  });
}
