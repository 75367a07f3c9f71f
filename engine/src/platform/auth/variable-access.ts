import { matchesAnyPattern } from '../../core/bpmn/sensitive-variables.js';
import { maskValue } from '../entities/masking.js';
import type { Principal } from './principal.js';
import type { Role } from './roles.js';

/** Roles that read sensitive variables in clear (as with the entity store's IBANs). */
export const sensitiveVariableReaders: readonly Role[] = ['admin', 'integration'];
/** Roles that read the variables of every instance; others only of instances where they have a task. */
export const allInstanceVariableReaders: readonly Role[] = ['admin', 'supervisor', 'manager', 'integration'];

/** What one caller may see of process variables. */
export interface VariableView {
  readsSensitive: boolean;
  /** Null: every instance. Otherwise the person whose tasks open an instance's variables. */
  onlyInstancesOf: { username: string; groups: readonly string[] } | null;
  /** Patterns from configuration (`TRAMIT_SENSITIVE_VARIABLES`), for every process. */
  configuredPatterns: readonly string[];
}

export function variableViewOf(
  principal: Principal,
  groups: readonly string[],
  configuredPatterns: readonly string[],
): VariableView {
  const has = (list: readonly Role[]) => principal.roles.some((role) => list.includes(role));
  return {
    readsSensitive: has(sensitiveVariableReaders),
    onlyInstancesOf: has(allInstanceVariableReaders)
      ? null
      : { username: principal.kind === 'user' ? principal.name : '', groups },
    configuredPatterns,
  };
}

export function isSensitive(view: VariableView, name: string, processPatterns: readonly string[]): boolean {
  return matchesAnyPattern(name, view.configuredPatterns) || matchesAnyPattern(name, processPatterns);
}

/** A masked value as Camunda's JSON text: a JSON string of mask characters. */
export function maskedJson(valueJson: string): string {
  return JSON.stringify(maskValue(valueJson, {}));
}
