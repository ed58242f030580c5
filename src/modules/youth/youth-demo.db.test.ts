import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../platform/module/context.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { quarterlyCounts } from './youth.counts.js';
import { youthModule } from './index.js';
import { youthSection } from './youth.report.js';

describe('youth demo caseload', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await openTestDatabase(); }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);
  const ctx = () => makeContext({ db: t.handle.db, auditKey: t.auditKey, actor: { kind: 'cli', name: 'demo' }, scope: { kind: 'all' }, now: () => new Date('2026-12-05T12:00:00Z') });

  it('seeds a labelled caseload with due items, counted in the quarter, and removes it again', async () => {
    await ctx().tx((tx) => youthModule.demo!.seed!(tx, { district: 'Ambermere' }));
    const due = await youthModule.due!(ctx(), { asOf: '2026-12-05', until: '2026-12-19' });
    expect(due.map((d) => d.kind).sort()).toEqual(['deferred_deadline', 'workbook_session', 'workbook_session', 'workbook_session']);
    const counts = await quarterlyCounts(ctx(), { quarter: '2026-27Q3' });
    expect(counts.provenance.demo).toBe(true);
    expect(counts.lessons.studentsReached).toBeGreaterThan(0);
    // The report's youth section carries the same numbers (2026-27Q3 is October to December 2026).
    const section = await youthSection(ctx(), { quarter: '2026-27Q3', from: '2026-10-01', to: '2026-12-31', previousYear: { from: '2025-10-01', to: '2025-12-31' }, asOf: '2026-12-05' });
    const wb = section.tables.find((x) => x.id === 'workbooks-by-category')!;
    expect(wb.cells.reduce((n, r) => n + r[0]!, 0)).toBe(counts.workbooks.total.completed.value);
    const lessons = section.tables.find((x) => x.id === 'lessons')!;
    expect(lessons.cells.reduce((n, r) => n + r[1]!, 0)).toBe(counts.lessons.studentsReached);
    const completed = counts.followup.find((f) => f.cohort === 'completed')!.combined;
    expect(section.figures.find((f) => f.id === 'followup-denominator')!.count).toBe(completed.denominator);
    await ctx().tx((tx) => youthModule.demo!.remove(tx));
    for (const table of ['youth_workbook', 'youth_referral', 'youth_deferred', 'youth_school', 'youth_lesson', 'youth_later_outcome']) {
      const n = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.handle.db)).rows[0]!.n;
      expect(n, table).toBe(0);
    }
  });
});
