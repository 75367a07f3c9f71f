import type { Knex } from 'knex';

const extensions = ['pgcrypto', 'pg_trgm', 'fuzzystrmatch', 'unaccent'];

export async function up(knex: Knex): Promise<void> {
  for (const name of extensions) await knex.raw(`create extension if not exists ${name}`);
}

export async function down(knex: Knex): Promise<void> {
  for (const name of [...extensions].reverse()) await knex.raw(`drop extension if exists ${name}`);
}
