import type { Knex } from 'knex';

/**
 * The audit key each entry was signed with: since this migration an entry's hash is an HMAC-SHA256
 * with a key the database does not hold (`TRAMIT_AUDIT_KEYS`), so a superuser who rewrites an entry
 * cannot recompute it. Entries from before keep a null key id and their plain SHA-256 hash; the first
 * keyed entry links to the last of them. Adding a nullable column is a catalogue change only.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_log', (t) => {
    t.text('key_id');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_log', (t) => {
    t.dropColumn('key_id');
  });
}
