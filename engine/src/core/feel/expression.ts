import type { Expression } from '../bpmn/model.js';

/**
 * Camunda's rule for attribute values: `=…` is a FEEL expression (the `=` stripped, trimmed),
 * anything else is a static string. Empty or missing values are absent.
 */
export function toExpression(raw: string | undefined | null): Expression | undefined {
  if (raw == null || raw.trim() === '') return undefined;
  const trimmed = raw.trim();
  if (trimmed.startsWith('=')) return { feel: trimmed.slice(1).trim() };
  return { static: raw };
}

export function isFeel(expression: Expression): expression is { feel: string } {
  return 'feel' in expression;
}

/** The expression as written in the file, for messages. */
export function expressionText(expression: Expression): string {
  return isFeel(expression) ? `=${expression.feel}` : expression.static;
}
