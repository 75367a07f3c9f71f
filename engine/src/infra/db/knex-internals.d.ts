declare module 'knex/lib/dialects/postgres/index.js' {
  import { Knex } from 'knex';
  /** knex's PostgreSQL client; `_query` sends one query on one connection. */
  class ClientPG extends Knex.Client {
    _query(connection: unknown, obj: unknown): Promise<unknown>;
  }
  export default ClientPG;
}
