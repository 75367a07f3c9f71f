import { describe, expect, it } from 'vitest';
import { insertWrite, mergeWrites, updateByKeyWrite, type Write } from './merge-writes.js';

const elementUpdate = (key: string, state: string): Write => ({
  kind: 'update-values',
  table: 'element_instances',
  template:
    'update element_instances as e set state = v.state from (values $values) as v(key, state) where e.key = v.key::bigint',
  rows: [`('${key}', '${state}')`],
  keys: [key],
});

describe('mergeWrites', () => {
  it('joins the writes of several commands into one statement per shape, in first-seen order', () => {
    const command = (n: number): Write[] => [
      updateByKeyWrite('jobs', `${n}0`, { state: 'COMPLETED', deadline: null }),
      insertWrite('element_instances', [{ key: `${n}1`, state: 'COMPLETED' }]),
      elementUpdate(`${n}2`, 'COMPLETED'),
      insertWrite('history_records', [{ process_instance_key: `${n}`, entries: '[]' }]),
    ];
    expect(mergeWrites(['BEGIN', ...command(1), ...command(2), ...command(3)])).toEqual([
      'BEGIN',
      "update jobs set state = 'COMPLETED', deadline = NULL where key in ('10', '20', '30')",
      "insert into element_instances (key, state) values ('11', 'COMPLETED'), ('21', 'COMPLETED'), ('31', 'COMPLETED')",
      "update element_instances as e set state = v.state from (values ('12', 'COMPLETED'), ('22', 'COMPLETED'), ('32', 'COMPLETED')) as v(key, state) where e.key = v.key::bigint",
      "insert into history_records (process_instance_key, entries) values ('1', '[]'), ('2', '[]'), ('3', '[]')",
    ]);
  });

  it('moves nothing across opaque SQL', () => {
    const statements = mergeWrites([
      insertWrite('jobs', [{ key: '1' }]),
      'update process_instances set has_incident = exists (select 1 from incidents)',
      insertWrite('jobs', [{ key: '2' }]),
    ]);
    expect(statements).toEqual([
      "insert into jobs (key) values ('1')",
      'update process_instances set has_incident = exists (select 1 from incidents)',
      "insert into jobs (key) values ('2')",
    ]);
  });

  it('moves a write earlier only past writes to other rows', () => {
    const statements = mergeWrites([
      updateByKeyWrite('jobs', '1', { state: 'COMPLETED' }),
      insertWrite('jobs', [{ key: '2', state: 'CREATED' }]),
      updateByKeyWrite('jobs', '2', { state: 'COMPLETED' }),
      insertWrite('timers', [{ key: '3' }]),
      insertWrite('jobs', [{ key: '4', state: 'CREATED' }]),
      updateByKeyWrite('jobs', '5', { state: 'COMPLETED' }),
    ]);
    expect(statements).toEqual([
      "update jobs set state = 'COMPLETED' where key = '1'",
      "insert into jobs (key, state) values ('2', 'CREATED'), ('4', 'CREATED')",
      "update jobs set state = 'COMPLETED' where key in ('2', '5')",
      "insert into timers (key) values ('3')",
    ]);
  });

  it('never merges two rows for one key into an UPDATE … FROM', () => {
    const statements = mergeWrites([
      elementUpdate('7', 'ACTIVE'),
      elementUpdate('8', 'ACTIVE'),
      elementUpdate('7', 'COMPLETED'),
      elementUpdate('9', 'COMPLETED'),
    ]);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toContain("('7', 'ACTIVE'), ('8', 'ACTIVE')");
    expect(statements[1]).toContain("('7', 'COMPLETED'), ('9', 'COMPLETED')");
  });

  it('does not change the writes it was given', () => {
    const first = insertWrite('jobs', [{ key: '1' }]);
    mergeWrites([first, insertWrite('jobs', [{ key: '2' }])]);
    expect(mergeWrites([first])).toEqual(["insert into jobs (key) values ('1')"]);
  });
});
