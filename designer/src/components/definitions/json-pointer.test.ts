import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError';
import { pointer, problemAt, problemsOf, problemsUnder } from './json-pointer';

const problems = [
  { path: '/rules/0/name', message: 'is required' },
  { path: '/rules/0/conditions/all/1/operator', message: 'unknown operator' },
  { path: '/rules/10/name', message: 'is too long' },
  { path: '/title', message: 'must be an object' },
  { path: '/title', message: 'is required' },
];

describe('JSON pointers for located problems', () => {
  it.each([
    [['rules', 0, 'name'], '/rules/0/name'],
    [['a/b', 'c~d'], '/a~1b/c~0d'],
    [[], ''],
  ])('pointer(%j) is %s', (segments, expected) => {
    expect(pointer(...(segments as (string | number)[]))).toBe(expected);
  });

  it.each([
    ['/rules/0', ['/rules/0/name', '/rules/0/conditions/all/1/operator']],
    ['/rules/1', []],
    ['/rules/10/', ['/rules/10/name']],
    ['/title', ['/title', '/title']],
    ['', problems.map((p) => p.path)],
  ])('problemsUnder(%s) keeps only what is inside it', (path, expected) => {
    expect(problemsUnder(problems, path).map((p) => p.path)).toEqual(expected);
  });

  it('joins every message at exactly one path, and has none for its parents', () => {
    expect(problemAt(problems, '/title')).toBe('must be an object; is required');
    expect(problemAt(problems, '/rules/0')).toBeUndefined();
  });

  it('reads the errors of a 422 problem and ignores anything else', () => {
    const error = new ApiError({
      type: 'invalid-definition',
      title: 'Invalid',
      status: 422,
      errors: [
        { path: '/id', message: 'bad id' },
        { elementId: 'Task_1', message: 'no path' },
      ],
    });
    expect(problemsOf(error)).toEqual([
      { path: '/id', message: 'bad id' },
      { path: '', message: 'no path' },
    ]);
    expect(problemsOf(new Error('boom'))).toEqual([]);
  });
});
