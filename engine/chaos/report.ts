/** Pure logic of the chaos suite: counting outcomes from observations, and printing the table. */

export interface Row {
  test: string;
  load: string;
  faults: string;
  lost: number;
  duplicated: number;
  stuck: number;
  /** Anything else that must hold (a 500, a late timer, a crash): each is a failure. */
  problems: string[];
  /** Worth knowing, but not a failure (how requests were answered during a fault, say). */
  notes?: string[];
  /** A known gap another change is meant to close; the row still fails while it fails. */
  expectedAfter?: string;
}

export function passed(row: Row): boolean {
  return row.lost === 0 && row.duplicated === 0 && row.stuck === 0 && row.problems.length === 0;
}

/**
 * Outcome of a run that tags each start with a business key: `acknowledged` got a 2xx, `ambiguous`
 * got an error (it may or may not have committed), `found` maps each business key seen in the
 * database to its instances' states.
 */
export function countInstances(
  acknowledged: Iterable<string>,
  ambiguous: Iterable<string>,
  found: Map<string, string[]>,
): { lost: number; duplicated: number; stuck: number; completed: number } {
  const acked = new Set(acknowledged);
  const sent = new Set([...acked, ...ambiguous]);
  let lost = 0;
  for (const key of acked) if (!found.has(key)) lost++;
  let duplicated = 0;
  let stuck = 0;
  let completed = 0;
  for (const [key, states] of found) {
    if (states.length > 1) duplicated += states.length - 1;
    if (!sent.has(key)) duplicated += states.length; // an instance nobody asked for
    for (const state of states) {
      if (state === 'COMPLETED') completed++;
      else stuck++;
    }
  }
  return { lost, duplicated, stuck, completed };
}

const columns: { title: string; width: number; value: (row: Row) => string }[] = [
  { title: 'test', width: 22, value: (r) => r.test },
  { title: 'load', width: 34, value: (r) => r.load },
  { title: 'faults injected', width: 34, value: (r) => r.faults },
  { title: 'lost', width: 5, value: (r) => String(r.lost) },
  { title: 'duplicated', width: 10, value: (r) => String(r.duplicated) },
  { title: 'stuck', width: 5, value: (r) => String(r.stuck) },
  {
    title: 'result',
    width: 6,
    value: (r) => (passed(r) ? 'PASS' : r.expectedAfter ? 'FAIL*' : 'FAIL'),
  },
];

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** The table (fixed-width columns), then each failing row's problems, then the footnote. */
export function formatTable(rows: Row[]): string {
  const line = (values: string[]) =>
    `| ${values.map((v, i) => cell(v, columns[i]!.width)).join(' | ')} |`.trimEnd();
  const rule = `|${columns.map((c) => '-'.repeat(c.width + 2)).join('|')}|`;
  const out = [
    line(columns.map((c) => c.title)),
    rule,
    ...rows.map((r) => line(columns.map((c) => c.value(r)))),
  ];
  for (const row of rows.filter((r) => !passed(r) || r.notes?.length)) {
    out.push('', `${row.test}:`);
    for (const problem of row.problems) out.push(`  - ${problem}`);
    for (const note of row.notes ?? []) out.push(`  (note) ${note}`);
    if (row.expectedAfter) out.push(`  * expected to pass once ${row.expectedAfter}`);
  }
  return out.join('\n');
}

/** Problems from a list of labelled counts that must be zero (`{ 'HTTP 500': 2 }` → one problem). */
export function nonZero(counts: Record<string, number>): string[] {
  return Object.entries(counts)
    .filter(([, n]) => n !== 0)
    .map(([label, n]) => `${label}: ${n}`);
}
