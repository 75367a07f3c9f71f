/**
 * The engine's /v2 API as a client sees it: OAuth client credentials (the development demo client),
 * one token per server URL, fetched again after a 401 (a restarted process keeps its keys in the
 * shared data folder, but a token may still expire). Network errors surface as status 0.
 */
import { demoSecret } from './engine-process.js';

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

const tokens = new Map<string, string>();

async function token(base: string): Promise<string> {
  const cached = tokens.get(base);
  if (cached) return cached;
  const response = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'demo-integration',
      client_secret: demoSecret,
      audience: 'tramit-api',
    }).toString(),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
  const value = ((await response.json()) as { access_token: string }).access_token;
  tokens.set(base, value);
  return value;
}

/** One authenticated call; `body` is JSON unless it is already a string/FormData/Buffer. */
export async function call(
  base: string,
  method: string,
  pathname: string,
  body?: unknown,
  options: { timeoutMs?: number; contentType?: string } = {},
): Promise<Reply> {
  for (let attempt = 0; ; attempt++) {
    try {
      const raw = typeof body === 'string' || body instanceof FormData || body instanceof Uint8Array;
      const headers: Record<string, string> = { authorization: `Bearer ${await token(base)}` };
      if (body !== undefined && !(body instanceof FormData)) {
        headers['content-type'] = options.contentType ?? 'application/json';
      }
      const response = await fetch(`${base}${pathname}`, {
        method,
        headers,
        body: body === undefined ? undefined : raw ? (body as BodyInit) : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      if (response.status === 401 && attempt === 0) {
        tokens.delete(base);
        await response.body?.cancel();
        continue;
      }
      const text = await response.text();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        parsed = { text: text.slice(0, 200) };
      }
      return { status: response.status, body: parsed };
    } catch (error) {
      tokens.delete(base);
      return { status: 0, body: { error: String(error) } };
    }
  }
}

export async function deploy(base: string, name: string, xml: string): Promise<void> {
  const form = new FormData();
  form.append('resources', new File([xml], name, { type: 'application/xml' }));
  const reply = await call(base, 'POST', '/v2/deployments', form);
  if (reply.status !== 200) throw new Error(`deploy ${name}: ${reply.status} ${JSON.stringify(reply.body)}`);
}

export async function startInstance(
  base: string,
  processId: string,
  variables: Record<string, unknown>,
): Promise<Reply> {
  return call(base, 'POST', '/v2/process-instances', { processDefinitionId: processId, variables });
}

export interface ActivatedJob {
  jobKey: string;
  processInstanceKey: string;
  elementInstanceKey: string;
  deadline: number;
}

export async function activateJobs(
  base: string,
  type: string,
  worker: string,
  options: { max?: number; timeoutMs?: number; pollMs?: number } = {},
): Promise<ActivatedJob[]> {
  const reply = await call(
    base,
    'POST',
    '/v2/jobs/activation',
    {
      type,
      worker,
      maxJobsToActivate: options.max ?? 16,
      timeout: options.timeoutMs ?? 10_000,
      requestTimeout: options.pollMs ?? 1_000,
    },
    { timeoutMs: (options.pollMs ?? 1_000) + 20_000 },
  );
  if (reply.status !== 200) return [];
  return (reply.body.jobs as ActivatedJob[] | undefined) ?? [];
}

export function completeJob(base: string, jobKey: string): Promise<Reply> {
  return call(base, 'POST', `/v2/jobs/${jobKey}/completion`, {});
}

export async function completeUserTask(base: string, userTaskKey: string): Promise<number> {
  return (await call(base, 'POST', `/v2/user-tasks/${userTaskKey}/completion`, {})).status;
}
