/**
 * json-rules-engine's default operators and operator decorators, as plain functions, so a rule set
 * can be evaluated synchronously with the same results (rule-set-equivalence.test.ts checks it).
 */
export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

const isNumberLike = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';
const indexOf = (list: unknown, item: unknown) => (list as unknown[]).indexOf(item);

interface Operator {
  fn: (a: unknown, b: unknown) => boolean;
  accepts?: (factValue: unknown) => boolean;
}

const operators: Record<string, Operator> = {
  equal: { fn: (a, b) => a === b },
  notEqual: { fn: (a, b) => a !== b },
  in: { fn: (a, b) => indexOf(b, a) > -1 },
  notIn: { fn: (a, b) => indexOf(b, a) === -1 },
  contains: { fn: (a, b) => indexOf(a, b) > -1, accepts: Array.isArray },
  doesNotContain: { fn: (a, b) => indexOf(a, b) === -1, accepts: Array.isArray },
  lessThan: { fn: (a, b) => (a as number) < (b as number), accepts: isNumberLike },
  lessThanInclusive: { fn: (a, b) => (a as number) <= (b as number), accepts: isNumberLike },
  greaterThan: { fn: (a, b) => (a as number) > (b as number), accepts: isNumberLike },
  greaterThanInclusive: { fn: (a, b) => (a as number) >= (b as number), accepts: isNumberLike },
};

type Next = (a: unknown, b: unknown) => boolean;
interface Decorator {
  fn: (a: unknown, b: unknown, next: Next) => boolean;
  accepts?: (factValue: unknown) => boolean;
}

const decorators: Record<string, Decorator> = {
  someFact: { fn: (a, b, next) => (a as unknown[]).some((fv) => next(fv, b)), accepts: Array.isArray },
  someValue: { fn: (a, b, next) => (b as unknown[]).some((jv) => next(a, jv)) },
  everyFact: { fn: (a, b, next) => (a as unknown[]).every((fv) => next(fv, b)), accepts: Array.isArray },
  everyValue: { fn: (a, b, next) => (b as unknown[]).every((jv) => next(a, jv)) },
  swap: { fn: (a, b, next) => next(b, a) },
  not: { fn: (a, b, next) => !next(a, b) },
};

/** Operators and decorators whose `value` must be a list (unless it refers to another fact). */
export const listValueOperators = new Set(['in', 'notIn']);
export const listValueDecorators = new Set(['someValue', 'everyValue']);

/** Whether a leaf with this operator needs a list as its value. */
export function needsListValue(name: string): boolean {
  const parts = name.split(':');
  return listValueOperators.has(parts[parts.length - 1]!) || parts.some((p) => listValueDecorators.has(p));
}

export const operatorNames = Object.keys(operators);
export const decoratorNames = Object.keys(decorators);

function guarded(op: Operator | Decorator, call: Next): OperatorFn {
  const accepts = op.accepts;
  return accepts ? (a, b) => accepts(a) && call(a, b) : call;
}

/** The function for an operator name such as `equal` or `someFact:not:in`; undefined if unknown. */
export function resolveOperator(name: string): OperatorFn | undefined {
  const parts = name.split(':');
  const base = operators[parts[parts.length - 1]!];
  if (!base) return undefined;
  let fn: OperatorFn = guarded(base, base.fn);
  for (let i = parts.length - 2; i >= 0; i--) {
    const decorator = decorators[parts[i]!];
    if (!decorator) return undefined;
    const next = fn;
    fn = guarded(decorator, (a, b) => decorator.fn(a, b, next));
  }
  return fn;
}
