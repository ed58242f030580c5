import { noDistrictLookup } from '../ingest/police-uk/fields.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../platform/policy.js';
import { openTestDatabase, type TestDatabase } from '../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../test-support/http.js';
import { createApp } from './app.js';
import { generateDemoData } from '../modules/demo/index.js';
import { importPoliceFiles } from '../modules/police-data/index.js';
import { MATRIX, seedPeopleMatrix } from '../modules/people/people-fixtures.js';
import fs from 'node:fs';
import { chromiumPath } from '../platform/document/index.js';
import { seedRouteMatrixProblems } from '../modules/problems/route-matrix.fixture.js';
import { MATRIX_PLANS as MP, seedPlansPanelsMatrix } from '../modules/panels/route-matrix.fixture.js';
import { MODULE_MATRICES, type MatrixRoute } from './route-matrix.modules.js';

const auditKey = Buffer.from('m'.repeat(32));
const everyone: Role[] = [...ROLES];
const allButAuditor: Role[] = ROLES.filter((r) => r !== 'auditor');

/** Every API route, and the roles that may use it. Others get 403; nobody signed in gets 401. */
const matrix: MatrixRoute[] = [
  { method: 'GET', path: '/api/me', allowed: everyone },
  { method: 'GET', path: '/api/openapi.json', allowed: everyone },
  { method: 'GET', path: '/api/meta', allowed: allButAuditor },
  { method: 'GET', path: '/api/incidents/counts?by=month', allowed: allButAuditor },
  { method: 'GET', path: '/api/boundaries?level=district', allowed: allButAuditor },
  { method: 'GET', path: '/api/incidents?limit=5', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  // A file with a bad header: the import runs (200, its summary names the error) and changes nothing.
  { method: 'POST', path: '/api/imports', body: { files: [{ name: '2025-01-matrix-street.csv', text: 'not,a,police,file\n1,2,3,4\n' }] }, allowed: ['admin', 'analyst'] },
  { method: 'GET', path: '/api/analytics/hotspots?method=kde&cell=500', allowed: allButAuditor },
  { method: 'GET', path: '/api/analytics/repeats', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'GET', path: '/api/analytics/knox?iterations=9', allowed: allButAuditor },
  { method: 'GET', path: '/api/analytics/chains?source=stop-search', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'GET', path: '/api/analytics/trend?to=2025-09', allowed: allButAuditor },
  { method: 'GET', path: '/api/analytics/kpis', allowed: allButAuditor },
  { method: 'GET', path: '/api/analytics/seasonal', allowed: allButAuditor },
  { method: 'GET', path: '/api/analytics/comparison?kind=month', allowed: allButAuditor },
  { method: 'POST', path: '/api/analytics/etest', body: { k1: 20, k2: 10 }, allowed: allButAuditor },
  { method: 'POST', path: '/api/analytics/wdd', body: { control: [20, 20], treated: [20, 10] }, allowed: allButAuditor },
  // WDD on the imported demo street data (X01... are generated LSOA codes with incidents every month)
  { method: 'GET', path: '/api/analytics/wdd?treated=X01000020&control=X01000061&start=2024-10&preMonths=6', allowed: allButAuditor },
  { method: 'POST', path: '/api/analytics/wdd/areas', body: { treated: { lsoa: ['X01000020'] }, control: { lsoa: ['X01000061'] }, start: '2024-10', preMonths: 6 }, allowed: allButAuditor },
  // What is due, from every module (a role without case work gets an empty list)
  { method: 'GET', path: '/api/due?horizon=30', allowed: everyone },
  { method: 'GET', path: '/api/users', allowed: ['admin'] },
  { method: 'POST', path: '/api/users', body: { username: 'matrix-new', role: 'analyst', password: 'plum river cake boat' }, allowed: ['admin'] },
  { method: 'PATCH', path: '/api/users/1', body: { displayName: 'Changed' }, allowed: ['admin'] },
  { method: 'GET', path: '/api/audit?limit=5', allowed: ['auditor'] },
  { method: 'GET', path: '/api/audit/verify', allowed: ['auditor'] },
  { method: 'GET', path: '/api/audit/export?reason=matrix%20test%20export', allowed: ['auditor'] },
  // people, places, vehicles, partner agencies (fixtures: seedPeopleMatrix)
  { method: 'GET', path: '/api/people?q=fixture', allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  { method: 'POST', path: '/api/people/duplicates', body: { givenName: 'Matrix', familyName: 'Fixture' }, allowed: ['admin', 'supervisor', 'officer'] },
  { method: 'POST', path: '/api/people', body: { givenName: 'New', familyName: 'Matrix', district: 'Thanet', confirmNew: true }, allowed: ['admin', 'supervisor', 'officer'] },
  { method: 'GET', path: '/api/people/repeats', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'GET', path: `/api/people/${MATRIX.person}`, allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  { method: 'PATCH', path: `/api/people/${MATRIX.person}`, body: { dateOfBirth: '1990-01-01' }, allowed: ['admin', 'supervisor', 'officer'] },
  { method: 'POST', path: `/api/people/${MATRIX.person}/aliases`, body: { givenName: 'Alias', familyName: 'Fixture' }, allowed: ['admin', 'supervisor', 'officer'] },
  { method: 'POST', path: `/api/people/${MATRIX.person}/addresses`, body: { address: '1 Matrix Road', district: 'Thanet' }, allowed: ['admin', 'supervisor', 'officer'] },
  { method: 'POST', path: `/api/people/${MATRIX.person}/links`, body: { recordType: 'problem', recordId: 'm1', role: 'witness', district: 'Thanet' }, allowed: ['admin', 'supervisor', 'officer'] },
  { method: 'POST', path: `/api/people/${MATRIX.person}/occurrences`, body: { role: 'victim', category: 'Violence', occurredOn: '2025-08-01', district: 'Thanet' }, allowed: ['admin', 'supervisor', 'officer'] },
  { method: 'POST', path: `/api/people/${MATRIX.person}/break-glass`, body: { reason: 'Route matrix: custody reference 1' }, allowed: ['supervisor', 'officer'] },
  { method: 'POST', path: `/api/people/${MATRIX.mergeFrom}/merge`, body: { into: MATRIX.mergeInto }, allowed: ['admin', 'supervisor'] },
  { method: 'POST', path: `/api/people/${MATRIX.mergeInto}/sharing`, body: { status: 'shared_without_consent', lawfulBasis: 'Crime and Disorder Act 1998 s115', agencyIds: [MATRIX.agency] }, allowed: ['admin', 'supervisor'] },
  { method: 'POST', path: `/api/people/${MATRIX.mergeInto}/transfer`, body: { agencyId: MATRIX.agency }, allowed: ['admin', 'supervisor'] },
  { method: 'GET', path: '/api/places?q=fixture', allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  { method: 'POST', path: '/api/places/duplicates', body: { address: '9001 Fixture Road' }, allowed: ['admin', 'supervisor', 'officer'] },
  { method: 'POST', path: '/api/places', body: { address: '7 New Street', district: 'Thanet', premisesType: 'shop', confirmNew: true }, allowed: ['admin', 'supervisor', 'officer'] },
  { method: 'GET', path: `/api/places/${MATRIX.place}`, allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  { method: 'POST', path: `/api/places/${MATRIX.placeFrom}/merge`, body: { into: MATRIX.placeInto }, allowed: ['admin', 'supervisor'] },
  { method: 'POST', path: `/api/places/${MATRIX.placeInto}/sharing`, body: { status: 'not_shared' }, allowed: ['admin', 'supervisor'] },
  { method: 'POST', path: `/api/places/${MATRIX.placeInto}/transfer`, body: { agencyId: MATRIX.agency }, allowed: ['admin', 'supervisor'] },
  { method: 'GET', path: '/api/vehicles?vrm=MX01', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: '/api/vehicles', body: { vrm: 'MX02 FIX', district: 'Thanet' }, allowed: ['admin', 'supervisor', 'officer'] },
  { method: 'GET', path: `/api/vehicles/${MATRIX.vehicle}`, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: `/api/vehicles/${MATRIX.vehicle}/people`, body: { personId: MATRIX.person, relation: 'driver' }, allowed: ['admin', 'supervisor', 'officer'] },
  { method: 'GET', path: '/api/partners', allowed: allButAuditor },
  { method: 'POST', path: '/api/partners', body: { name: 'Matrix New Agency', kind: 'health' }, allowed: ['admin'] },
  { method: 'PATCH', path: `/api/partners/${MATRIX.agency}`, body: { email: 'team@matrix.example' }, allowed: ['admin'] },
  // The configuration store (admin only)
  { method: 'GET', path: '/api/config?at=2026-07-01', allowed: ['admin'] },
  { method: 'GET', path: '/api/config/powers.s59.warning_required_before_seizure', allowed: ['admin'] },
  { method: 'POST', path: '/api/config', body: { key: 'powers.cpn.fpn_max_gbp', value: 500, effectiveFrom: '2030-01-01', source: 'Route matrix test' }, allowed: ['admin'] },
  // Problems (OSARA): 9001/9002 are seeded by seedRouteMatrixProblems (9001 ready to assess and close; 9002 ready for scanning).
  { method: 'GET', path: '/api/problems', allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  { method: 'POST', path: '/api/problems', body: { title: 'Matrix new problem', district: 'Thanet', statementType: 'behaviour' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'GET', path: '/api/problems/tasks', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'GET', path: '/api/problems/9001', allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  { method: 'PATCH', path: '/api/problems/9001', body: { lessons: 'Lighting worked best' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: '/api/problems/9002/stage', body: { stage: 'scanning' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: '/api/problems/9001/actions', body: { description: 'Patrols', mechanism: 'enforcement', status: 'done' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'PATCH', path: '/api/problems/9001/actions/9001', body: { status: 'done' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: '/api/problems/9001/assessment', body: {}, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'GET', path: '/api/problems/9001/counts', allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  { method: 'POST', path: '/api/problems/9001/people', body: { personId: 9101, role: 'offender' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'DELETE', path: '/api/problems/9001/people/9101', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: '/api/problems/9001/places', body: { placeId: 9101 }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'DELETE', path: '/api/problems/9001/places/9101', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: '/api/problems/9001/close', body: { reason: 'Objective met' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'GET', path: '/api/problems/9001/case-study', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'GET', path: '/api/problems/9001/case-study.html', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  ...(fs.existsSync(chromiumPath()) ? [{ method: 'GET', path: '/api/problems/9001/case-study.pdf', allowed: ['admin', 'analyst', 'supervisor', 'officer'] as Role[] }] : []),
  // Plans (PMPs) and panels: fixtures from seedPlansPanelsMatrix (plan MP.plan active in Thanet, panel MP.panel of Thanet).
  { method: 'GET', path: '/api/plans', allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  { method: 'GET', path: '/api/plans/tasks', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: '/api/plans', body: { personId: MP.person, subjectKind: 'repeat_victim', district: 'Thanet', summary: 'Matrix plan for a repeat victim' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'GET', path: `/api/plans/${MP.plan}`, allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  { method: 'PATCH', path: `/api/plans/${MP.plan}`, body: { summary: 'Matrix plan, changed' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: `/api/plans/${MP.plan}/status`, body: { to: 'paused', reason: 'Matrix pause' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: `/api/plans/${MP.plan}/risk-factors`, body: { factor: 'Matrix risk two', level: 'low' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'PATCH', path: `/api/plans/${MP.plan}/risk-factors/${MP.riskFactor}`, body: { note: 'Matrix note' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: `/api/plans/${MP.plan}/interventions`, body: { what: 'Matrix intervention', mechanism: 'engagement' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'PATCH', path: `/api/plans/${MP.plan}/interventions/${MP.intervention}`, body: { status: 'in_progress' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: `/api/plans/${MP.plan}/partner-actions`, body: { agencyId: MP.agency, action: 'Matrix partner action' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'PATCH', path: `/api/plans/${MP.plan}/partner-actions/${MP.partnerAction}`, body: { status: 'in_progress' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'POST', path: `/api/plans/${MP.plan}/reviews`, body: { outcome: 'Matrix review', nextReviewDue: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
  { method: 'GET', path: '/api/panels', allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  { method: 'GET', path: '/api/panels/reviews?problem=9001', allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  // a fresh panel name on every request (names are unique): the getter runs when the body is copied
  { method: 'POST', path: '/api/panels', body: { get name() { return `Matrix panel ${Math.random().toString(36).slice(2)}`; }, kind: 'other', districts: ['Thanet'] }, allowed: ['admin', 'supervisor'] },
  { method: 'GET', path: `/api/panels/${MP.panel}`, allowed: ['admin', 'analyst', 'supervisor', 'officer', 'partner'] },
  { method: 'POST', path: `/api/panels/${MP.panel}/meetings`, body: { heldOn: '2026-02-12', attendees: [{ name: 'Matrix attendee' }] }, allowed: ['admin', 'supervisor'] },
  { method: 'POST', path: `/api/panels/${MP.panel}/meetings/${MP.meeting}/agenda`, body: { planId: MP.plan, note: 'Matrix review note' }, allowed: ['admin', 'supervisor'] },
  { method: 'PATCH', path: `/api/panels/${MP.panel}/agenda/${MP.agendaItem}`, body: { note: 'Matrix note' }, allowed: ['admin', 'supervisor'] },
  { method: 'POST', path: `/api/panels/${MP.panel}/meetings/${MP.meeting}/decisions`, body: { text: 'Matrix decision' }, allowed: ['admin', 'supervisor'] },
  { method: 'POST', path: `/api/panels/${MP.panel}/meetings/${MP.meeting}/actions`, body: { description: 'Matrix action two', ownerName: 'Matrix owner' }, allowed: ['admin', 'supervisor'] },
  { method: 'PATCH', path: `/api/panels/${MP.panel}/actions/${MP.action}`, body: { status: 'done' }, allowed: ['admin', 'supervisor'] },
];

describe('route x role matrix', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const sessions = {} as Record<Role, Session>;

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    // A little generated street data so the analyses have something to work on.
    const demo = generateDemoData({ months: 24 });
    await importPoliceFiles(
      t.handle.db,
      demo.streetFiles.map((f) => ({ label: f.name, name: f.name, bytes: f.text.length, read: async () => f.text })),
      { by: 'cli:test', districts: noDistrictLookup },
    );
    const users = await createRoleUsers(t.handle.db, auditKey);
    await seedPeopleMatrix(t.handle.db);
    for (const role of ROLES) sessions[role] = await signInAs(app, users[role]);
    await seedRouteMatrixProblems(t.handle.db);
    await seedPlansPanelsMatrix(t.handle.db);
    for (const m of MODULE_MATRICES) await m.seed?.(t.handle.db, auditKey);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  for (const route of [...matrix, ...MODULE_MATRICES.flatMap((m) => m.routes)]) {
    it(`${route.method} ${route.path}: 401 signed out, 2xx for ${route.allowed.join('/')}, 403 for the rest`, async () => {
      const anon = await asUser(app, null, route.path, { method: route.method, body: route.body });
      expect(anon.status).toBe(401);
      for (const role of ROLES) {
        const body = route.method === 'POST' && route.body ? { ...(route.body as object), username: `m-${role}` } : route.body;
        const path = route.pathFor ? route.pathFor(role) : route.path;
        const res = await asUser(app, sessions[role], path, { method: route.method, body });
        if (route.allowed.includes(role)) expect([200, 201, 204], `${role}: ${await res.clone().text()}`).toContain(res.status);
        else expect(res.status, role).toBe(403);
      }
    });
  }

  // The router, the OpenAPI document and the matrix list the same routes (method + path template).
  const isParam = (seg: string) => seg.startsWith(':') || (seg.startsWith('{') && seg.endsWith('}'));
  const template = (path: string) => path.split('/').map((seg) => (isParam(seg) ? '{}' : seg)).join('/');
  const routerRoutes = () =>
    [...new Set(app.routes
      .filter((r) => r.path.startsWith('/api/') && !r.path.includes('*') && r.method !== 'ALL')
      .map((r) => `${r.method} ${template(r.path)}`))].sort();
  /** Whether a concrete matrix path (ids filled in, maybe a query) is served by a route template. */
  const matches = (routeKey: string, method: string, path: string) => {
    const [m, t] = routeKey.split(' ') as [string, string];
    if (m !== method) return false;
    const want = t.split('/');
    const got = path.split('?')[0]!.split('/');
    return want.length === got.length && want.every((seg, i) => seg === '{}' || seg === got[i]);
  };
  const matrixRoutes = () => [...matrix, ...MODULE_MATRICES.flatMap((m) => m.routes)];
  /**
   * Routes with no row in the role matrix: used without a session (health, sign-in), or ending or
   * changing the session itself (sign-out, sign-out everywhere, password change), which every
   * role may do; each is tested below or in identity's sign-in tests.
   */
  const openRoutes = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/logout-all', 'POST /api/auth/password'];

  it('every route the router serves is in the OpenAPI document, and the document lists no route the router does not serve', async () => {
    const doc = (await (await asUser(app, sessions.admin, '/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${template(path)}`)).sort();
    // The document itself is served by the router but does not describe itself.
    const served = routerRoutes().filter((r) => r !== 'GET /api/openapi.json');
    expect(served.filter((r) => !documented.includes(r)), 'served but missing from the OpenAPI document').toEqual([]);
    expect(documented.filter((r) => !served.includes(r)), 'in the OpenAPI document but not served').toEqual([]);
  });

  it('every route the router serves has a row in the role matrix (its own list or a module matrix), and every row names a route the router serves', () => {
    const served = routerRoutes();
    const rows = matrixRoutes();
    const missing = served.filter((r) => !openRoutes.includes(r) && !rows.some((row) => matches(r, row.method, row.path)));
    expect(missing, 'served but missing from the route matrix (add a row to its module matrix)').toEqual([]);
    const unserved = rows.filter((row) => !served.some((r) => matches(r, row.method, row.path))).map((row) => `${row.method} ${row.path}`);
    expect(unserved, 'in the route matrix but not served').toEqual([]);
  });

  it('health and sign-in are the only routes open without a session', async () => {
    expect((await app.request('/api/health')).status).toBe(200);
    expect((await app.request('/api/nonexistent')).status).toBe(401);
  });

  it('refuses state-changing requests without the CSRF token, or with a wrong one', async () => {
    const s = sessions.admin;
    const body = { username: 'csrf-x', role: 'analyst', password: 'plum river cake boat' };
    expect((await asUser(app, s, '/api/users', { method: 'POST', body, csrf: false })).status).toBe(403);
    expect((await asUser(app, { ...s, csrf: 'wrong' }, '/api/users', { method: 'POST', body })).status).toBe(403);
  });

  it('refuses a cross-site sign-in by its Origin', async () => {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', host: 'hub.local' },
      body: JSON.stringify({ username: 'admin1', password: 'x' }),
    });
    expect(res.status).toBe(403);
  });

  it('issues a fresh session on sign-in (fixation) and sign-out ends it', async () => {
    const a = await signInAs(app, 'analyst1');
    const b = await signInAs(app, 'analyst1');
    expect(a.cookie).not.toBe(b.cookie);
    const planted = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: a.cookie },
      body: JSON.stringify({ username: 'analyst1', password: 'granite otter lantern sky' }),
    });
    expect(planted.headers.get('set-cookie')?.split(';')[0]).not.toBe(a.cookie);
    expect((await asUser(app, a, '/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await asUser(app, a, '/api/me')).status).toBe(401);
    expect((await asUser(app, b, '/api/me')).status).toBe(200);
    const all = await asUser(app, b, '/api/auth/logout-all', { method: 'POST' });
    expect(all.status).toBe(200);
    expect((await asUser(app, b, '/api/me')).status).toBe(401);
  });

  it('answers 401 for a wrong password and locks the account after five failures, answering as for an unknown name', async () => {
    const bad = () => app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'officer1', password: 'not the password at all' }) });
    for (let i = 0; i < 5; i++) expect((await bad()).status).toBe(401);
    const locked = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'officer1', password: 'granite otter lantern sky' }) });
    const unknown = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody-here', password: 'granite otter lantern sky' }) });
    expect(locked.status).toBe(401);
    expect(await locked.json()).toEqual(await unknown.json());
  });

  it('treats SQL injection strings in filters as plain values', async () => {
    const s = sessions.admin;
    for (const evil of ["' or 1=1 --", "Thanet'; drop table incident; --", '"; select pg_sleep(5); --']) {
      const q = encodeURIComponent(evil);
      const counts = await asUser(app, s, `/api/incidents/counts?by=district&district=${q}&category=${q}`);
      expect(counts.status).toBe(200);
      expect(((await counts.json()) as { total: number }).total).toBe(0);
      const list = await asUser(app, s, `/api/incidents?district=${q}&outcome=${q}&lsoa=${q}`);
      expect(list.status).toBe(200);
      const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: evil, password: evil }) });
      expect(login.status).toBe(401);
    }
    expect((await asUser(app, s, '/api/incidents/counts?by=month')).status).toBe(200);
  });
});
