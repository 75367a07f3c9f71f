import type { RequestHandler } from 'express';
import type { Limits } from '../infra/config/config.js';
import { rejection } from './problems.js';

/**
 * The variables one /v2 request may set (process-instance creation, job and user-task completion,
 * job failure and errors, message publication and correlation: every body with `variables`): at most
 * `variablesMaxCount` of them, `variablesMaxBytes` in all as JSON. Beyond → 400 INVALID_ARGUMENT
 * naming the limit, before anything is written.
 */
export function limitVariables(
  limits: Pick<Limits, 'variablesMaxCount' | 'variablesMaxBytes'>,
): RequestHandler {
  return (req, _res, next) => {
    const variables = (req.body as { variables?: unknown } | undefined)?.variables;
    if (!variables || typeof variables !== 'object' || Array.isArray(variables)) return next();
    let count = 0;
    for (const _ in variables) count += 1;
    if (count > limits.variablesMaxCount) {
      const message = `at most ${limits.variablesMaxCount} variables per request (TRAMIT_VARIABLES_MAX_COUNT), got ${count}`;
      next(
        rejection('INVALID_ARGUMENT', `Too many variables: ${message}`, [{ path: '/variables', message }]),
      );
      return;
    }
    const bytes = Buffer.byteLength(JSON.stringify(variables));
    if (bytes > limits.variablesMaxBytes) {
      const message = `at most ${limits.variablesMaxBytes} bytes of variables as JSON per request (TRAMIT_VARIABLES_MAX_BYTES), got ${bytes}`;
      next(
        rejection('INVALID_ARGUMENT', `The variables are too large: ${message}`, [
          { path: '/variables', message },
        ]),
      );
      return;
    }
    next();
  };
}
