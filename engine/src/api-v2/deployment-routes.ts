import { z } from 'zod';
import type { SecureRouter } from '../http/secure-router.js';
import type { ApiDeps } from './api-deps.js';
import { tenantId } from './inputs.js';
import { handle, parseRequest, rejection } from './problems.js';
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
      const fields = parseRequest(formFields, req.body ?? {}, 'form');
      const files = (req.files as Express.Multer.File[] | undefined) ?? [];
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
      const deployment = await deps.engine.deploy(resources, fields.tenantId);
      res.json({
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
      });
    }),
  );
}
