/** Longest variables document the start form sends (characters). */
export const maxVariablesLength = 1_000_000;

export type ParsedVariables =
  | { variables: Record<string, unknown>; error?: undefined }
  | { variables?: undefined; error: { key: 'notJson' | 'notObject' | 'tooLong'; detail?: string } };

/** The start form's text as process variables: empty means none; otherwise a JSON object. */
export function parseVariables(text: string): ParsedVariables {
  if (text.trim() === '') return { variables: {} };
  if (text.length > maxVariablesLength) return { error: { key: 'tooLong' } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: { key: 'notJson', detail: (error as Error).message } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: { key: 'notObject' } };
  return { variables: value as Record<string, unknown> };
}
