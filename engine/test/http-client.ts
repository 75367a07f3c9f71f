import type { Db } from '../src/infra/db/create-knex.js';
import { createUser } from '../src/platform/auth/users-repo.js';
import type { Role } from '../src/platform/auth/roles.js';

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function request<T = Record<string, unknown>>(
  url: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<JsonResponse<T>> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const response = await fetch(url, { ...init, headers, body, redirect: 'manual' });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

let counter = 0;

/** A user with one role and a known password, for tests. */
export async function createTestUser(db: Db, role: Role): Promise<{ username: string; password: string }> {
  const username = `${role}-${process.pid}-${++counter}`;
  const password = `pw-${role}-correct-horse`;
  await createUser(db, { username, displayName: `Test ${role}`, password, roles: [role] });
  return { username, password };
}

/** A signed-in browser: keeps the session cookie and sends the CSRF token on writes. */
export class BrowserSession {
  cookie = '';
  csrfToken = '';

  constructor(private readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<JsonResponse> {
    const response = await request(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      json: { username, password },
    });
    return this.adopt(response);
  }

  /** Keeps the session cookie and CSRF token a response brings (a login or its second step). */
  adopt<T extends JsonResponse>(response: T): T {
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    if (typeof response.body?.csrfToken === 'string') this.csrfToken = response.body.csrfToken;
    return response;
  }

  send<T = Record<string, unknown>>(
    path: string,
    init: RequestInit & { json?: unknown; csrf?: boolean } = {},
  ): Promise<JsonResponse<T>> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    if (init.csrf !== false && this.csrfToken && (init.method ?? 'GET') !== 'GET') {
      headers.set('x-csrf-token', this.csrfToken);
    }
    return request<T>(`${this.baseUrl}${path}`, { ...init, headers });
  }
}
