import { canonicalJson } from '../definitions/content-hash.js';

/** The key of a fact value: its name, plus its params when it has any. */
export function factKey(fact: string, params: Record<string, unknown> | undefined): string {
  return params && Object.keys(params).length > 0 ? `${fact}${canonicalJson(params)}` : fact;
}

/** Fact values by key (see `factKey`): plain facts by name, parametrised ones with their params. */
export type FactValues = Record<string, unknown>;
