import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../platform/module/context.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { powersModule } from './index.js';
import { dueList } from './powers.tasks.service.js';
import { powersSection, REPORTED_ACTS } from './powers.report.js';
import { londonDate, quarterOf, shiftQuarter } from '../../platform/time/london.js';

const auditKey = Buffer.from('d'.repeat(32));
const square = (x: number) => JSON.stringify({ type: 'Polygon', coordinates: [[[x, 51], [x + 0.01, 51], [x + 0.01, 51.01], [x, 51.01], [x, 51]]] });

describe('powers demo register (HubModule.demo)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    for (const [i, code] of ['E01099001', 'E01099002'].entries()) {
      await t.handle.db.insertInto('boundary').values({ level: 'lsoa', code, name: `Ambermere 00${i + 1}A`, district_code: 'E07999999', district_name: 'Ambermere', geometry: square(i / 10),
        min_lon: i / 10, min_lat: 51, max_lon: i / 10 + 0.01, max_lat: 51.01, source_file: 'demo', is_demo: true } as never).execute();
    }
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  const ctx = () => makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'demo' }, scope: { kind: 'all' }, now: () => new Date('2026-12-05T12:00:00Z') });

  it('seeds a believable register through the rules: dispersals with home visits, a CPW to CPN escalation and a closure, all labelled demo', async () => {
    await ctx().tx((tx) => powersModule.demo!.seed!(tx, { district: 'Ambermere' }));
    const rows = await t.handle.db.selectFrom('power_record').select(['record_type', 'is_demo', 'outside_rules', 'district']).orderBy('id').execute();
    expect(rows.map((r) => r.record_type)).toEqual(['dispersal_authorisation', 'dispersal_direction', 'dispersal_direction', 'dispersal_direction', 'cpw', 'cpn', 'cpn_fpn', 's59_warning', 'closure_notice', 'closure_order']);
    expect(rows.every((r) => r.is_demo && !r.outside_rules && r.district === 'Ambermere')).toBe(true);
    const events = await t.handle.db.selectFrom('power_event').select(['stage', 'subject_age', 'is_demo']).execute();
    expect(events).toHaveLength(10);
    expect(events.every((e) => e.is_demo)).toBe(true);
    const tasks = await t.handle.db.selectFrom('power_task').select(['kind', 'status']).orderBy('id').execute();
    expect(tasks).toEqual([{ kind: 'home_visit', status: 'done' }, { kind: 'home_visit', status: 'open' }]);
    const due = await dueList(ctx(), { asOf: '2026-12-05', days: '30' });
    expect(due.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['home_visit', 'cpn_appeal', 'fpn_payment']));
  });

  it('counts the register in the quarterly report as the records say (enforcement by power, children dispersed, home visits, CPN reasons)', async () => {
    const rows = await t.handle.db.selectFrom('power_record').select(['record_type', 'occurred_at', 'outside_rules', 'conduct_category']).execute();
    const q = quarterOf(londonDate(rows[0]!.occurred_at), 'calendar');
    const quarter = `${q.year}Q${q.q}`;
    const prev = shiftQuarter(q, -4);
    const section = await powersSection(ctx(), { quarter, from: q.from, to: q.to, previousYear: { from: prev.from, to: prev.to }, asOf: '2026-12-05' });
    const inQuarter = rows.filter((r) => londonDate(r.occurred_at) >= q.from && londonDate(r.occurred_at) <= q.to);
    const table = section.tables.find((x) => x.id === 'enforcement-by-power')!;
    for (const [i, act] of REPORTED_ACTS.entries()) expect([act.type, table.cells[i]![0]]).toEqual([act.type, inQuarter.filter((r) => r.record_type === act.type && !r.outside_rules).length]);
    expect(section.figures[0]!.count).toBe(inQuarter.filter((r) => !r.outside_rules && REPORTED_ACTS.some((a) => a.type === r.record_type)).length);
    const visits = await t.handle.db.selectFrom('power_task').select(['visit_made_on']).where('kind', '=', 'home_visit').execute();
    expect(section.figures.find((f) => f.id === 'home-visits')!.count).toBe(visits.filter((v) => v.visit_made_on !== null && String(v.visit_made_on) >= q.from && String(v.visit_made_on) <= q.to).length);
    const cpns = inQuarter.filter((r) => r.record_type === 'cpn');
    if (cpns.length) expect(section.tables.find((x) => x.id === 'cpn-reasons')!.cells.flat().reduce((a, b) => a + b, 0)).toBe(cpns.length);
    // A district the reader does not cover sees none of it.
    const other = makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'x' }, scope: { kind: 'districts', districts: ['Elsewhere'] } });
    expect((await powersSection(other, { quarter, from: q.from, to: q.to, previousYear: { from: prev.from, to: prev.to }, asOf: '2026-12-05' })).notes[0]).toMatch(/holds no acts/);
  });

  it('removes every demo act with its events, deadlines and tasks', async () => {
    await ctx().tx((tx) => powersModule.demo!.remove(tx));
    for (const table of ['power_record', 'power_event', 'power_deadline', 'power_task']) {
      expect(Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.handle.db)).rows[0]!.n), table).toBe(0);
    }
  });
});
