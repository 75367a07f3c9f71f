/**
 * How much one FEEL evaluation may build and how long it may run. FEEL is evaluated synchronously,
 * so without these a single expression (`count(for x in 1..60000000 return x)`) can take the whole
 * server's memory or stall every other request. The names are the environment variables that set them.
 */
export interface FeelLimits {
  /** TRAMIT_FEEL_MAX_ITEMS: the most items a range, list or context may have (also the product of nested iterations). */
  maxItems: number;
  /** TRAMIT_FEEL_MAX_STRING_LENGTH: the longest string an evaluation may return. */
  maxStringLength: number;
  /** TRAMIT_FEEL_TIMEOUT_MS: how long an expression that iterates or recurses may run. */
  timeoutMs: number;
  /** TRAMIT_FEEL_MAX_MEMORY_MB: the heap of the thread such expressions run in. */
  maxMemoryMb: number;
}

export const defaultFeelLimits: FeelLimits = {
  maxItems: 100_000,
  maxStringLength: 1_000_000,
  timeoutMs: 1_000,
  maxMemoryMb: 256,
};

export const limitNames = {
  maxItems: 'TRAMIT_FEEL_MAX_ITEMS',
  maxStringLength: 'TRAMIT_FEEL_MAX_STRING_LENGTH',
  timeoutMs: 'TRAMIT_FEEL_TIMEOUT_MS',
  maxMemoryMb: 'TRAMIT_FEEL_MAX_MEMORY_MB',
} as const satisfies Record<keyof FeelLimits, string>;

/** The message every exceeded limit carries, e.g. `FEEL limit exceeded: range of 60000000 items > TRAMIT_FEEL_MAX_ITEMS 100000`. */
export function limitExceeded(what: string, limit: keyof FeelLimits, limits: FeelLimits): string {
  return `FEEL limit exceeded: ${what} > ${limitNames[limit]} ${limits[limit]}`;
}

/** Thrown inside an evaluation that builds too much; evaluateExpression turns it into a failed result. */
export class FeelLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeelLimitError';
  }
}

/**
 * Why a value is too big for the limits, or undefined. Walks lists and contexts, stopping at the
 * first offence; a string's length is read without flattening it.
 */
export function oversizeValue(value: unknown, limits: FeelLimits): string | undefined {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === 'string') {
      if (current.length > limits.maxStringLength) {
        return limitExceeded(`a string of ${current.length} characters`, 'maxStringLength', limits);
      }
    } else if (Array.isArray(current)) {
      if (current.length > limits.maxItems) {
        return limitExceeded(`a list of ${current.length} items`, 'maxItems', limits);
      }
      for (const item of current) pending.push(item);
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.values(current);
      if (entries.length > limits.maxItems) {
        return limitExceeded(`a context of ${entries.length} entries`, 'maxItems', limits);
      }
      for (const entry of entries) pending.push(entry);
    }
  }
  return undefined;
}
