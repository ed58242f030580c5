import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../platform/policy.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../../test-support/http.js';
import { createApp } from '../../server/app.js';
import { makeContext } from '../../platform/module/context.js';
import { londonDate } from '../../platform/time/london.js';
import { operationsModule } from './index.js';
import { operationsSection } from './operations.report.js';

const auditKey = Buffer.from('p'.repeat(32));
const Q3 = { quarter: '2025Q3', from: '2025-07-01', to: '2025-09-30', previousYear: { from: '2024-07-01', to: '2024-09-30' }, asOf: londonDate(new Date()) };

describe('named operations over HTTP', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<Role, Session>;
  const call = (role: Role, path: string, method = 'GET', body?: unknown) => asUser(app, s[role], path, { method, ...(body !== undefined ? { body } : {}) });
  const cli = (scope: Parameters<typeof makeContext>[0]['scope'] = { kind: 'all' }) => makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope });
  const audits = async (type: string) => Number((await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = ${type}`.execute(t.handle.db)).rows[0]!.n);

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    for (const role of ROLES) s[role] = await signInAs(app, users[role]);
    await sql`insert into partner_agency (name, kind) values ('Kent Police', 'police') on conflict (name) do nothing`.execute(t.handle.db);
    const police = sql`(select id from partner_agency where name = 'Kent Police')`;
    // Venues: two licensed premises in Thanet (Margate), one in Dover, one home.
    await sql`insert into place (id, name, address, lat, lon, district, premises_type, owning_agency_id, created_by) values
      (801, 'The Lighthouse', '1 Marine Parade', 51.3890, 1.3800, 'Thanet', 'licensed_premises', ${police}, 'cli:test'),
      (802, 'Harbour Bar', '2 Harbour Arm', 51.3900, 1.3780, 'Thanet', 'licensed_premises', ${police}, 'cli:test'),
      (803, 'Dover Tap', '3 Market Square', 51.1250, 1.3130, 'Dover', 'licensed_premises', ${police}, 'cli:test'),
      (804, null, '4 Home Road', 51.3800, 1.3900, 'Thanet', 'residential', ${police}, 'cli:test')`.execute(t.handle.db);
    await sql`insert into user_district (user_id, district) select id, d from app_user, (values ('Dover'), ('Canterbury')) as x(d) where username = 'analyst1'`.execute(t.handle.db);
    await sql`insert into person (id, given_name, family_name, recorded_district, owning_agency_id, created_by) values (807, 'Lena', 'Landlady', 'Thanet', ${police}, 'cli:test')`.execute(t.handle.db);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  let op = 0;
  let dep = 0;
  let dover = 0;
  it('creates an operation (supervisor in their districts only; names unique; bad input names the field)', async () => {
    const r = await call('admin', '/api/operations', 'POST', { name: 'Pilot', objectives: 'Targets drug use and possession in licensed premises', districts: ['Thanet', 'dover'], startsOn: '2025-06-01', endsOn: '2025-12-31' });
    expect(r.status, await r.clone().text()).toBe(201);
    const o = (await r.json()) as { id: number; title: string; districts: string[] };
    expect(o).toMatchObject({ title: 'Operation Pilot', districts: ['Thanet', 'Dover'] });
    op = o.id;
    expect((await call('admin', '/api/operations', 'POST', { name: 'pilot', objectives: 'x', districts: ['Thanet'], startsOn: '2025-06-01' })).status).toBe(409);
    expect((await call('supervisor', '/api/operations', 'POST', { name: 'Vigilant', objectives: 'x', districts: ['Dover'], startsOn: '2025-06-01' })).status).toBe(403);
    expect((await call('officer', '/api/operations', 'POST', { name: 'Vigilant', objectives: 'x', districts: ['Thanet'], startsOn: '2025-06-01' })).status).toBe(403);
    const bad = await call('admin', '/api/operations', 'POST', { name: 'Operation Vigilant', objectives: 'x', districts: [], startsOn: '2025-13-01' });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();
    expect(fields).toEqual(['districts', 'name', 'startsOn']);
    expect(await audits('operation')).toBe(1 + 1); // the create and its view
  });

  it('records deployments: dates, districts, tactics from the list and venues checked; refusals change nothing', async () => {
    const body = { deployedOn: '2025-07-11', startTime: '21:00', endTime: '03:00', district: 'thanet', tactics: ['passive drugs dog', 'Drug swabbing', 'High visibility'], venues: [801, 802] };
    const r = await call('officer', `/api/operations/${op}/deployments`, 'POST', body);
    expect(r.status).toBe(201);
    const d = (await r.json()) as { id: number; tactics: string[]; venues: { name: string }[]; district: string; resultsDue: string };
    expect(d).toMatchObject({ tactics: ['Passive drugs dog', 'Drug swabbing', 'High visibility'], district: 'Thanet', resultsDue: '2025-07-14' });
    expect(d.venues.map((v) => v.name)).toEqual(['Harbour Bar', 'The Lighthouse']);
    dep = d.id;
    const before = await audits('operation_deployment');
    const refused = await call('officer', `/api/operations/${op}/deployments`, 'POST', { ...body, deployedOn: '2025-05-31', tactics: ['Horse patrol'] });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { findings: { rule: string }[] } }).error.findings.map((f) => f.rule)).toEqual(['operation.deployment_in_dates', 'operation.tactics']);
    expect((await call('officer', `/api/operations/${op}/deployments`, 'POST', { ...body, district: 'Dover', venues: [803] })).status).toBe(403);
    const home = await call('officer', `/api/operations/${op}/deployments`, 'POST', { ...body, venues: [804] });
    expect(home.status).toBe(400);
    expect(((await home.json()) as { error: { message: string } }).error.message).toBe('venues.0: place 804 is a home, not a venue');
    const elsewhere = await call('admin', `/api/operations/${op}/deployments`, 'POST', { ...body, venues: [803] });
    expect(((await elsewhere.json()) as { error: { message: string } }).error.message).toBe('venues.0: place 803 is in Dover, not Thanet');
    expect((await call('officer', `/api/operations/${op}/deployments`, 'POST', { ...body, startTime: '25:00' })).status).toBe(400);
    expect((await call('analyst', `/api/operations/${op}/deployments`, 'POST', body)).status).toBe(403);
    expect(await audits('operation_deployment')).toBe(before);
    dover = ((await (await call('admin', `/api/operations/${op}/deployments`, 'POST', { ...body, district: 'Dover', venues: [803], deployedOn: '2025-08-01' })).json()) as { id: number }).id;
  });

  it('records results once the deployment has happened; a correction is audited with what changed, the same again changes nothing', async () => {
    const res = { arrests: 1, stopSearches: 7, outOfCourtResolutions: 3, engagements: 45, intelligenceSubmissions: 4, seizures: 2, seizureNotes: 'Cannabis' };
    const r = await call('officer', `/api/operations/deployments/${dep}/results`, 'POST', res);
    expect(r.status, await r.clone().text()).toBe(200);
    expect(((await r.json()) as { results: { stopSearches: number }; resultsDue: null }).results.stopSearches).toBe(7);
    const n = await audits('operation_result');
    expect((await call('officer', `/api/operations/deployments/${dep}/results`, 'POST', res)).status).toBe(200);
    expect(await audits('operation_result')).toBe(n);
    await call('officer', `/api/operations/deployments/${dep}/results`, 'POST', { ...res, engagements: 50 });
    const last = (await sql<{ details: { changed: unknown } }>`select details from audit_log where record_type = 'operation_result' order by id desc limit 1`.execute(t.handle.db)).rows[0]!;
    expect(last.details.changed).toEqual({ engagements: { from: 45, to: 50 } });
    expect((await call('officer', `/api/operations/deployments/${dep}/results`, 'POST', { ...res, arrests: -1 })).status).toBe(400);
    expect((await call('officer', `/api/operations/deployments/${dover}/results`, 'POST', res)).status).toBe(404); // Dover is not the officer's district
    const future = ((await (await call('admin', `/api/operations/${op}/deployments`, 'POST', { deployedOn: '2025-12-31', startTime: '20:00', endTime: '23:00', district: 'Thanet' })).json()) as { id: number }).id;
    await sql`update operation_deployment set deployed_on = '2099-01-01' where id = ${future}`.execute(t.handle.db);
    const refused = await call('admin', `/api/operations/deployments/${future}/results`, 'POST', res);
    expect(refused.status).toBe(422);
    await sql`delete from operation_deployment where id = ${future}`.execute(t.handle.db);
  });

  it('feedback: consent recorded; partners see only publishable quotes and never who gave them; officers their districts', async () => {
    const lic = await call('officer', `/api/operations/${op}/feedback`, 'POST', { deploymentId: dep, sourceKind: 'licensee', attribution: 'Licensee, Margate', givenByName: 'Lena Landlady', personId: 807, quote: 'Having the officers and dogs on site was reassuring.', receivedOn: '2025-07-14', consent: { toPublish: true, recordedOn: '2025-07-15' } });
    expect(lic.status).toBe(201);
    expect(await lic.json()).toMatchObject({ publishable: true, givenByName: 'Lena Landlady', personId: 807, district: 'Thanet' });
    const pub = await call('officer', `/api/operations/${op}/feedback`, 'POST', { district: 'Thanet', sourceKind: 'public', attribution: 'Member of the public', quote: 'Felt safer.', receivedOn: '2025-07-12', consent: { toPublish: false } });
    const pubId = ((await pub.json()) as { id: number }).id;
    const noDay = await call('officer', `/api/operations/${op}/feedback`, 'POST', { district: 'Thanet', sourceKind: 'public', attribution: 'X', quote: 'Y', receivedOn: '2025-07-12', consent: { toPublish: true } });
    expect(noDay.status).toBe(400);
    expect(((await noDay.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe('consent.recordedOn');
    await call('admin', `/api/operations/${op}/feedback`, 'POST', { district: 'Dover', sourceKind: 'licensee', attribution: 'Licensee, Dover', quote: 'Dover quote', receivedOn: '2025-08-02', consent: { toPublish: true, recordedOn: '2025-08-02' } });

    const partner = (await (await call('partner', `/api/operations/${op}`)).json()) as { feedback: Record<string, unknown>[]; deploymentList: unknown[] };
    expect(partner.feedback.map((f) => f.attribution).sort()).toEqual(['Licensee, Dover', 'Licensee, Margate']);
    expect(partner.feedback.every((f) => !('givenByName' in f) && !('personId' in f))).toBe(true);
    expect(partner.deploymentList).toHaveLength(2);
    const officer = (await (await call('officer', `/api/operations/${op}`)).json()) as { feedback: { attribution: string }[]; deploymentList: { district: string }[]; totals: { stopSearches: number } };
    expect(officer.feedback.map((f) => f.attribution).sort()).toEqual(['Licensee, Margate', 'Member of the public']);
    expect(officer.deploymentList.map((d) => d.district)).toEqual(['Thanet']);
    expect(officer.totals.stopSearches).toBe(7);
    expect((await call('auditor', `/api/operations/${op}`)).status).toBe(403);
    // consent given later, then withdrawn
    expect(((await (await call('officer', `/api/operations/feedback/${pubId}/consent`, 'POST', { toPublish: true, recordedOn: '2025-07-20' })).json()) as { publishable: boolean }).publishable).toBe(true);
    expect(((await (await call('officer', `/api/operations/feedback/${pubId}/consent`, 'POST', { toPublish: false })).json()) as { publishable: boolean }).publishable).toBe(false);
  });

  it('matches recorded stop searches to the published data by time and place and by operation name', async () => {
    const ss = (id: number, at: string, lat: number | null, lon: number | null, operation: string | null) =>
      sql`insert into stop_search (id, snapshot_id, line_no, force, month, search_type, occurred_at, part_of_operation, operation, latitude, longitude, has_location)
        values (${id}, 1, ${id}, 'kent', '2025-07-01', 'Person search', ${at}, ${operation !== null}, ${operation}, ${lat}, ${lon}, ${lat !== null})`.execute(t.handle.db);
    await ss(1, '2025-07-11T21:30:00Z', 51.3891, 1.3801, null); // at The Lighthouse during the deployment
    await ss(2, '2025-07-12T01:10:00Z', null, null, 'Operation Pilot'); // names the operation, no location
    await ss(3, '2025-07-11T22:00:00Z', 51.3500, 1.3800, null); // 4.3 km away
    await ss(4, '2025-07-11T22:00:00Z', 51.3890, 1.3800, 'Op Vigilant'); // another operation
    await ss(5, '2025-07-13T22:00:00Z', 51.3890, 1.3800, null); // another night: not listed
    const m = (await (await call('officer', `/api/operations/${op}/stop-search-matching`)).json()) as {
      deployments: { deploymentId: number; recorded: number; matched: number; byOperation: number; byTimeAndPlace: number; notFound: number; searches: { id: number; basis: string }[] }[];
      unmatched: { id: number; reason: string }[]; provenance: { dataCutoff: string; configVersion: string };
    };
    expect(m.deployments).toHaveLength(1); // the officer's district only
    expect(m.deployments[0]).toMatchObject({ deploymentId: dep, recorded: 7, matched: 2, byOperation: 1, byTimeAndPlace: 1, notFound: 5 });
    expect(m.deployments[0]!.searches.map((x) => [x.id, x.basis])).toEqual([[1, 'time_place'], [2, 'operation']]);
    expect(m.unmatched.map((u) => [u.id, u.reason])).toEqual([[3, 'too_far'], [4, 'other_operation']]);
    expect(m.provenance).toMatchObject({ dataCutoff: '2025-07-01', configVersion: 'default:operations.stop_search_matching@1' });
    expect((await call('partner', `/api/operations/${op}/stop-search-matching`)).status).toBe(403);
  });

  it('the report section: results by operation and by deployment, consented quotes only; what is due; subject access', async () => {
    const sec = await operationsSection(cli(), Q3);
    expect(sec.figures.map((f) => [f.id, f.count])).toEqual([['deployments', 2], ['deployments-without-results', 1]]);
    expect(sec.tables.map((x) => x.id)).toEqual(['results-by-operation', `deployments-${op}`]);
    expect(sec.tables[1]).toMatchObject({ rows: ['Thanet, 11 Jul 2025'], cells: [[1, 7, 3, 50, 4, 2]] });
    expect(sec.notes[0]).toBe('Operation Pilot (Targets drug use and possession in licensed premises) was deployed in Dover and Thanet using tactics such as passive drugs dog, drug swabbing and high visibility.');
    expect(sec.notes.slice(1)).toEqual(['“Having the officers and dogs on site was reassuring.” Licensee, Margate. (Operation Pilot; published with consent.)', '“Dover quote” Licensee, Dover. (Operation Pilot; published with consent.)']);
    const thanet = await operationsSection(cli({ kind: 'districts', districts: ['Thanet'] }), Q3);
    expect(thanet.notes.some((n) => n.includes('Dover quote'))).toBe(false);
    expect((await operationsSection(cli(), { ...Q3, asOf: '2026-12-01' })).notes).toEqual(['No deployments of named operations are recorded for the quarter.']); // as it stood before they were recorded
    expect((await operationsSection(cli(), { ...Q3, from: '2024-01-01', to: '2024-03-31' })).notes).toEqual(['No deployments of named operations are recorded for the quarter.']);

    const due = await operationsModule.due!(cli({ kind: 'districts', districts: ['Dover'] }), { asOf: '2026-12-06', until: '2026-12-20' });
    expect(due).toEqual([expect.objectContaining({ source: 'operations', kind: 'deployment_results', recordId: op, itemId: dover, due: '2025-08-04', district: 'Dover' })]);
    expect(await operationsModule.due!(cli({ kind: 'districts', districts: ['Thanet'] }), { asOf: '2026-12-06', until: '2026-12-20' })).toEqual([]);

    const sar = await cli().tx((tx) => operationsModule.subjectAccess!(tx, 807));
    expect(sar).toEqual({ operationFeedback: [expect.objectContaining({ operation: 'Operation Pilot', givenByName: 'Lena Landlady', consentToPublish: true })] });
    expect(await cli().tx((tx) => operationsModule.subjectAccess!(tx, 99))).toBeNull();
    const summary = (await (await call('partner', '/api/operations/summary?from=2025-07-01&to=2025-09-30')).json()) as { operations: { totals: { arrests: number } }[]; quotes: unknown[] };
    expect(summary.operations[0]!.totals.arrests).toBe(1);
    expect(summary.quotes).toHaveLength(2);
    expect((await call('admin', '/api/operations/summary?from=2025-07-01')).status).toBe(400);
  });

  it('an operation cannot be cut short of its deployments', async () => {
    const r = await call('admin', `/api/operations/${op}`, 'PATCH', { endsOn: '2025-07-31' });
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: { findings: { message: string }[] } }).error.findings[0]!.message).toMatch(/^Deployment \d+: Operation Pilot ended on 2025-07-31/);
    expect((await call('admin', `/api/operations/${op}`, 'PATCH', { endsOn: '2025-09-30' })).status).toBe(200);
  });

  it('demo records: seeded in the demo district, shown as the report\'s Canterbury example, removed again', async () => {
    await cli().tx((tx) => operationsModule.demo!.seed!(tx, { district: 'Canterbury' }));
    const list = (await (await call('admin', '/api/operations?district=canterbury')).json()) as { operations: { title: string; deployments: number; withResults: number; totals: { stopSearches: number } }[] };
    expect(list.operations.map((o) => [o.title, o.deployments, o.withResults, o.totals.stopSearches])).toEqual([['Operation Demo Pilot', 3, 2, 10]]);
    await cli().tx((tx) => operationsModule.demo!.remove(tx));
    const left = await sql<{ n: number }>`select (select count(*) from operation where created_by = 'demo') + (select count(*) from operation_feedback where created_by = 'demo') + (select count(*) from operation_deployment where created_by = 'demo') as n`.execute(t.handle.db);
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});
