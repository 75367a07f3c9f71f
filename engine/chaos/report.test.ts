import { describe, expect, it } from 'vitest';
import { countInstances, formatTable, nonZero, passed, type Row } from './report.js';

const row = (over: Partial<Row> = {}): Row => ({
  test: 'kill-under-load',
  load: '10 starts',
  faults: '3 SIGKILLs',
  lost: 0,
  duplicated: 0,
  stuck: 0,
  problems: [],
  ...over,
});

describe('countInstances', () => {
  it('counts acknowledged starts missing, extra instances per key, and unfinished ones', () => {
    const found = new Map([
      ['a', ['COMPLETED']],
      ['b', ['COMPLETED', 'COMPLETED']],
      ['c', ['ACTIVE']],
      ['x', ['COMPLETED']],
    ]);
    expect(countInstances(['a', 'b', 'c', 'd'], ['x', 'y'], found)).toEqual({
      lost: 1, // d was acknowledged and never seen
      duplicated: 1, // b twice; x was ambiguous, so its one instance is fine
      stuck: 1, // c
      completed: 4,
    });
  });

  it('counts an instance nobody asked for as duplicated', () => {
    expect(
      countInstances(
        ['a'],
        [],
        new Map([
          ['a', ['COMPLETED']],
          ['z', ['COMPLETED']],
        ]),
      ).duplicated,
    ).toBe(1);
  });
});

describe('formatTable', () => {
  it('prints fixed-width columns, PASS only when all is zero, and the problems of failing rows', () => {
    const text = formatTable([row(), row({ test: 'pg-restart', stuck: 2, problems: ['2 stuck'] })]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      /^\| test +\| load +\| faults injected +\| lost +\| duplicated \| stuck \| result \|$/,
    );
    expect(new Set(lines.slice(0, 4).map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toContain('| PASS');
    expect(lines[3]).toContain('| FAIL');
    expect(text).toContain('pg-restart:\n  - 2 stuck');
  });

  it('marks a row expected to pass later with FAIL*, which still fails', () => {
    const flagged = row({ problems: ['500'], expectedAfter: 'hardening lands' });
    expect(passed(flagged)).toBe(false);
    expect(formatTable([flagged])).toContain('FAIL*');
    expect(formatTable([flagged])).toContain('expected to pass once hardening lands');
  });

  it('cuts long cells to their width', () => {
    const text = formatTable([row({ load: 'x'.repeat(100) })]);
    expect(text.split('\n')[2]).toContain(`${'x'.repeat(33)}…`);
  });
});

describe('nonZero', () => {
  it('keeps the counts that are not zero', () => {
    expect(nonZero({ a: 0, b: 2 })).toEqual(['b: 2']);
  });
});
