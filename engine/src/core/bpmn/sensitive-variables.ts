import { elementList, findExtension, stringProp, type ModdleElement } from './moddle/moddle-element.js';

/** The extension property (`zeebe:properties`) on a process that names its sensitive variables. */
export const sensitiveVariablesProperty = 'tramit:sensitiveVariables';

/** Comma-separated names or `*` patterns, trimmed; empty entries dropped. */
export function splitPatterns(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * The patterns of `<zeebe:property name="tramit:sensitiveVariables" value="iban, dni, *Password*"/>`
 * in the process's `zeebe:properties` (editable in Camunda Modeler as an extension property).
 */
export function readSensitiveVariables(process: ModdleElement): string[] | undefined {
  const properties = findExtension(process, 'zeebe:Properties');
  if (!properties) return undefined;
  const patterns = elementList(properties, 'properties')
    .filter((property) => stringProp(property, 'name') === sensitiveVariablesProperty)
    .flatMap((property) => splitPatterns(stringProp(property, 'value')));
  return patterns.length > 0 ? patterns : undefined;
}

/** Whether a variable name matches one of the patterns: `*` is any text, case does not matter. */
export function matchesAnyPattern(name: string, patterns: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return patterns.some((pattern) => {
    const parts = pattern.toLowerCase().split('*');
    if (parts.length === 1) return lower === parts[0];
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    if (!lower.startsWith(first) || lower.length < first.length + last.length) return false;
    let at = first.length;
    for (const middle of parts.slice(1, -1)) {
      const found = lower.indexOf(middle, at);
      if (found === -1) return false;
      at = found + middle.length;
    }
    return lower.slice(at).endsWith(last);
  });
}
