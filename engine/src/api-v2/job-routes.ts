import { z } from 'zod';
import type { SecureRouter } from '../http/secure-router.js';
import type { ApiDeps } from './api-deps.js';
import { activateWithLongPolling, defaultLongPollMs, toActivatedJobs } from './job-activation.js';
import { jobQuery } from './job-query.js';
import { durationMs, keyParam, optionalBody, tenantId, variables } from './inputs.js';
import { handle, parseRequest, rejection } from './problems.js';
import { runSearch } from './search/run-search.js';

const activationRequest = z.strictObject({
  type: z.string().min(1),
  worker: z.string().optional(),
  timeout: durationMs.min(1),
  maxJobsToActivate: z.int().min(1),
  fetchVariable: z.array(z.string()).optional(),
  requestTimeout: z.int().max(1e15).optional(),
  tenantIds: z.array(tenantId).optional(),
  tenantFilter: z.enum(['PROVIDED', 'ASSIGNED']).optional(),
});

const completionRequest = z.strictObject({
  variables: variables.nullable().optional(),
  result: z
    .never('job results (user task corrections, ad-hoc activation) are not supported by Tramit')
    .optional(),
});

const failureRequest = z.strictObject({
  retries: z.int32().min(0).optional(),
  errorMessage: z.string().optional(),
  retryBackOff: durationMs.optional(),
  variables: variables.optional(),
});

const errorRequest = z.strictObject({
  errorCode: z.string().min(1),
  errorMessage: z.string().nullable().optional(),
  variables: variables.nullable().optional(),
});

const updateRequest = z.strictObject({
  changeset: z.strictObject({
    retries: z.int32().nullable().optional(),
    timeout: z.int().min(0).max(1e15).nullable().optional(),
  }),
  operationReference: z.int().min(1).optional(),
});

export function jobRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.post(
    '/v2/jobs/activation',
    'jobs.work',
    handle(async (req, res) => {
      const body = parseRequest(activationRequest, req.body);
      let gone = false;
      res.on('close', () => {
        gone = true;
      });
      const wait =
        body.requestTimeout === undefined || body.requestTimeout === 0
          ? defaultLongPollMs
          : body.requestTimeout;
      const jobs = await activateWithLongPolling(
        deps.engine,
        {
          type: body.type,
          worker: body.worker ?? '',
          timeout: body.timeout,
          maxJobsToActivate: body.maxJobsToActivate,
          fetchVariable: body.fetchVariable,
        },
        wait,
        () => gone,
      );
      res.json({ jobs: await toActivatedJobs(deps.db, jobs) });
    }),
  );

  r.post(
    '/v2/jobs/search',
    'processes.read',
    handle(async (req, res) => {
      res.json(await runSearch(deps.db, jobQuery, req.body));
    }),
  );

  r.post(
    '/v2/jobs/:jobKey/completion',
    'jobs.work',
    handle(async (req, res) => {
      const key = keyParam(req, 'jobKey');
      const body = parseRequest(completionRequest, optionalBody(req));
      await deps.engine.completeJob(key, body.variables ?? {});
      res.status(204).end();
    }),
  );

  r.post(
    '/v2/jobs/:jobKey/failure',
    'jobs.work',
    handle(async (req, res) => {
      const key = keyParam(req, 'jobKey');
      const body = parseRequest(failureRequest, optionalBody(req));
      await deps.engine.failJob(key, {
        retries: body.retries ?? 0,
        errorMessage: body.errorMessage,
        retryBackOff: body.retryBackOff,
        variables: body.variables,
      });
      res.status(204).end();
    }),
  );

  r.post(
    '/v2/jobs/:jobKey/error',
    'jobs.work',
    handle(async (req, res) => {
      const key = keyParam(req, 'jobKey');
      const body = parseRequest(errorRequest, req.body);
      await deps.engine.throwJobError(key, {
        errorCode: body.errorCode,
        errorMessage: body.errorMessage ?? undefined,
        variables: body.variables ?? undefined,
      });
      res.status(204).end();
    }),
  );

  r.patch(
    '/v2/jobs/:jobKey',
    'jobs.work',
    handle(async (req, res) => {
      const key = keyParam(req, 'jobKey');
      const { retries, timeout } = parseRequest(updateRequest, req.body).changeset;
      if ((retries === undefined || retries === null) && (timeout === undefined || timeout === null)) {
        throw rejection(
          'INVALID_ARGUMENT',
          'The changeset changes nothing: give the new retries or timeout',
          [{ path: '/changeset', message: 'give retries or timeout' }],
        );
      }
      await deps.engine.updateJob(key, { retries: retries ?? undefined, timeout: timeout ?? undefined });
      res.status(204).end();
    }),
  );
}
