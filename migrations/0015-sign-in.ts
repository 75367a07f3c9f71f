import type { Knex } from 'knex';

/**
 * Sign-in protection and second factors. `login_attempts` counts failures per user name and source
 * address (known and unknown names alike), reserved before the password hash so that concurrent
 * guesses cannot outrun the lock; a success keeps the row as proof that the address is the owner's.
 * `user_mfa` holds the TOTP secret encrypted (AES-256-GCM), `mfa_recovery_codes` only hashes, and
 * `mfa_challenges` the half-done sign-ins waiting for a code (their token only as a hash).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_attempts', (t) => {
    t.text('username').notNullable();
    t.text('source').notNullable();
    t.integer('failures').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.timestamp('last_success_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['username', 'source']);
    t.index(['updated_at']);
  });

  await knex.schema.createTable('user_mfa', (t) => {
    t.uuid('user_id').primary().references('users.id').onDelete('CASCADE');
    t.text('secret_enc').notNullable();
    t.timestamp('confirmed_at', { useTz: true });
    t.bigInteger('last_step').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('mfa_recovery_codes', (t) => {
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('code_hash').notNullable();
    t.timestamp('used_at', { useTz: true });
    t.primary(['user_id', 'code_hash']);
  });

  await knex.schema.createTable('mfa_challenges', (t) => {
    t.text('id_hash').primary();
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('source').notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('mfa_challenges');
  await knex.schema.dropTable('mfa_recovery_codes');
  await knex.schema.dropTable('user_mfa');
  await knex.schema.dropTable('login_attempts');
}
