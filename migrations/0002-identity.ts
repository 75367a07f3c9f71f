import type { Knex } from 'knex';

/** People (users), machines (OAuth clients) and browser sessions. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `create type tramit_role as enum ('admin', 'supervisor', 'agent', 'manager', 'integration')`,
  );

  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('username').notNullable();
    t.text('display_name').notNullable();
    t.text('email');
    t.text('password_hash').notNullable();
    t.specificType('roles', 'tramit_role[]').notNullable().defaultTo('{}');
    t.text('locale').checkIn(['ca', 'es', 'en']);
    t.boolean('active').notNullable().defaultTo(true);
    t.boolean('demo').notNullable().defaultTo(false);
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.timestamp('last_login_at', { useTz: true });
    t.timestamps(true, true);
  });
  await knex.raw('create unique index users_username_key on users (lower(username))');

  await knex.schema.createTable('oauth_clients', (t) => {
    t.text('client_id').primary();
    t.text('name').notNullable();
    t.text('secret_hash').notNullable();
    t.specificType('roles', 'tramit_role[]').notNullable().defaultTo('{}');
    t.boolean('active').notNullable().defaultTo(true);
    t.boolean('demo').notNullable().defaultTo(false);
    t.timestamps(true, true);
  });

  await knex.schema.createTable('sessions', (t) => {
    t.text('id_hash').primary();
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('csrf_token').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.text('ip');
    t.text('user_agent');
    t.index(['user_id']);
    t.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('oauth_clients');
  await knex.schema.dropTable('users');
  await knex.raw('drop type tramit_role');
}
