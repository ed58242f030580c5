// The demo case records: loaded through the modules' services in the demo supervisor's district,
// visible to the demo accounts, and all gone (with nothing left hanging) after the first real import.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/policy.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { resolveSession, signIn } from '../identity/index.js';
import { getPanel, listPanels } from '../panels/index.js';
import { searchPeople, userCaller } from '../people/index.js';
import { getPlan, listPlans } from '../plans/index.js';
import { hasDemoData } from '../police-data/index.js';
import { createProblem, getProblem, linkProblemPlace, listProblems } from '../problems/index.js';
import { STREET_HEADER, streetRow } from '../../../test/helpers/csv.js';
import { importFiles, textInput } from '../../../test/helpers/inputs.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';
import { removeDemoData } from '../composition.js';
import { createDemoUsers, loadDemoCases, loadDemoData, type DemoCases } from './index.js';

/** Every table of the case modules; after the real import each must be empty (the force's own agency aside). */
const CASE_TABLES = [
  'person', 'person_alias', 'person_address', 'person_link', 'place', 'vehicle', 'vehicle_person', 'person_occurrence', 'record_share', 'sharing_event',
  'problem', 'problem_action', 'problem_stage_history', 'problem_place', 'problem_assessment',
  'plan', 'plan_risk_factor', 'plan_intervention', 'plan_partner_action', 'plan_review', 'plan_status_history',
  'panel', 'panel_district', 'panel_member_agency', 'panel_meeting', 'panel_meeting_attendee', 'panel_agenda_item', 'panel_decision', 'panel_action',
];

describe('demo case records', () => {
  let t: TestDatabase;
  let db: Db;
  let district: string;
  let cases: DemoCases;
  let demoPassword: string;
  const auditKey = crypto.randomBytes(32);
  const principal = async (username: string): Promise<Principal> => {
    const u = await db.selectFrom('app_user').select(['id', 'role', 'partner_agency']).where('username', '=', username).executeTakeFirstOrThrow();
    const districts = (await sql<{ district: string }>`select district from user_district where user_id = ${u.id}`.execute(db)).rows.map((r) => r.district);
    return { id: Number(u.id), username, displayName: null, role: u.role, partnerAgency: u.partner_agency, districts, isDemo: true } as Principal;
  };
  const count = async (table: string, where = sql`true`) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(db)).rows[0]!.n);

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.handle.db;
    district = (await loadDemoData(db, 'cli:test')).firstDistrict;
    demoPassword = (await createDemoUsers(db, auditKey, district)).password;
    cases = await loadDemoCases(db, auditKey, district);
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('the demo supervisor sees the problems in several stages, with actions, links and a computed assessment', async () => {
    expect(district).toBe('Ambermere');
    const actor = { kind: 'user' as const, principal: await principal('demo-supervisor') };
    const board = (await listProblems(db, auditKey, actor, {})).problems;
    expect(board.map((p) => [p.title.startsWith('DEMO'), p.district, p.stage]).sort()).toEqual(
      [[true, district, 'analysis'], [true, district, 'closed'], [true, district, 'objective'], [true, district, 'response']],
    );
    const response = await getProblem(db, auditKey, actor, cases.problems.find((p) => p.stage === 'response')!.id);
    expect(response.actions).toHaveLength(2);
    expect(response.actions.map((a) => a.partnerAgency).sort()).toEqual(['DEMO Demoshire Youth Justice Service', 'Demoshire Community Safety Partnership']);
    expect(response.people.map((p) => p.role).sort()).toEqual(['offender', 'victim', 'young_person_at_risk']);
    expect(response.places.map((p) => p.name)).toEqual(['DEMO Kestrel Road Parade']);
    const closed = await getProblem(db, auditKey, actor, cases.problems.find((p) => p.stage === 'closed')!.id);
    expect(closed.assessment).not.toBeNull();
    const result = closed.assessment!.result as { counts: Record<string, { pre: number; post: number }> };
    expect(result.counts.treated!.pre + result.counts.treated!.post).toBeGreaterThan(0);
    expect(closed.outcome).toMatch(/^(reduced|handled_better)$/);
    expect(closed.history.map((h) => h.toStage)).toEqual(['objective', 'assessment', 'closed']);
  });

  it('the people (one a child), the active plan and the panel meeting with the problem on its agenda are visible to the supervisor', async () => {
    const p = await principal('demo-supervisor');
    const list = await searchPeople(db, auditKey, userCaller(p), { q: 'DEMO' });
    expect(list).toHaveLength(4);
    expect(list.every((x) => x.givenName.startsWith('DEMO '))).toBe(true);
    expect(list.filter((x) => x.isChild)).toHaveLength(1);
    const actor = { kind: 'user' as const, principal: p };
    const plans = await listPlans(db, auditKey, actor, {});
    expect(plans.map((x) => [x.id, x.status])).toEqual([[cases.plan, 'active']]);
    expect((await getPlan(db, auditKey, actor, cases.plan)).summary).toMatch(/^DEMO/);
    expect((await listPanels(db, auditKey, actor)).map((x) => x.id)).toEqual([cases.panel]);
    const panel = await getPanel(db, auditKey, actor, cases.panel);
    expect(panel.name).toBe(`DEMO ${district} Problem-Solving Panel`);
    const agenda = panel.meetings.flatMap((m) => m.agenda);
    expect(agenda.flatMap((a) => (a.problem ? [a.problem.id] : []))).toEqual([cases.problems.find((x) => x.stage === 'response')!.id]);
  });

  it('the demo partner account sees the problem its partnership works on', async () => {
    const actor = { kind: 'user' as const, principal: await principal('demo-partner') };
    const board = (await listProblems(db, auditKey, actor, {})).problems;
    expect(board.map((p) => p.stage)).toEqual(['response']);
  });

  it('a real import that fails keeps the demo data and the demo accounts (one transaction)', async () => {
    const csv = [STREET_HEADER, streetRow({ month: '2025-01' }), streetRow({ month: '2025-13' })].join('\n');
    const [bad] = await importFiles(db, [textInput('2025-01-kent-street.csv', csv)], { removeOtherDemoData: removeDemoData });
    expect(bad!.errorCount).toBeGreaterThan(0);
    expect(await hasDemoData(db)).toBe(true);
    expect(await count('app_user', sql`is_demo and disabled_at is null`)).toBe(6);
  });

  it('the first real import removes every demo case record and leaves no orphan rows; the demo accounts are switched off, audited', async () => {
    expect(await count('problem', sql`created_by = 'demo'`)).toBe(4);
    const deps = { db, auditKey };
    const session = await signIn(deps, { username: 'demo-officer', password: demoPassword, client: 'test' });
    const csv = [STREET_HEADER, streetRow({ month: '2025-01' }), streetRow({ month: '2025-01', crimeId: '', category: 'Anti-social behaviour', outcome: '' })].join('\n');
    const audit = async (trx: Db, e: { action: string; recordType: string; recordId: string; details: Record<string, unknown> }) => {
      await appendAudit(trx, auditKey, { ...e, actor: 'cli:operator' });
    };
    const [real] = await importFiles(db, [textInput('2025-01-kent-street.csv', csv)], { removeOtherDemoData: removeDemoData, audit });
    expect(real).toMatchObject({ force: 'kent', rows: 2, errorCount: 0 });
    expect(await count('app_user', sql`is_demo and disabled_at is null`)).toBe(0);
    expect(await count('audit_log', sql`action = 'disable' and actor = 'cli:operator' and details->>'username' like 'demo-%'`)).toBe(6);
    expect(await resolveSession(deps, session.token)).toBeNull();
    await expect(signIn(deps, { username: 'demo-officer', password: demoPassword, client: 'test' })).rejects.toMatchObject({ code: 'unauthenticated' });
    // Switched on again by an administrator, the account still does not take the printed password.
    await db.updateTable('app_user').set({ disabled_at: null }).where('username', '=', 'demo-admin').execute();
    await expect(signIn(deps, { username: 'demo-admin', password: demoPassword, client: 'test' })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await hasDemoData(db)).toBe(false);
    const left = Object.fromEntries(await Promise.all(CASE_TABLES.map(async (table) => [table, await count(table)] as const)));
    expect(left).toEqual(Object.fromEntries(CASE_TABLES.map((table) => [table, 0])));
    expect((await db.selectFrom('partner_agency').select('name').execute()).map((a) => a.name)).toEqual(['Kent Police']);
  });
});

describe('demo case records that real work points at', () => {
  it('are kept by the real import (it neither fails nor breaks the real record); the rest goes', async () => {
    const t = await openTestDatabase();
    try {
      const db = t.handle.db;
      const auditKey = crypto.randomBytes(32);
      const district = (await loadDemoData(db, 'cli:test')).firstDistrict;
      await createDemoUsers(db, auditKey, district);
      const cases = await loadDemoCases(db, auditKey, district);
      const real = { kind: 'cli' as const, name: 'cli:operator' };
      const mine = await createProblem(db, auditKey, real, { title: 'Real problem at a demo place', district, statementType: 'place' });
      await linkProblemPlace(db, auditKey, real, mine.id, { placeId: cases.places[0]! });
      const csv = [STREET_HEADER, streetRow({ month: '2025-01' })].join('\n');
      const [imported] = await importFiles(db, [textInput('2025-01-kent-street.csv', csv)], { removeOtherDemoData: removeDemoData });
      expect(imported).toMatchObject({ rows: 1, errorCount: 0 });
      expect((await db.selectFrom('problem').select('id').execute()).map((p) => Number(p.id))).toEqual([mine.id]);
      expect((await db.selectFrom('place').select('id').execute()).map((p) => Number(p.id))).toEqual([cases.places[0]]);
      expect(await db.selectFrom('person').select('id').execute()).toEqual([]);
      expect(await db.selectFrom('plan').select('id').execute()).toEqual([]);
      expect(await db.selectFrom('panel').select('id').execute()).toEqual([]);
    } finally {
      await t.cleanup();
    }
  }, 120_000);
});
