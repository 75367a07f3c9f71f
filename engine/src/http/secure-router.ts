import { Router, type RequestHandler } from 'express';
import type { RoutePermission } from '../platform/auth/rbac.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInfo {
  method: Method;
  path: string;
  permission: RoutePermission;
}

/**
 * The only way routes are added: each declares its permission, which is checked before any handler.
 * The list of routes is kept so tests (and docs) can see every route and what it requires.
 */
export class SecureRouter {
  readonly router = Router();
  readonly routes: RouteInfo[] = [];

  constructor(private readonly guardFor: (permission: RoutePermission) => RequestHandler) {}

  get(path: string, permission: RoutePermission, ...handlers: RequestHandler[]): this {
    return this.add('get', path, permission, handlers);
  }
  post(path: string, permission: RoutePermission, ...handlers: RequestHandler[]): this {
    return this.add('post', path, permission, handlers);
  }
  put(path: string, permission: RoutePermission, ...handlers: RequestHandler[]): this {
    return this.add('put', path, permission, handlers);
  }
  patch(path: string, permission: RoutePermission, ...handlers: RequestHandler[]): this {
    return this.add('patch', path, permission, handlers);
  }
  delete(path: string, permission: RoutePermission, ...handlers: RequestHandler[]): this {
    return this.add('delete', path, permission, handlers);
  }

  private add(method: Method, path: string, permission: RoutePermission, handlers: RequestHandler[]): this {
    this.routes.push({ method, path, permission });
    this.router[method](path, this.guardFor(permission), ...handlers);
    return this;
  }
}
