import { z } from 'zod';
import type { SecureRouter } from '../http/secure-router.js';
import type { ApiDeps } from './api-deps.js';
import { durationMs, tenantId, variables } from './inputs.js';
import { handle, parseRequest } from './problems.js';

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
      const body = parseRequest(publicationRequest, req.body);
      const published = await deps.engine.publishMessage(body);
      res.json({ messageKey: published.messageKey, tenantId: published.tenantId });
    }),
  );

  r.post(
    '/v2/messages/correlation',
    'messages.publish',
    handle(async (req, res) => {
      const body = parseRequest(correlationRequest, req.body);
      const correlated = await deps.engine.correlateMessage(body);
      res.json({
        messageKey: correlated.messageKey,
        tenantId: correlated.tenantId,
        processInstanceKey: correlated.processInstanceKey,
      });
    }),
  );
}
