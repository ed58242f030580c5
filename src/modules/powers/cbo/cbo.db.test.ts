// CBO cases over the database: the lifecycle, the application's and the order's rules at the
// day of each move, reviews while under 18 restarting on variation, due items, scope and audit.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext, type Scope } from '../../../platform/module/context.js';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { cboDue, listCbos, moveCbo, openCbo, showCbo, varyCbo } from './cbo.service.js';
import { powersSection } from '../powers.report.js';
import { reportPeriod } from '../../report/index.js';

const auditKey = Buffer.from('b'.repeat(32));

describe('criminal behaviour order cases', () => {
  let t: TestDatabase;
  let youth = 0;
  let noDob = 0;
  const ctx = (scope: Scope = { kind: 'districts', districts: ['Thanet'] }) => makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope, now: () => new Date('2026-12-05T12:00:00Z') });
  beforeAll(async () => {
    t = await openTestDatabase();
    await sql`insert into partner_agency (name, kind) values ('Kent Police', 'police') on conflict (name) do nothing`.execute(t.handle.db);
    const add = async (dob: string | null) => Number((await sql<{ id: number }>`insert into person (given_name, family_name, date_of_birth, recorded_district, owning_agency_id, created_by) select 'Sam', 'Young', ${dob}::date, 'Thanet', id, 'cli:test' from partner_agency where name = 'Kent Police' returning id`.execute(t.handle.db)).rows[0]!.id);
    youth = await add('2009-06-15'); // 16 in 2025-26; 18 on 2027-06-15
    noDob = await add(null);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('walks a case from file to order, refusing what the law does not allow', async () => {
    await expect(openCbo(ctx(), { personId: noDob, district: 'Thanet', offence: 'Criminal damage' })).rejects.toThrow(/date of birth first/);
    await expect(openCbo(ctx(), { personId: youth, district: 'Dover', offence: 'Criminal damage' })).rejects.toThrow(/Dover is not one of them/);
    const c = await openCbo(ctx(), { personId: youth, district: 'Thanet', offence: 'Criminal damage', convictedOn: '2025-09-20', disposal: 'sentence' });
    expect(c.stage).toBe('file_in_preparation');
    await expect(moveCbo(ctx(), c.id, { to: 'granted', on: '2025-10-01' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await moveCbo(ctx(), c.id, { to: 'submitted_to_cps', on: '2025-10-01' })).awaitingCourtDays).toBe(430);
    // Under 18 on the day of the application: the youth offending team's views first (s331(5)).
    await expect(moveCbo(ctx(), c.id, { to: 'applied', on: '2025-11-01' })).rejects.toMatchObject({ code: 'rule_refused', findings: [expect.objectContaining({ rule: 'cbo.yot_views_required' })] });
    await moveCbo(ctx(), c.id, { to: 'applied', on: '2025-11-01', yotViewsRecorded: true, yotViewsNote: 'YOT supports the order with a mentoring requirement' });
    await moveCbo(ctx(), c.id, { to: 'adjourned', on: '2025-11-15', note: 'Adjourned for reports' });
    // Under 18 on the day the order is made: a fixed term of 1 to 3 years (s335).
    await expect(moveCbo(ctx(), c.id, { to: 'granted', on: '2026-01-10', termKind: 'indefinite' })).rejects.toMatchObject({ findings: [expect.objectContaining({ rule: 'cbo.youth_fixed_term' })] });
    const granted = await moveCbo(ctx(), c.id, { to: 'granted', on: '2026-01-10', termKind: 'fixed', termMonths: 24 });
    expect(granted).toMatchObject({ stage: 'granted', takesEffect: '2026-01-10', lastDay: '2028-01-09', awaitingCourtDays: null });
    // Reviews (s337): the period ending 2027-01-09 (17 then); none for the next (18 by its end).
    expect(granted.reviews).toEqual([{ from: '2026-01-10', to: '2027-01-09', ageAtEnd: 17 }]);
    expect(granted.ruleVersions.length).toBeGreaterThan(0);
    const due = await cboDue(ctx(), { asOf: '2026-12-20', until: '2027-01-31' });
    expect(due).toEqual([expect.objectContaining({ kind: 'cbo_review', due: '2027-01-09', legalSource: 'Sentencing Act 2020 s337' })]);
    // A variation starts a new period: 2026-06-01 to 2027-05-31, at whose end the offender is 17.
    const varied = await varyCbo(ctx(), c.id, { on: '2026-06-01', note: 'Exclusion zone widened' });
    expect(varied.reviews).toEqual([{ from: '2026-06-01', to: '2027-05-31', ageAtEnd: 17 }]);
    const shown = await showCbo(ctx(), c.id);
    expect(shown.history.map((h) => h.to)).toEqual(['file_in_preparation', 'submitted_to_cps', 'applied', 'adjourned', 'granted', 'granted']);
    await expect(moveCbo(ctx(), c.id, { to: 'refused', on: '2026-02-01' })).rejects.toMatchObject({ code: 'conflict' });
    // In the quarterly report: submitted in 2025Q4, adjourned at its end; granted at the end of 2026Q1.
    const q4 = await powersSection(ctx(), reportPeriod('2025Q4', '2026-01-05'));
    expect(q4.figures.find((f) => f.id === 'cbo-submitted')!.count).toBe(1);
    const stages = (s: typeof q4) => { const tb = s.tables.find((x) => x.id === 'cbos-by-stage')!; return Object.fromEntries(tb.rows.map((r, i) => [r, tb.cells[i]![0]]).filter(([, n]) => n)); };
    expect(stages(q4)).toEqual({ Adjourned: 1 });
    expect(stages(await powersSection(ctx(), reportPeriod('2026Q1', '2026-04-05')))).toEqual({ Granted: 1 });
  });

  it('keeps cases to the reader’s districts and audits reads', async () => {
    expect((await listCbos(ctx())).cases).toHaveLength(1);
    expect((await listCbos(ctx({ kind: 'districts', districts: ['Dover'] }))).cases).toHaveLength(0);
    const id = (await listCbos(ctx())).cases[0]!.id;
    await expect(showCbo(ctx({ kind: 'districts', districts: ['Dover'] }), id)).rejects.toThrow(/No CBO case/);
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where record_type = 'cbo_case' and action = 'view'`.execute(t.handle.db);
    expect(audits.rows[0]!.n).toBeGreaterThanOrEqual(4);
  });
});
