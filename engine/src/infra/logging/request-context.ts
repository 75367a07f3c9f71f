import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  kind: 'user' | 'client' | 'engine';
  id: string;
}

export interface RequestContext {
  requestId: string;
  actor?: Actor;
  /**
   * How the actor reached us: a browser session ('ui'), a bearer token of an integration client
   * ('integration'), or another bearer token, such as an operator's script ('api').
   */
  channel?: 'ui' | 'api' | 'integration';
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
