import type { ListQuery } from './list-query.js';

/**
 * Words in nearly every name that tell names apart no better than chance: particles (Spanish and
 * Catalan) and company forms. A fuzzy search finds its candidates without them, and still ranks
 * them by the whole text.
 */
const commonWords = new Set(
  (
    'de del la las los el y i e d l ' +
    'sa sl slu sll scp sc scoop coop cb asociados hermanos hijos associats germans fills'
  ).split(' '),
);

/**
 * The text a fuzzy search looks its candidates up with: the search's words but the common ones
 * (all of them when nothing else is left). On a million persons the common words' trigrams made up
 * most of the index work of a long name ("maria de los angeles jaqez lugo", a company "... y ...
 * asociados s.a."): over 300 sampled names p99 150 → 103 ms, max 205 → 131 ms, the sought record
 * found in the top 10 as often (290/300).
 */
export function candidateText(value: string): string {
  const words = value
    .trim()
    .split(/[\s,;]+/)
    .filter(Boolean);
  const telling = words.filter((w) => !commonWords.has(w.toLowerCase().replace(/[.'’]/g, '')));
  return (telling.length > 0 ? telling : words).join(' ');
}

/**
 * How alike (pg_trgm word similarity: the share of the query's trigrams found in the best stretch
 * of the name) a name must be to be a fuzzy match. One word with a one-letter typo keeps about
 * half ("garsia" for "garcia" is 0.57), so a one-word search takes 0.5. A search of several words
 * with a typo keeps far more, while at 0.5 any name sharing half the words matched: "maria elena
 * mones mireles" found 3,951 of a million persons to rank (192 ms), against 99 at 0.6 (72 ms), and
 * the sought person was among the top 10 as often (192/200 samples at 0.5, 0.6 and 0.7).
 */
export function fuzzyThreshold(query: ListQuery): number {
  const words = query.filters
    .filter((f) => f.op === 'fuzzy')
    .map((f) => candidateText(f.value).split(' ').length);
  return Math.min(...words) > 1 ? 0.6 : 0.5;
}
