/** The type of a fact's value, which decides the operators offered and the value input. */
export type FactType = 'string' | 'number' | 'boolean' | 'array';
export const factTypes: readonly FactType[] = ['string', 'number', 'boolean', 'array'];

/** json-rules-engine's built-in operators, per the type of the fact they compare. */
export const operatorsByType: Record<FactType, readonly string[]> = {
  string: ['equal', 'notEqual', 'in', 'notIn'],
  number: [
    'equal',
    'notEqual',
    'lessThan',
    'lessThanInclusive',
    'greaterThan',
    'greaterThanInclusive',
    'in',
    'notIn',
  ],
  boolean: ['equal', 'notEqual'],
  array: ['contains', 'doesNotContain'],
};

export const allOperators: readonly string[] = [...new Set(Object.values(operatorsByType).flat())];

/** `in` and `notIn` compare with a list of values; every other operator with one value. */
export function takesList(operator: string): boolean {
  return operator === 'in' || operator === 'notIn';
}

/** The fact type a value suggests, for conditions written before the builder knew the fact. */
export function typeOfValue(value: unknown): FactType {
  const sample = Array.isArray(value) ? value[0] : value;
  if (typeof sample === 'number') return 'number';
  if (typeof sample === 'boolean') return 'boolean';
  return 'string';
}

function coerceOne(value: unknown, type: FactType): unknown {
  if (type === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : 0;
  }
  if (type === 'boolean') return value === true || value === 'true';
  return value === undefined || value === null ? '' : String(value);
}

/** Reshapes a value when the operator or fact type changes: a list for in/notIn, one value otherwise. */
export function coerceValue(value: unknown, type: FactType, operator: string): unknown {
  const itemType = type === 'array' ? 'string' : type;
  if (takesList(operator)) {
    const items = Array.isArray(value) ? value : value === '' || value === undefined ? [] : [value];
    return items.map((item) => coerceOne(item, itemType));
  }
  return coerceOne(Array.isArray(value) ? value[0] : value, itemType);
}

/** The operator to keep when the fact type changes: the same if it still applies, else the first one. */
export function operatorFor(type: FactType, current: string): string {
  const offered = operatorsByType[type];
  return offered.includes(current) ? current : offered[0]!;
}
