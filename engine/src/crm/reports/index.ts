import type { HttpModule } from '../../http/http-module.js';
import { reportRoutes } from './report-routes.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    reports: void;
  }
}

/** Management reports (SLA compliance), read straight from the database. */
export function reportsModule(): HttpModule<'reports'> {
  return {
    name: 'reports',
    init() {},
    routes(router, { db }) {
      reportRoutes(router, { db, timeZone: 'Europe/Madrid' });
    },
  };
}
