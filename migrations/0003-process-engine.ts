import type { Knex } from 'knex';

/**
 * The process engine's state: definitions, instances, element instances, variables by scope, jobs,
 * timers, message subscriptions, buffered messages, user tasks, incidents, and the append-only history.
 * Keys are int64 from one sequence handed out in blocks (the engine keeps a block in memory).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create sequence engine_keys start with 2251799813685249 increment by 1000');

  await knex.schema.createTable('deployments', (t) => {
    t.bigInteger('key').primary();
    t.text('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('process_definitions', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('deployment_key').notNullable().references('deployments.key');
    t.text('bpmn_process_id').notNullable();
    t.integer('version').notNullable();
    t.text('version_tag');
    t.text('name');
    t.text('resource_name').notNullable();
    t.text('checksum').notNullable();
    t.text('xml').notNullable();
    t.jsonb('model').notNullable();
    t.text('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'bpmn_process_id', 'version']);
  });

  await knex.schema.createTable('process_instances', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('process_definition_key').notNullable().references('process_definitions.key');
    t.text('bpmn_process_id').notNullable();
    t.integer('version').notNullable();
    t.text('tenant_id').notNullable().defaultTo('<default>');
    t.text('state').notNullable();
    t.bigInteger('parent_process_instance_key');
    t.bigInteger('parent_element_instance_key');
    t.bigInteger('root_process_instance_key').notNullable();
    t.boolean('has_incident').notNullable().defaultTo(false);
    t.timestamp('start_date', { useTz: true }).notNullable();
    t.timestamp('end_date', { useTz: true });
    t.index(['process_definition_key', 'state']);
    t.index(['bpmn_process_id']);
    t.index(['parent_process_instance_key']);
  });

  await knex.schema.createTable('element_instances', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('element_id').notNullable();
    t.text('element_type').notNullable();
    t.bigInteger('flow_scope_key').notNullable();
    t.text('state').notNullable();
    t.jsonb('data').notNullable().defaultTo('{}');
    t.bigInteger('incident_key');
    t.timestamp('start_date', { useTz: true }).notNullable();
    t.timestamp('end_date', { useTz: true });
    t.index(['process_instance_key']);
  });
  await knex.raw(
    `create index element_instances_active on element_instances (process_instance_key) where state = 'ACTIVE'`,
  );

  await knex.schema.createTable('variables', (t) => {
    t.bigInteger('key').notNullable().unique();
    t.bigInteger('scope_key').notNullable();
    t.text('name').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.jsonb('value');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['scope_key', 'name']);
    t.index(['process_instance_key']);
  });

  await knex.schema.createTable('jobs', (t) => {
    t.bigInteger('key').primary();
    t.text('type').notNullable();
    t.text('state').notNullable();
    t.integer('retries').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('element_instance_key').notNullable();
    t.text('element_id').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.integer('process_definition_version').notNullable();
    t.jsonb('custom_headers').notNullable().defaultTo('{}');
    t.text('worker');
    t.timestamp('deadline', { useTz: true });
    t.timestamp('available_at', { useTz: true }).notNullable();
    t.text('error_message');
    t.text('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['element_instance_key']);
  });
  await knex.raw(
    `create index jobs_activatable on jobs (type, available_at) where state in ('CREATED', 'FAILED', 'ACTIVATED')`,
  );

  await knex.schema.createTable('timers', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('owner_key');
    t.text('element_id').notNullable();
    t.bigInteger('process_instance_key');
    t.bigInteger('process_definition_key').notNullable();
    t.timestamp('due_at', { useTz: true }).notNullable();
    t.integer('repetitions');
    t.text('interval');
    t.text('state').notNullable();
    t.timestamp('claimed_until', { useTz: true });
    t.index(['owner_key']);
  });
  await knex.raw(`create index timers_due on timers (due_at) where state = 'ACTIVE'`);

  await knex.schema.createTable('message_subscriptions', (t) => {
    t.bigInteger('key').primary();
    t.text('kind').notNullable();
    t.bigInteger('owner_key');
    t.text('element_id').notNullable();
    t.bigInteger('process_instance_key');
    t.bigInteger('process_definition_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.text('message_name').notNullable();
    t.text('correlation_key');
    t.boolean('interrupting').notNullable().defaultTo(true);
    t.text('state').notNullable();
    t.text('tenant_id').notNullable().defaultTo('<default>');
    t.index(['owner_key']);
  });
  await knex.raw(
    `create index message_subscriptions_open on message_subscriptions (message_name, correlation_key) where state = 'ACTIVE'`,
  );

  await knex.schema.createTable('messages', (t) => {
    t.bigInteger('key').primary();
    t.text('name').notNullable();
    t.text('correlation_key').notNullable();
    t.text('message_id');
    t.jsonb('variables').notNullable().defaultTo('{}');
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.text('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['name', 'correlation_key']);
    t.index(['expires_at']);
  });
  await knex.raw(
    'create unique index messages_message_id on messages (tenant_id, name, message_id) where message_id is not null',
  );

  await knex.schema.createTable('message_correlations', (t) => {
    t.bigInteger('message_key').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.primary(['message_key', 'process_instance_key']);
  });

  await knex.schema.createTable('user_tasks', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('element_instance_key').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.text('element_id').notNullable();
    t.text('name');
    t.text('state').notNullable();
    t.text('assignee');
    t.jsonb('candidate_groups').notNullable().defaultTo('[]');
    t.jsonb('candidate_users').notNullable().defaultTo('[]');
    t.text('due_date');
    t.text('follow_up_date');
    t.integer('priority').notNullable().defaultTo(50);
    t.text('form_key');
    t.text('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('creation_date', { useTz: true }).notNullable();
    t.timestamp('completion_date', { useTz: true });
    t.index(['element_instance_key']);
    t.index(['state', 'assignee']);
    t.index(['process_instance_key']);
  });

  await knex.schema.createTable('incidents', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.bigInteger('element_instance_key').notNullable();
    t.text('element_id').notNullable();
    t.bigInteger('job_key');
    t.text('error_type').notNullable();
    t.text('error_message').notNullable();
    t.text('state').notNullable();
    t.text('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('creation_time', { useTz: true }).notNullable();
    t.index(['process_instance_key']);
    t.index(['element_instance_key']);
  });
  await knex.raw(`create index incidents_active on incidents (state) where state = 'ACTIVE'`);

  await knex.schema.createTable('history', (t) => {
    t.bigIncrements('id');
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('element_instance_key');
    t.text('element_id');
    t.text('event').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.text('actor').notNullable();
    t.text('request_id');
    t.jsonb('data');
    t.index(['process_instance_key', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'history',
    'incidents',
    'user_tasks',
    'message_correlations',
    'messages',
    'message_subscriptions',
    'timers',
    'jobs',
    'variables',
    'element_instances',
    'process_instances',
    'process_definitions',
    'deployments',
  ]) {
    await knex.schema.dropTable(table);
  }
  await knex.raw('drop sequence engine_keys');
}
