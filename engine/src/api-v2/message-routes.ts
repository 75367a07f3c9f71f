import { z } from 'zod';
import type { SecureRouter } from '../http/secure-router.js';
import { sendAnswer } from '../platform/idempotency/idempotency.js';
import type { ApiDeps } from './api-deps.js';
import type { CorrelatedMessage, PublishedMessage } from '../process-engine/index.js';
import { durationMs, tenantId, variables } from './inputs.js';
import { fromEngineError, handle, parseRequest } from './problems.js';

const publicationRequest = z.strictObject({
  name: z.string().min(1),
  correlationKey: z.string().optional(),
  timeToLive: durationMs.optional(),
  messageId: z.string().optional(),
  variables: variables.optional(),
  tenantId: tenantId.optional(),
});

const correlationRequest = z.strictObject({
  name: z.string().min(1),
  correlationKey: z.string().optional(),
  variables: variables.optional(),
  tenantId: tenantId.optional(),
});

export function messageRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.post(
    '/v2/messages/publication',
    'messages.publish',
    handle(async (req, res) => {
      const outcome = await deps.idempotency.execute(
        req,
        async (recordAs) => {
          const body = parseRequest(publicationRequest, req.body);
          const answerOf = (published: PublishedMessage) => ({
            status: 200,
            headers: {},
            body: { messageKey: published.messageKey, tenantId: published.tenantId },
          });
          return answerOf(await deps.engine.publishMessage(body, recordAs(answerOf)));
        },
        { problemOf: fromEngineError },
      );
      sendAnswer(res, outcome);
    }),
  );

  r.post(
    '/v2/messages/correlation',
    'messages.publish',
    handle(async (req, res) => {
      const outcome = await deps.idempotency.execute(
        req,
        async (recordAs) => {
          const body = parseRequest(correlationRequest, req.body);
          const answerOf = (correlated: CorrelatedMessage) => ({
            status: 200,
            headers: {},
            body: {
              messageKey: correlated.messageKey,
              tenantId: correlated.tenantId,
              processInstanceKey: correlated.processInstanceKey,
            },
          });
          return answerOf(await deps.engine.correlateMessage(body, recordAs(answerOf)));
        },
        { problemOf: fromEngineError },
      );
      sendAnswer(res, outcome);
    }),
  );
}
