import type { Knex } from 'knex';

/**
 * OAuth clients managed through the API: the scopes a client may be granted (null: no limit, its
 * roles decide, as before), a previous secret that stays valid until a time after a rotation, a
 * secret generation that tokens carry (so a rotation can end the tokens of the old secret), when
 * it was revoked and when it last got a token.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('oauth_clients', (t) => {
    t.specificType('scopes', 'text[]');
    t.text('previous_secret_hash');
    t.timestamp('previous_secret_until', { useTz: true });
    t.integer('secret_generation').notNullable().defaultTo(0);
    t.integer('min_token_generation').notNullable().defaultTo(0);
    t.timestamp('revoked_at', { useTz: true });
    t.timestamp('last_used_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('oauth_clients', (t) => {
    t.dropColumns(
      'scopes',
      'previous_secret_hash',
      'previous_secret_until',
      'secret_generation',
      'min_token_generation',
      'revoked_at',
      'last_used_at',
    );
  });
}
