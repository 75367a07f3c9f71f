import type { Expression } from '../bpmn/model.js';
import { analyseFeel } from './analyse.js';
import { evaluateExpression, precheckFeel, type EvalResult } from './evaluate.js';
import { isFeel } from './expression.js';
import { defaultFeelLimits, type FeelLimits } from './limits.js';

/**
 * Runs a risky FEEL source (see analyse.ts) where it can be stopped, answering synchronously: a
 * failed result naming TRAMIT_FEEL_TIMEOUT_MS or TRAMIT_FEEL_MAX_MEMORY_MB when it had to be.
 * The engine injects one that uses a worker thread (process-engine/feel-isolated.ts).
 */
export type IsolatedEvaluate = (source: string, context: Record<string, unknown>) => EvalResult;

/** How the runtime evaluates every expression (conditions, mappings, scripts, timers, keys…). */
export interface FeelEvaluator {
  readonly limits: FeelLimits;
  evaluate(expression: Expression, context: Record<string, unknown>): EvalResult;
}

/**
 * Evaluates in this thread, except risky expressions when `isolated` is given. Without it (pure
 * tests) risky expressions run here too, with only the checks evaluateExpression makes.
 */
export function feelEvaluator(
  limits: FeelLimits = defaultFeelLimits,
  isolated?: IsolatedEvaluate,
): FeelEvaluator {
  return {
    limits,
    evaluate(expression, context) {
      if (isolated && isFeel(expression) && analyseFeel(expression.feel).risky) {
        return precheckFeel(expression.feel, limits) ?? isolated(expression.feel, context);
      }
      return evaluateExpression(expression, context, limits);
    },
  };
}

export const defaultFeelEvaluator = feelEvaluator();
