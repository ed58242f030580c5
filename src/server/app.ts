import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { compress } from 'hono/compress';
import type { DatabaseHandle } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import type { TrustedProxies } from '../platform/client-address.js';
import { errorBody, handleError, rejectUnstorableInput } from '../platform/http.js';
import { boundaryRoutes } from '../modules/boundaries/index.js';
import { hasDemoData, policeDataRoutes } from '../modules/police-data/index.js';
import { identityRoutes, sessionGuard } from '../modules/identity/index.js';
import { auditRoutes } from '../modules/audit/index.js';
import type { AppEnv } from '../platform/policy.js';
import { hotspotRoutes } from '../modules/analytics/hotspots/hotspots.routes.js';
import { repeatRoutes } from '../modules/analytics/repeats/repeats.routes.js';
import { nearRepeatRoutes } from '../modules/analytics/near-repeat/index.js';
import { trendsRoutes } from '../modules/analytics/trends/trends.routes.js';
import { evaluationRoutes } from '../modules/analytics/evaluation/evaluation.routes.js';
import { problemRoutes } from '../modules/problems/index.js';
import { planRoutes } from '../modules/plans/index.js';
import { panelRoutes } from '../modules/panels/index.js';
import { peopleRoutes, placeRoutes } from '../modules/people/index.js';
import { partnerRoutes } from '../modules/partners/index.js';
import { configRoutes } from '../platform/config-store/index.js';
import { hubModules } from '../modules/registry.js';
import { staticFiles } from './static.js';

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

  app.get('/api/health', async (c) => c.json({ status: 'ok', engine: handle.engine, demo: await hasDemoData(handle.db) }));
  app.use('/api/*', sessionGuard(deps));
  // After the session check (401 first); before any route: bad JSON and unstorable text are 400s.
  app.use('/api/*', rejectUnstorableInput());
  app.route('/', identityRoutes({ ...deps, secureCookies: opts.secureCookies ?? false, ...(opts.trustedProxies ? { trustedProxies: opts.trustedProxies } : {}) }));
  app.route('/', auditRoutes(handle.db, opts.auditKey));
  app.route('/', policeDataRoutes(handle.db));
  app.route('/', boundaryRoutes(handle.db));
  app.route('/', hotspotRoutes(handle.db));
  app.route('/', repeatRoutes(handle.db));
  app.route('/', nearRepeatRoutes(handle.db));
  app.route('/', trendsRoutes(handle.db));
  app.route('/', evaluationRoutes(handle.db));
  app.route('/', peopleRoutes(handle.db, opts.auditKey));
  app.route('/', placeRoutes(handle.db, opts.auditKey));
  app.route('/', partnerRoutes(handle.db, opts.auditKey));
  app.route('/', problemRoutes(handle.db, opts.auditKey));
  app.route('/', planRoutes(handle.db, opts.auditKey));
  app.route('/', panelRoutes(handle.db, opts.auditKey));
  app.route('/', configRoutes(handle.db, opts.auditKey));
  for (const m of hubModules) if (m.routes) app.route('/', m.routes(deps));
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Prevention Hub API', version: '0.1.0', description: 'Neighbourhood policing and prevention: police open data, analysis and case work.' },
  });
  app.all('/api/*', (c) => c.json(errorBody(new AppError('not_found', `No API route ${c.req.method} ${c.req.path}`)), 404));
  app.get('*', staticFiles(opts.webRoot ?? webRoot));
  return app;
}
