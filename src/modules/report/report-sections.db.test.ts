// Problem solving and governance sections of the quarterly report, against hand-counted records,
// in the reader's districts; the quarter's edges are London dates.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { panelsSection } from '../panels/index.js';
import { problemsSection } from '../problems/index.js';
import { makeContext, type Scope } from '../../platform/module/context.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { reportPeriod } from './report.service.js';

const auditKey = Buffer.from('s'.repeat(32));
const q3 = reportPeriod('2025Q3', '2025-10-05');

describe('problem solving and governance in the report', () => {
  let t: TestDatabase;
  const ctx = (scope: Scope) => makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope });
  beforeAll(async () => {
    t = await openTestDatabase();
    const db = t.handle.db;
    const problem = async (id: number, district: string, createdAt: string, moves: [string, string][]) => {
      await sql`insert into problem (id, title, district, statement_type, created_by, created_at) values (${id}, ${`P${id}`}, ${district}, 'place', 'cli:test', ${createdAt}::timestamptz)`.execute(db);
      let from: string | null = null;
      for (const [to, at] of moves) {
        await sql`insert into problem_stage_history (problem_id, from_stage, to_stage, actor, at) values (${id}, ${from}, ${to}, 'cli:test', ${at}::timestamptz)`.execute(db);
        from = to;
      }
    };
    // 1: opened in Q3, at analysis at the end of September.
    await problem(1, 'Thanet', '2025-07-01T00:30:00+01:00', [['objective', '2025-07-01T00:30:00+01:00'], ['scanning', '2025-08-01T10:00:00Z'], ['analysis', '2025-09-30T22:30:00Z']]);
    // (22:30 UTC on 30 September is 23:30 London: still September.)
    // 2: opened before Q3, closed in Q3.
    await problem(2, 'Thanet', '2025-05-01T10:00:00Z', [['objective', '2025-05-01T10:00:00Z'], ['closed', '2025-09-15T10:00:00Z']]);
    // 3: opened in Q3 in Dover, moved to response on 1 October London time (23:30 UTC on 30 September).
    await problem(3, 'Dover', '2025-09-01T10:00:00Z', [['objective', '2025-09-01T10:00:00Z'], ['response', '2025-09-30T23:30:00Z']]);
    // 4: opened at 23:30 London on 30 June (22:30 UTC): the second quarter.
    await problem(4, 'Thanet', '2025-06-30T22:30:00Z', [['objective', '2025-06-30T22:30:00Z']]);
    await sql`insert into panel (id, name, kind, created_by) values (1, 'Thanet panel', 'district_prevention_problem_solving', 'cli:test'), (2, 'Dover panel', 'district_prevention_problem_solving', 'cli:test')`.execute(db);
    await sql`insert into panel_district (panel_id, district) values (1, 'Thanet'), (2, 'Dover')`.execute(db);
    await sql`insert into panel_meeting (id, panel_id, held_on, created_by) values (1, 1, '2025-07-10', 'cli:test'), (2, 1, '2025-09-30', 'cli:test'), (3, 1, '2025-10-01', 'cli:test'), (4, 2, '2025-08-01', 'cli:test')`.execute(db);
    await sql`insert into panel_agenda_item (meeting_id, position, problem_id, created_by) values (1, 1, 1, 'cli:test'), (2, 1, 1, 'cli:test'), (2, 2, 2, 'cli:test'), (4, 1, 3, 'cli:test')`.execute(db);
    await sql`insert into panel_decision (meeting_id, text, created_by) values (1, 'Close the alley', 'cli:test'), (2, 'Review in a month', 'cli:test'), (3, 'October decision', 'cli:test'), (4, 'Dover decision', 'cli:test')`.execute(db);
    await sql`insert into panel_action (meeting_id, description, owner_name, created_by) values (1, 'Fit lighting', 'Council', 'cli:test')`.execute(db);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('problems opened, closed and open by stage at the end of the quarter (London dates)', async () => {
    const all = await problemsSection(ctx({ kind: 'all' }), q3);
    expect(all.figures.map((f) => [f.id, f.count])).toEqual([['problems-opened', 2], ['problems-closed', 1]]);
    const stages = all.tables[0]!;
    expect(Object.fromEntries(stages.rows.map((r, i) => [r, stages.cells[i]![0]]))).toEqual({ 'Objective set': 2, Scanning: 0, Analysis: 1, Response: 0, Assessment: 0 });
    const thanet = await problemsSection(ctx({ kind: 'districts', districts: ['thanet'] }), q3);
    expect(thanet.figures.map((f) => f.count)).toEqual([1, 1]);
  });

  it('panel meetings, decisions, actions and what they reviewed, for the panels of the reader’s districts', async () => {
    const all = await panelsSection(ctx({ kind: 'all' }), q3);
    expect(all.figures.map((f) => [f.id, f.count])).toEqual([['panel-meetings', 3], ['panel-decisions', 3], ['panel-actions', 1], ['panel-problems', 3], ['panel-plans', 0]]);
    const dover = await panelsSection(ctx({ kind: 'districts', districts: ['Dover'] }), q3);
    expect(dover.figures.map((f) => f.count)).toEqual([1, 1, 0, 1, 0]);
    const none = await panelsSection(ctx({ kind: 'none' }), q3);
    expect(none.notes).toEqual(['No panel meetings were recorded in this quarter.']);
  });
});
