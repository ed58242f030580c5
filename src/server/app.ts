import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { compress } from 'hono/compress';
import type { DatabaseHandle } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import type { TrustedProxies } from '../platform/client-address.js';
import { errorBody, handleError, rejectUnstorableInput } from '../platform/http.js';
import { hasDemoData } from '../modules/police-data/index.js';
import { sessionGuard } from '../modules/identity/index.js';
import type { AppEnv } from '../platform/policy.js';
import { hubModules } from '../modules/registry.js';
import { hubViews } from '../modules/composition.js';
import { dueRoutes } from './due.routes.js';
import { staticFiles } from './static.js';

const healthRoute = createRoute({
  method: 'get', path: '/api/health', summary: 'Whether the hub is up (no session needed): the database engine and whether it holds demo data',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), engine: z.string(), demo: z.boolean() }) } } } },
});

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Composition root for HTTP: wires every module's routes, the OpenAPI document and the web app. */
export interface AppOptions {
  auditKey: Buffer;
  secureCookies?: boolean;
  /** Reverse proxies whose X-Forwarded-For names the client (HUB_TRUSTED_PROXIES); none by default. */
  trustedProxies?: TrustedProxies;
  webRoot?: string;
}

export function createApp(handle: DatabaseHandle, opts: AppOptions) {
  const app = new OpenAPIHono<AppEnv>();
  const deps = { db: handle.db, auditKey: opts.auditKey };
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.onError(handleError);
  // Analyses return large GeoJSON (a force-wide grid is ~25 MB of JSON): compress API answers.
  app.use('/api/*', compress());

  app.openapi(healthRoute, async (c) => c.json({ status: 'ok', engine: handle.engine, demo: await hasDemoData(handle.db) }, 200));
  app.use('/api/*', sessionGuard(deps));
  // After the session check (401 first); before any route: bad JSON and unstorable text are 400s.
  app.use('/api/*', rejectUnstorableInput());
  // Every module's routes, from the registry (src/modules/registry.ts).
  const moduleDeps = { ...deps, hub: hubViews(), secureCookies: opts.secureCookies ?? false, ...(opts.trustedProxies ? { trustedProxies: opts.trustedProxies } : {}) };
  for (const m of hubModules) if (m.routes) app.route('/', m.routes(moduleDeps));
  // What is due, from every module's `due` list.
  app.route('/', dueRoutes());
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Prevention Hub API', version: '0.1.0', description: 'Neighbourhood policing and prevention: police open data, analysis and case work.' },
  });
  app.all('/api/*', (c) => c.json(errorBody(new AppError('not_found', `No API route ${c.req.method} ${c.req.path}`)), 404));
  app.get('*', staticFiles(opts.webRoot ?? webRoot));
  return app;
}
