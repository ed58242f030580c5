import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, inputsOf, textInput } from '../../../test/helpers/inputs.js';
import { sharedFile } from '../../../test/helpers/paths.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { wdd } from '../analytics/evaluation/index.js';
import { poissonETest } from '../analytics/trends/index.js';
import { computeAssessment, createProblem, getProblemCounts, updateProblem } from './index.js';

const auditKey = Buffer.from('e'.repeat(32));
const cli = { kind: 'cli' as const, name: 'cli:test' };
const HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/** n street rows of one month in one LSOA (ASB, so no crime id). */
function rows(month: string, lsoa: string, n: number, category = 'Anti-social behaviour'): string[] {
  return Array.from({ length: n }, (_, i) => `,${month},Kent Police,Kent Police,1.38${i % 10},51.38${lsoa.slice(-1)},On or near Test Street,${lsoa},Test ${lsoa},${category},,`);
}

/**
 * The hand-worked case. Response month 2025-03 (left out), 2 months before (Jan, Feb) and after (Apr, May):
 *   target   20 -> 10, control 20 -> 20, displacement buffer 10 -> 12, control buffer 10 -> 10.
 *   local effect (10 - 20) - (20 - 20) = -10; displacement (12 - 10) - (10 - 10) = +2; total -8.
 *   variance = sum of all eight counts = 112, so se = sqrt(112) = 10.583, z = -8 / 10.583 = -0.756,
 *   two-sided p = erfc(0.756 / sqrt 2) = 0.4497. Harm weight 2 on ASB doubles the estimate: -16.
 */
const T = 'E00000001', C = 'E00000002', DT = 'E00000003', DC = 'E00000004';
const months: Record<string, string[]> = {
  '2025-01': [...rows('2025-01', T, 10), ...rows('2025-01', C, 10), ...rows('2025-01', DT, 5), ...rows('2025-01', DC, 5)],
  '2025-02': [...rows('2025-02', T, 10), ...rows('2025-02', C, 10), ...rows('2025-02', DT, 5), ...rows('2025-02', DC, 5)],
  '2025-03': [...rows('2025-03', T, 7), ...rows('2025-03', C, 1)],
  '2025-04': [...rows('2025-04', T, 5), ...rows('2025-04', C, 10), ...rows('2025-04', DT, 6), ...rows('2025-04', DC, 5)],
  '2025-05': [...rows('2025-05', T, 5), ...rows('2025-05', C, 10), ...rows('2025-05', DT, 6), ...rows('2025-05', DC, 5)],
};

describe('problem assessment: WDD on a hand-worked case', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    const s = await importFiles(t.handle.db, Object.entries(months).map(([m, r]) => textInput(`${m}-kent-street.csv`, [HEADER, ...r].join('\n') + '\n')));
    expect(s.every((x) => x.errorCount === 0)).toBe(true);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('computes the counts, the WDD, its p-value and the harm-weighted variant, and stores them with provenance', async () => {
    const db = t.handle.db;
    const p = await createProblem(db, auditKey, cli, {
      title: 'ASB hand-worked', district: 'Thanet', statementType: 'place',
      source: { kind: 'repeat-location', pickedFrom: '2025-01', pickedTo: '2025-02', figures: { count: 20 }, filter: { lsoa: [T] } },
    });
    expect(p.filter.lsoa).toEqual([T]);
    expect(p.areaTreated).toEqual([T]);
    const d = await computeAssessment(db, auditKey, cli, p.id, {
      evalStart: '2025-03', evalPreMonths: 2, areaControl: [C], areaDispTreated: [DT], areaDispControl: [DC], harmWeights: { 'Anti-social behaviour': 2 },
    });
    const r = d.assessment!.result as { counts: Record<string, { pre: number; post: number }>; estLocal: number; estDisplace: number; estTotal: number; seTotal: number; z: number; p: number; harm: { harmEst: number; p: number }; periods: { pre: { from: string; to: string }; post: { from: string; to: string } }; provenance: { analysis: string; dataCutoff: string } };
    expect(r.counts).toEqual({ treated: { pre: 20, post: 10 }, control: { pre: 20, post: 20 }, dispTreated: { pre: 10, post: 12 }, dispControl: { pre: 10, post: 10 } });
    expect(r.periods.pre).toMatchObject({ from: '2025-01', to: '2025-02' });
    expect(r.periods.post).toMatchObject({ from: '2025-04', to: '2025-05' });
    expect(r.estLocal).toBe(-10);
    expect(r.estDisplace).toBe(2);
    expect(r.estTotal).toBe(-8);
    expect(r.seTotal).toBeCloseTo(Math.sqrt(112), 10);
    expect(r.z).toBeCloseTo(-0.75593, 4);
    expect(r.p).toBeCloseTo(0.44969, 4);
    expect(r.harm.harmEst).toBeCloseTo(-16, 10);
    expect(r.harm.p).toBeCloseTo(0.44969, 4);
    expect(r.provenance).toMatchObject({ analysis: 'wdd', dataCutoff: '2025-05' });
    // picked from Jan-Feb, and the pre period is Jan-Feb: the regression-to-the-mean warning is given
    expect(d.warnings.some((w) => w.startsWith('Regression to the mean: the pre period 2025-01..2025-02'))).toBe(true);
    expect(d.assessment!.warnings).toEqual(d.warnings.filter((w) => w.includes('pre period')));
    expect(d.quality.criteria.find((c) => c.key === 'measures')!.met).toBe(false);
    const stored = await sql<{ n: number }>`select count(*)::int as n from problem_assessment where problem_id = ${p.id}`.execute(db);
    expect(stored.rows[0]!.n).toBe(1);
  });

  it('linked incident counts come live from the incident data and refresh after an import', async () => {
    const db = t.handle.db;
    const p = await createProblem(db, auditKey, cli, { title: 'Counts', district: 'Thanet', statementType: 'place', filter: { lsoa: [T], from: '2025-04', to: '2025-05' } });
    const before = await getProblemCounts(db, auditKey, cli, p.id);
    expect(before.total).toBe(10);
    expect(before.byMonth).toEqual([{ month: '2025-04', count: 5 }, { month: '2025-05', count: 5 }]);
    expect(before.repeats.places).toBeGreaterThan(0);
    // the period before (Feb-Mar: 10 + 7) against Apr-May (10), with the e-test
    expect(before.change).toMatchObject({ previousPeriod: { from: '2025-02', to: '2025-03' }, previousTotal: 17 });
    expect(before.change.p).toBeCloseTo(poissonETest({ k1: 10, k2: 17 }).p, 12);
    expect(before.change.reading).toMatch(/^down on 2025-02\.\.2025-03 \(17 → 10, -41%\); not significant at 0\.05/);
    await importFiles(db, [textInput('2025-05-kent-street.csv', [HEADER, ...months['2025-05']!, ...rows('2025-05', T, 4)].join('\n') + '\n')]);
    const after = await getProblemCounts(db, auditKey, cli, p.id);
    expect(after.total).toBe(14);
    await updateProblem(db, auditKey, cli, p.id, { filter: { lsoa: [T, C], from: '2025-04', to: '2025-05' } });
    expect((await getProblemCounts(db, auditKey, cli, p.id)).total).toBe(34);
  });

  it('names what the design lacks', async () => {
    const p = await createProblem(t.handle.db, auditKey, cli, { title: 'No design', district: 'Thanet', statementType: 'time' });
    await expect(computeAssessment(t.handle.db, auditKey, cli, p.id, {})).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('evalStart') });
    await expect(computeAssessment(t.handle.db, auditKey, cli, p.id, { evalStart: '2025-03', evalPreMonths: 2, areaTreated: [T], areaControl: [T] })).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('must not overlap') });
  });
});

describe('problem assessment on real Kent data (2025-07..09)', () => {
  let t: TestDatabase;
  const files = ['2025-07', '2025-08', '2025-09'].map((m) => sharedFile(`${m}-kent-street.csv`));
  beforeAll(async () => {
    t = await openTestDatabase();
    const s = await importFiles(t.handle.db, inputsOf(...files));
    expect(s.every((x) => x.errorCount === 0)).toBe(true);
  }, 180_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('counts the four Thanet areas as the files do and gives the WDD of those counts', async () => {
    const design = { treated: ['E01024676'], control: ['E01024646', 'E01024667'], dispTreated: ['E01035316', 'E01035317'], dispControl: ['E01024688'] };
    const lines = files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== ''));
    const count = (codes: string[], month: string) => lines.filter((l) => {
      const c = l.split(',');
      return c[1] === month && codes.includes(c[7]!);
    }).length;
    const pair = (codes: string[]) => ({ pre: count(codes, '2025-07'), post: count(codes, '2025-09') });
    const p = await createProblem(t.handle.db, auditKey, cli, { title: 'Margate centre', district: 'Thanet', statementType: 'place', filter: { lsoa: design.treated } });
    const d = await computeAssessment(t.handle.db, auditKey, cli, p.id, {
      evalStart: '2025-08', evalPreMonths: 1, areaTreated: design.treated, areaControl: design.control, areaDispTreated: design.dispTreated, areaDispControl: design.dispControl,
    });
    const r = d.assessment!.result as { counts: Record<string, { pre: number; post: number }>; estTotal: number; p: number };
    const expected = { treated: pair(design.treated), control: pair(design.control), dispTreated: pair(design.dispTreated), dispControl: pair(design.dispControl) };
    expect(r.counts).toEqual(expected);
    expect(expected.treated.pre).toBeGreaterThan(50);
    const w = wdd({
      treated: [expected.treated.pre, expected.treated.post], control: [expected.control.pre, expected.control.post],
      dispTreated: [expected.dispTreated.pre, expected.dispTreated.post], dispControl: [expected.dispControl.pre, expected.dispControl.post], alpha: 0.1,
    });
    expect(r.estTotal).toBeCloseTo(w.estTotal, 10);
    expect(r.p).toBeCloseTo(w.p!, 10);
  });
});
