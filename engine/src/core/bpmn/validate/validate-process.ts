import type { ModelProblem } from '../model.js';
import { validateEvents } from './events.js';
import { validateExpressions } from './expressions.js';
import { validateFlows } from './flows.js';
import { validateGateways } from './gateways.js';
import { validateMultiInstance } from './multi-instance.js';
import { validateSubProcesses } from './sub-processes.js';
import { validateTasks } from './tasks.js';
import type { ValidationContext, Validator } from './validation-context.js';

const VALIDATORS: readonly Validator[] = [
  validateFlows,
  validateEvents,
  validateGateways,
  validateTasks,
  validateSubProcesses,
  validateMultiInstance,
  validateExpressions,
];

/** Every problem of one process model, from every concern. */
export function validateProcess(context: ValidationContext): ModelProblem[] {
  return VALIDATORS.flatMap((validator) => validator(context));
}
