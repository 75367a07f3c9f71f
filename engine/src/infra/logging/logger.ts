import { pino, type Logger, type DestinationStream } from 'pino';
import { currentContext } from './request-context.js';

export type { Logger };

/**
 * JSON logger. Every line written while a request is being handled carries its request id
 * (and the acting principal once known), wherever in the code the line comes from.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tramit' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password'],
        censor: '[redacted]',
      },
      mixin() {
        const context = currentContext();
        if (!context) return {};
        return context.actor
          ? { requestId: context.requestId, actor: `${context.actor.kind}:${context.actor.id}` }
          : { requestId: context.requestId };
      },
    },
    destination,
  );
}
