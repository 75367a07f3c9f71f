import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createCamundaClient, type CamundaClient } from '@camunda8/orchestration-cluster-api';
import { createClient } from '../src/platform/auth/clients-repo.js';
import type { Role } from '../src/platform/auth/roles.js';
import { request, type JsonResponse } from './http-client.js';
import type { TestServer } from './test-server.js';

/** The official Camunda SDK, unmodified, signed in with an OAuth client of this Tramit. */
export interface SdkAccess {
  client: CamundaClient;
  clientId: string;
  /** A bearer token for the same OAuth client, for raw HTTP calls. */
  token: string;
}

let counter = 0;

/**
 * `validation` defaults to strict both ways. Note: SDK 9.1.5 with `req:strict` drops `from`, `after`
 * and `before` from search pages (its union of page schemas strips them), so paging needs `req:none`.
 */
export async function sdkAccess(
  server: TestServer,
  options: { roles?: Role[]; validation?: string } = {},
): Promise<SdkAccess> {
  const roles = options.roles ?? ['admin'];
  const clientId = `sdk-${process.pid}-${++counter}`;
  const secret = randomBytes(18).toString('base64url');
  await createClient(server.tramit.db, { clientId, name: 'Camunda SDK', secret, roles });
  const client = createCamundaClient({
    config: {
      CAMUNDA_REST_ADDRESS: server.url,
      CAMUNDA_AUTH_STRATEGY: 'OAUTH',
      CAMUNDA_OAUTH_URL: `${server.url}/oauth/token`,
      CAMUNDA_CLIENT_ID: clientId,
      CAMUNDA_CLIENT_SECRET: secret,
      CAMUNDA_TOKEN_AUDIENCE: 'tramit-api',
      CAMUNDA_SDK_VALIDATION: options.validation ?? 'req:strict,res:strict',
      CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1,
      CAMUNDA_SDK_LOG_LEVEL: 'silent',
    },
  });
  const response = await request<{ access_token: string }>(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
      audience: 'tramit-api',
    }).toString(),
  });
  return { client, clientId, token: response.body.access_token };
}

const fixtures = path.join(import.meta.dirname, '../src/api-v2/fixtures');

export async function fixtureFile(name: string): Promise<File> {
  return new File([await readFile(path.join(fixtures, name))], name, { type: 'application/xml' });
}

/** A raw v2 call with a bearer token (JSON body when given). */
export function v2<T = Record<string, unknown>>(
  server: TestServer,
  token: string,
  method: string,
  pathname: string,
  json?: unknown,
): Promise<JsonResponse<T>> {
  return request<T>(`${server.url}/v2${pathname}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
    ...(json === undefined ? {} : { json }),
  });
}

/** `POST /v2/deployments` with the given files, as raw multipart. */
export function deployFiles(server: TestServer, token: string, files: File[]): Promise<JsonResponse> {
  const form = new FormData();
  for (const file of files) form.append('resources', file);
  return request(`${server.url}/v2/deployments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

/** Polls until `check` returns a value (or fails after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
