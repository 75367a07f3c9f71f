import type { HttpModule } from '../http/http-module.js';
import type { Metrics } from '../http/metrics.js';
import { healthRoutes } from './health-routes.js';

/** What the shell itself knows: the HTTP metrics it records, and whether it is shutting down. */
export interface ShellState {
  metrics: Metrics;
  isShuttingDown(): boolean;
}

declare module '../infra/module/tramit-module.js' {
  interface Services {
    /** Provided by the server shell, not by a module. */
    shell: ShellState;
    health: void;
  }
}

/** `/health`, `/ready` and `/metrics`. */
export function healthModule(): HttpModule<'health'> {
  return {
    name: 'health',
    dependsOn: ['shell', 'auth'],
    init() {},
    routes(router, { config, db, logger, get }) {
      const shell = get('shell');
      healthRoutes(router, {
        db,
        metrics: shell.metrics,
        metricsToken: config.metricsToken,
        isShuttingDown: () => shell.isShuttingDown(),
        auth: get('auth'),
        logger,
      });
    },
  };
}
