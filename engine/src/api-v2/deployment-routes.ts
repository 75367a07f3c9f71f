import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SecureRouter } from '../http/secure-router.js';
import { sendAnswer, type Answer } from '../platform/idempotency/idempotency.js';
import type { Deployment, DeployResource } from '../process-engine/index.js';
import type { ApiDeps } from './api-deps.js';
import { tenantId } from './inputs.js';
import { fromEngineError, handle, parseRequest, rejection } from './problems.js';
import { deploymentGate } from './deployment-gate.js';
import { receiveResources } from './resource-upload.js';

const formFields = z.strictObject({ tenantId: tenantId.optional() });
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `POST /v2/deployments`: BPMN files as multipart `resources`; every problem of every file at once. */
export function deploymentRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.post(
    '/v2/deployments',
    'processes.deploy',
    deploymentGate(deps.limits),
    receiveResources,
    handle(async (req, res) => {
      const files = (req.files as Express.Multer.File[] | undefined) ?? [];
      const outcome = await deps.idempotency.execute(
        req,
        async (recordAs) => {
          const fields = parseRequest(formFields, req.body ?? {}, 'form');
          const resources = decodeResources(files);
          return deploymentAnswer(
            await deps.engine.deploy(resources, fields.tenantId, recordAs(deploymentAnswer)),
          );
        },
        {
          body: {
            fields: req.body ?? {},
            resources: files.map((f) => ({
              name: f.originalname,
              sha256: createHash('sha256').update(f.buffer).digest('hex'),
            })),
          },
          problemOf: fromEngineError,
        },
      );
      sendAnswer(res, outcome);
    }),
  );
}

function decodeResources(files: Express.Multer.File[]): DeployResource[] {
  if (files.length === 0) {
    throw rejection('INVALID_ARGUMENT', 'Expected to deploy at least one resource, but none given', [
      { path: '/resources', message: 'attach one or more files as the form field "resources"' },
    ]);
  }
  const undecodable: { path: string; message: string }[] = [];
  const resources = files.map((file, i) => {
    try {
      return { name: file.originalname, content: utf8.decode(file.buffer) };
    } catch {
      undecodable.push({ path: `/resources/${i}`, message: `${file.originalname}: not UTF-8 text` });
      return { name: file.originalname, content: '' };
    }
  });
  if (undecodable.length > 0) {
    throw rejection(
      'INVALID_ARGUMENT',
      `Resources must be UTF-8 XML: ${undecodable.map((u) => u.message).join('; ')}`,
      undecodable,
    );
  }
  return resources;
}

function deploymentAnswer(deployment: Deployment): Answer {
  return {
    status: 200,
    headers: {},
    body: {
      deploymentKey: deployment.deploymentKey,
      tenantId: deployment.tenantId,
      deployments: deployment.processes.map((p) => ({
        processDefinition: {
          processDefinitionId: p.bpmnProcessId,
          processDefinitionVersion: p.version,
          processDefinitionKey: p.processDefinitionKey,
          resourceName: p.resourceName,
          tenantId: p.tenantId,
        },
        decisionDefinition: null,
        decisionRequirements: null,
        form: null,
        resource: null,
      })),
    },
  };
}
