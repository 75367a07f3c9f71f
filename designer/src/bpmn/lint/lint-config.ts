import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import fakeJoin from 'bpmnlint/rules/fake-join';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import { unsupportedByEngine, type LintNode } from './unsupported-by-engine';

type RuleFactory = () => { check(node: unknown, reporter: unknown): void };

interface Reporter {
  report(id: string, message: string): void;
}

/** Our own rule: what the engine cannot run, reported on the element. */
const supportedElements: RuleFactory = () => ({
  check(node: unknown, reporter: unknown) {
    const element = node as LintNode & { id?: string };
    for (const message of unsupportedByEngine(element))
      (reporter as Reporter).report(element.id ?? '', message);
  },
});

const recommended: Record<string, RuleFactory> = {
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'fake-join': fakeJoin,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-implicit-split': noImplicitSplit,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
};

const rules: Record<string, RuleFactory> = {
  ...Object.fromEntries(Object.entries(recommended).map(([name, rule]) => [`bpmnlint/${name}`, rule])),
  'bpmnlint-plugin-tramit/supported-elements': supportedElements,
};

const warnings = new Set(['fake-join', 'superfluous-gateway', 'no-implicit-split']);

/**
 * bpmnlint's `{ config, resolver }`, built in code (there is no bpmnlint bundler plugin for Vite):
 * the chosen recommended rules plus `tramit/supported-elements`.
 */
export const lintConfig = {
  config: {
    rules: {
      ...Object.fromEntries(
        Object.keys(recommended).map((name) => [name, warnings.has(name) ? 'warn' : 'error']),
      ),
      'tramit/supported-elements': 'error',
    },
  },
  resolver: {
    resolveRule(pkg: string, ruleName: string): RuleFactory {
      const rule = rules[`${pkg}/${ruleName}`];
      if (!rule) throw new Error(`unknown lint rule ${pkg}/${ruleName}`);
      return rule;
    },
    resolveConfig(pkg: string, configName: string): never {
      throw new Error(`unknown lint config ${pkg}/${configName}`);
    },
  },
};
