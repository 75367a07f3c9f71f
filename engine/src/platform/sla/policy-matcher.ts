import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { SlaPolicyContent } from './sla-policy.js';

/** Ordered SLA policies; the first whose conditions hold on the record wins. */
export class PolicyMatcher {
  private readonly engines = new Map<string, Engine>();

  constructor(private readonly policies: { version: number; content: SlaPolicyContent }[]) {
    this.policies = [...policies].sort(
      (a, b) => a.content.order - b.content.order || a.content.id.localeCompare(b.content.id),
    );
  }

  async match(
    recordType: string,
    record: Record<string, unknown>,
  ): Promise<{ version: number; content: SlaPolicyContent } | undefined> {
    for (const policy of this.policies) {
      if (policy.content.appliesTo !== recordType) continue;
      if (!policy.content.conditions) return policy;
      const { events } = await this.engineOf(policy.content).run({ record });
      if (events.length > 0) return policy;
    }
    return undefined;
  }

  private engineOf(policy: SlaPolicyContent): Engine {
    let engine = this.engines.get(policy.id);
    if (!engine) {
      engine = new Engine(
        [{ conditions: policy.conditions as TopLevelCondition, event: { type: 'match' } }],
        {
          allowUndefinedFacts: true,
        },
      );
      this.engines.set(policy.id, engine);
    }
    return engine;
  }
}
