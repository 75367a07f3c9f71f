import type { HttpModule } from '../../http/http-module.js';
import { Idempotency } from './idempotency.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    /** Stored answers of `Idempotency-Key` requests, and their expiry sweeper. */
    idempotency: Idempotency;
  }
}

export function idempotencyModule(): HttpModule<'idempotency'> {
  let sweeper: { stop(): void } | undefined;
  return {
    name: 'idempotency',
    init: ({ db, config }) => new Idempotency(db, config.idempotency),
    start({ logger, get }) {
      sweeper = get('idempotency').startSweeper(logger);
    },
    stop() {
      sweeper?.stop();
    },
  };
}
