import type { Knex } from 'knex';

/**
 * Versioned definitions (rule sets, calendars, SLA policies: drafted, then published as immutable
 * versions), internal notifications, and what assignment needs: group members, absences and the
 * groups' strategies (auto-assignment of their user tasks) and round-robin cursors.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('definitions', (t) => {
    t.text('kind').notNullable();
    t.text('id').notNullable();
    t.jsonb('draft');
    t.timestamp('draft_updated_at', { useTz: true });
    t.text('draft_updated_by');
    t.integer('latest_version');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['kind', 'id']);
  });

  await knex.schema.createTable('definition_versions', (t) => {
    t.text('kind').notNullable();
    t.text('id').notNullable();
    t.integer('version').notNullable();
    t.jsonb('content').notNullable();
    t.text('content_hash').notNullable();
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('published_by');
    t.primary(['kind', 'id', 'version']);
    t.foreign(['kind', 'id']).references(['kind', 'id']).inTable('definitions').onDelete('CASCADE');
  });

  await knex.schema.createTable('notifications', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.text('severity').notNullable().defaultTo('info').checkIn(['info', 'warning', 'critical']);
    t.jsonb('title').notNullable();
    t.jsonb('data').notNullable().defaultTo('{}');
    t.text('entity_type');
    t.text('entity_id');
    t.text('dedup_key').notNullable();
    t.integer('occurrences').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_raised_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('read_at', { useTz: true });
    t.index(['user_id', 'read_at', 'created_at']);
  });
  await knex.raw(
    'create unique index notifications_open_dedup_key on notifications (user_id, dedup_key) where read_at is null',
  );

  await knex.schema.createTable('group_members', (t) => {
    t.text('group_id').notNullable();
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['group_id', 'user_id']);
    t.index(['user_id']);
  });

  await knex.schema.createTable('agent_absences', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.timestamp('ends_at', { useTz: true });
    t.text('reason');
    t.index(['user_id', 'starts_at']);
  });

  await knex.schema.createTable('assignment_groups', (t) => {
    t.text('group_id').primary();
    t.text('strategy').notNullable().defaultTo('least-loaded').checkIn(['least-loaded', 'round-robin']);
    t.boolean('auto_assign').notNullable().defaultTo(true);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('assignment_cursors', (t) => {
    t.text('group_id').primary();
    t.uuid('last_user_id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'assignment_cursors',
    'assignment_groups',
    'agent_absences',
    'group_members',
    'notifications',
    'definition_versions',
    'definitions',
  ]) {
    await knex.schema.dropTable(table);
  }
}
