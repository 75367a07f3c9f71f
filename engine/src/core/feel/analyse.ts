import { parseExpression } from 'feelin';
import { FEEL_DIALECT, syntaxErrorOf } from './syntax.js';

/**
 * What evaluating an expression may cost, read from its parse tree without evaluating it.
 * - `iterations`: the literal ranges it iterates (`for x in 1..1000`), with how many items each
 *   nesting level multiplies to; checked against TRAMIT_FEEL_MAX_ITEMS before evaluating.
 * - `risky`: the cost is not bounded by the size of the expression and its inputs, because it
 *   iterates (for, some, every), defines functions (recursion), calls functions, reads paths or
 *   filters in a filter's condition (run once per item), uses regular expressions or quadratic
 *   builtins, or a context entry reuses an earlier one (`{a: l, b: concatenate(a, a), c:
 *   concatenate(b, b), …}` doubles at each entry). Such expressions are evaluated where they can
 *   be stopped (see process-engine/feel-isolated.ts).
 */
export interface FeelAnalysis {
  syntaxError?: string;
  iterations: LiteralIteration[];
  risky: boolean;
}

export interface LiteralIteration {
  /** The range as written, e.g. `1..60000000`. */
  text: string;
  items: number;
  /** Items of this range times those of the iterations it is nested in. */
  product: number;
}

// Regular expressions can backtrack exponentially; these compare every item with every other.
const riskyFunctions = new Set(['matches', 'replace', 'split', 'distinct values', 'union', 'sort', 'mode']);
const iterationNodes = new Set(['ForExpression', 'QuantifiedExpression']);

const cache = new Map<string, FeelAnalysis>();
const cacheSize = 5_000;

/** The analysis of a FEEL source, cached: the same few expressions are evaluated again and again. */
export function analyseFeel(source: string): FeelAnalysis {
  let analysis = cache.get(source);
  if (!analysis) {
    analysis = analyse(source);
    if (cache.size >= cacheSize) cache.clear();
    cache.set(source, analysis);
  }
  return analysis;
}

interface Frame {
  name: string;
  /** Product of the literal ranges of the enclosing iterations. */
  product: number;
  keys?: Set<string>;
  /** For a FilterExpression: its `[` is behind, so nodes now entered are in its condition, run per item. */
  inCondition?: boolean;
}

// In a filter's condition these cost up to the size of a list, once per item.
const perItemCostly = new Set(['FilterExpression', 'FunctionInvocation', 'PathExpression']);

function analyse(source: string): FeelAnalysis {
  if (source.trim() === '')
    return { syntaxError: 'the FEEL expression is empty', iterations: [], risky: false };
  const tree = parseExpression(source, {}, FEEL_DIALECT);
  const syntaxError = syntaxErrorOf(source, tree);
  if (syntaxError) return { syntaxError, iterations: [], risky: false };
  const iterations: LiteralIteration[] = [];
  let risky = false;
  const stack: Frame[] = [];
  const text = (node: { from: number; to: number }) => source.slice(node.from, node.to).replace(/\s+/g, ' ');
  tree.iterate({
    enter(ref) {
      const name = ref.name;
      const parent = stack[stack.length - 1];
      if (iterationNodes.has(name) || name === 'FunctionDefinition') risky = true;
      if (name === '[' && parent?.name === 'FilterExpression') parent.inCondition = true;
      if (perItemCostly.has(name) && stack.some((frame) => frame.inCondition)) risky = true;
      if (name === 'IterationContext') {
        const items = literalRange(ref.node, source);
        const owner = stack.findLast((frame) => iterationNodes.has(frame.name));
        if (items !== undefined && owner) {
          owner.product *= items;
          iterations.push({ text: text(ref), items, product: owner.product });
        }
      }
      if (name === 'VariableName' && !risky) {
        const variable = text(ref);
        if (variable === 'partial') risky = true;
        if (ref.node.parent?.name === 'FunctionInvocation' && riskyFunctions.has(variable)) risky = true;
        // A name defined by an earlier entry of an enclosing context literal.
        if (stack.some((frame) => frame.keys?.has(variable))) risky = true;
      }
      stack.push({ name, product: parent?.product ?? 1, keys: name === 'Context' ? new Set() : undefined });
    },
    leave(ref) {
      stack.pop();
      if (ref.name === 'ContextEntry') {
        const key = ref.node.getChild('Key');
        const context = stack[stack.length - 1];
        if (key && context?.keys) context.keys.add(text(key).replace(/^"|"$/g, ''));
      }
    },
  });
  return { iterations, risky };
}

/** How many items a range with two number literals (`1..60000000`, `-5..5`) has, else undefined. */
function literalRange(node: { firstChild: LezerNode | null }, source: string): number | undefined {
  const parts: LezerNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) parts.push(child);
  const [start, dots, end] = parts;
  if (parts.length !== 3 || dots?.name !== '..') return undefined;
  if (start?.name !== 'NumericLiteral' || end?.name !== 'NumericLiteral') return undefined;
  const from = Number(source.slice(start.from, start.to).replace(/\s+/g, ''));
  const to = Number(source.slice(end.from, end.to).replace(/\s+/g, ''));
  if (!Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  return Math.floor(Math.abs(to - from)) + 1;
}

interface LezerNode {
  name: string;
  from: number;
  to: number;
  nextSibling: LezerNode | null;
}
