import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from '../infra/logging/logger.js';
import { designerApp } from './designer-static.js';
import { errorHandler, unknownRoute } from '../http/error-handler.js';
import { checkJsonContent } from '../http/json-content.js';
import type { Limits } from '../infra/config/config.js';
import type { Metrics } from '../http/metrics.js';
import { requestContext } from '../http/request-id.js';
import { requestLog } from '../http/request-log.js';
import type { RouteInfo, SecureRouter } from '../http/secure-router.js';

export interface AppDeps {
  logger: Logger;
  metrics: Metrics;
  bodyLimit: string;
  limits: Limits;
  trustProxy: boolean;
  secureCookies: boolean;
  designerDir: string | undefined;
  /** Every module's routes (see `server/modules.ts`), mounted after the shell's middleware. */
  routes: SecureRouter;
}

/** The Express shell around the modules' routes: request context, logs, metrics, security headers, JSON, the designer, errors. */
export function createApp(deps: AppDeps): { app: Express; routes: RouteInfo[] } {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);

  app.use(requestContext());
  app.use(requestLog(deps.logger));
  app.use(deps.metrics.middleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'worker-src': ["'self'", 'blob:'],
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': deps.secureCookies ? [] : null,
        },
      },
    }),
  );
  app.use(express.json({ limit: deps.bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use(checkJsonContent(deps.limits.jsonMaxDepth));

  app.use(deps.routes.router);

  app.use(designerApp(deps.designerDir));
  app.use(unknownRoute());
  app.use(errorHandler(deps.logger));
  return { app, routes: deps.routes.routes };
}
