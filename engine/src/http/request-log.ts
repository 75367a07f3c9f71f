import type { RequestHandler } from 'express';
import type { Logger } from '../infra/logging/logger.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The request id (see request-id.ts). */
    id?: string;
    /** The server's logger: its lines carry the request id and the actor (see logger.ts). */
    log?: Logger;
  }
}

const quiet = new Set(['/health', '/metrics']);

/**
 * One `request completed` line per request (not for health checks and metrics scrapes), at error
 * level for a 5xx. A plain listener rather than a child logger per request: nothing is built for a
 * line the level leaves out, which on a busy server is most of them.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    req.log = logger;
    if (quiet.has(req.url)) return next();
    const started = performance.now();
    res.once('finish', () => {
      const level = res.statusCode >= 500 ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { method: req.method, url: req.originalUrl },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        'request completed',
      );
    });
    next();
  };
}
