import path from 'node:path';
import { findInRepository } from '../infra/config/find-up.js';
import express, { type RequestHandler, type Router } from 'express';
import { unavailable } from '../infra/errors/app-error.js';

const apiPrefixes = ['/api/', '/v2/', '/oauth/', '/.well-known/', '/health', '/ready', '/metrics'];

/** The production build of designer/. */
export function findDesignerDir(configured: string | undefined): string | undefined {
  return configured ? path.resolve(configured) : findInRepository('designer/dist', 'index.html');
}

/** Serves the browser app: hashed assets cached for a year, index.html for every app route. */
export function designerApp(dir: string | undefined): Router {
  const router = express.Router();
  const isAppRoute: (path: string) => boolean = (p) => !apiPrefixes.some((prefix) => p.startsWith(prefix));
  if (!dir) {
    const missing: RequestHandler = (req, _res, next) =>
      req.method === 'GET' && isAppRoute(req.path) && req.accepts('html')
        ? next(unavailable('The browser app has not been built: run `npm run build`.'))
        : next();
    router.use(missing);
    return router;
  }
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false }),
  );
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.use((req, res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && isAppRoute(req.path) && req.accepts('html')) {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(dir, 'index.html'));
      return;
    }
    next();
  });
  return router;
}
