/**
 * The JSON paths rules may use on a fact: `$.field`, `$.a.b`, `$.list[0]`, `$['odd key']`.
 * A deliberately small subset of JSONPath (no wildcards or filters), so it resolves fast and the
 * same way in json-rules-engine and in the compiled evaluator.
 */
export type PathSegment = string | number;

const segment = /\.([A-Za-z_$][\w$-]*)|\[(\d{1,6})\]|\['([^'\\]{1,100})'\]/y;
const parsed = new Map<string, PathSegment[] | undefined>();

export function parseFactPath(path: string): PathSegment[] | undefined {
  if (parsed.has(path)) return parsed.get(path);
  let result: PathSegment[] | undefined;
  if (path.startsWith('$')) {
    result = [];
    segment.lastIndex = 1;
    while (segment.lastIndex < path.length) {
      const at = segment.lastIndex;
      const match = segment.exec(path);
      if (!match || match.index !== at) {
        result = undefined;
        break;
      }
      result.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : match[3]!));
    }
  }
  if (parsed.size < 10_000) parsed.set(path, result);
  return result;
}

export function readPath(value: unknown, segments: readonly PathSegment[]): unknown {
  let current = value;
  for (const key of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathSegment, unknown>)[key];
  }
  return current;
}

/** json-rules-engine's `pathResolver` with these semantics. */
export function resolveFactPath(value: object, path: string): unknown {
  const segments = parseFactPath(path);
  return segments ? readPath(value, segments) : undefined;
}
