import type { Knex } from 'knex';

/**
 * The dynamic-schema entity store: entity types (a draft and immutable published versions, each a
 * JSON Schema), records as JSONB with system columns, and relations between records with a role
 * and a validity period. Per-type indexes are created when a type version is published.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function tramit_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`);

  await knex.schema.createTable('entity_types', (t) => {
    t.text('name').primary();
    t.jsonb('draft');
    t.timestamp('draft_updated_at', { useTz: true });
    t.text('draft_updated_by');
    t.integer('latest_version');
    t.specificType('indexes', 'text[]').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('entity_type_versions', (t) => {
    t.text('name').notNullable().references('entity_types.name').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.jsonb('schema').notNullable();
    t.text('schema_hash').notNullable();
    t.boolean('forced').notNullable().defaultTo(false);
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('published_by');
    t.primary(['name', 'version']);
  });

  await knex.schema.createTable('records', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('type').notNullable();
    t.integer('schema_version').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.jsonb('data').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('created_by');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('updated_by');
    t.timestamp('deleted_at', { useTz: true });
  });
  await knex.raw(
    'create index records_type_created on records (type, created_at, id) where deleted_at is null',
  );

  await knex.schema.createTable('record_relations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('relation').notNullable();
    t.text('from_type').notNullable();
    t.uuid('from_id').notNullable().references('records.id');
    t.text('to_type').notNullable();
    t.uuid('to_id').notNullable().references('records.id');
    t.text('role');
    t.timestamp('valid_from', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('valid_to', { useTz: true });
    t.jsonb('attributes');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('created_by');
    t.text('ended_by');
  });
  await knex.raw('create index record_relations_from on record_relations (from_id, relation, valid_from)');
  await knex.raw('create index record_relations_to on record_relations (to_id, relation, valid_from)');
  await knex.raw(
    'alter table record_relations add constraint record_relations_validity check (valid_to is null or valid_to >= valid_from)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('record_relations');
  await knex.schema.dropTable('records');
  await knex.schema.dropTable('entity_type_versions');
  await knex.schema.dropTable('entity_types');
  await knex.raw('drop function tramit_unaccent(text)');
}
