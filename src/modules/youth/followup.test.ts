import { describe, expect, it } from 'vitest';
import { addMonthsClamped, describeFollowup, followUp, wilson, windowOf, type FollowupSettings, type InterventionFact, type LaterOutcomeFact } from './followup.js';

const S: FollowupSettings = { windowMonths: 12, lagMonths: 6, outcomeCodes: ['1', '2', '3'] };
const Q1 = { from: '2025-01-01', to: '2025-03-31' };
const wb = (childId: number, startedOn: string, completedOn: string | null, extra: Partial<InterventionFact> = {}): InterventionFact =>
  ({ childId, type: 'workbook', startedOn, completedOn, ...extra });
const out = (childId: number, offenceOn: string, recordedOn: string, outcomeCode = '1'): LaterOutcomeFact => ({ childId, outcomeCode, offenceOn, recordedOn });
const run = (interventions: InterventionFact[], outcomes: LaterOutcomeFact[], asOf: string, extra: Partial<Parameters<typeof followUp>[0]> = {}) =>
  followUp({ cohort: 'completed', period: Q1, asOf, settings: S, interventions, outcomes, ...extra });

describe('window arithmetic', () => {
  it('runs from the day after the anchor to the same date 12 months later, with a 6-month recording lag', () => {
    expect(windowOf('2025-01-15', S)).toEqual({ windowFrom: '2025-01-16', windowTo: '2026-01-15', recordedBy: '2026-07-15' });
    expect(windowOf('2025-12-31', S)).toEqual({ windowFrom: '2026-01-01', windowTo: '2026-12-31', recordedBy: '2027-06-30' });
  });
  it('leap day: a 29 February anchor ends on 28 February of the common year', () => {
    expect(windowOf('2024-02-29', S)).toEqual({ windowFrom: '2024-03-01', windowTo: '2025-02-28', recordedBy: '2025-08-28' });
    expect(addMonthsClamped('2023-02-28', 12)).toBe('2024-02-28');
    expect(addMonthsClamped('2025-08-31', 6)).toBe('2026-02-28');
    expect(windowOf('2024-02-28', S).windowFrom).toBe('2024-02-29');
  });
});

describe('Wilson score interval (95%, no continuity correction)', () => {
  it('matches hand-worked values', () => {
    const w = wilson(1, 10)!;
    expect(w.lower).toBeCloseTo(0.01788, 4);
    expect(w.upper).toBeCloseTo(0.40415, 4);
    const z = wilson(0, 20)!;
    expect(z.lower).toBe(0);
    expect(z.upper).toBeCloseTo(0.16113, 4);
    const all = wilson(5, 5)!;
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(0.56552, 4);
  });
  it('is null for an empty denominator', () => expect(wilson(0, 0)).toBeNull());
});

describe('follow-up measure on hand-worked cohorts', () => {
  it('an empty cohort: nothing counted, no rate, no interval', () => {
    const r = run([wb(1, '2024-11-01', '2024-12-31'), wb(2, '2025-02-01', null)], [], '2027-01-01');
    expect(r).toMatchObject({ cohortSize: 0, numerator: 0, denominator: 0, stillInWindow: 0, rate: null, noFurtherRate: null, interval: null });
  });

  it('windows still open are counted apart, and enter the figure only the day after the recording lag ends', () => {
    const ivs = [wb(1, '2025-01-02', '2025-01-15'), wb(2, '2025-03-01', '2025-03-31')];
    // child 1: recordedBy 2026-07-15; child 2: recordedBy 2026-09-30
    expect(run(ivs, [], '2026-07-15')).toMatchObject({ cohortSize: 2, denominator: 0, stillInWindow: 2, rate: null });
    expect(run(ivs, [], '2026-07-16')).toMatchObject({ cohortSize: 2, denominator: 1, stillInWindow: 1, numerator: 0, rate: 0 });
    expect(run(ivs, [], '2026-10-01')).toMatchObject({ denominator: 2, stillInWindow: 0 });
  });

  it('a child still in the window is not counted even when an outcome is already known', () => {
    const r = run([wb(1, '2025-01-02', '2025-01-15')], [out(1, '2025-06-01', '2025-06-10')], '2026-01-01');
    expect(r).toMatchObject({ numerator: 0, denominator: 0, stillInWindow: 1 });
    expect(r.children[0]).toMatchObject({ status: 'still_in_window', further: false });
  });

  it('a child with two workbooks is counted once, from the first completion in the period', () => {
    const ivs = [wb(7, '2025-01-10', '2025-02-01', { category: 'arson' }), wb(7, '2025-02-15', '2025-03-10', { category: 'ASB' })];
    // first completion 2025-02-01: window 2025-02-02..2026-02-01; an offence on 2026-02-05 is outside it
    const outside = run(ivs, [out(7, '2026-02-05', '2026-03-01')], '2027-01-01');
    expect(outside).toMatchObject({ cohortSize: 1, denominator: 1, numerator: 0 });
    expect(outside.children[0]).toMatchObject({ anchor: '2025-02-01', windowTo: '2026-02-01', category: 'arson' });
    // an offence between the two workbooks, after the first completion, counts
    expect(run(ivs, [out(7, '2025-02-20', '2025-03-01')], '2027-01-01')).toMatchObject({ numerator: 1, denominator: 1, rate: 1 });
  });

  it('an outcome on the last day of the window counts; the day after does not', () => {
    const ivs = [wb(3, '2025-03-01', '2025-03-31')]; // window 2025-04-01..2026-03-31, recordedBy 2026-09-30
    expect(run(ivs, [out(3, '2026-03-31', '2026-09-30')], '2026-10-01')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(run(ivs, [out(3, '2026-04-01', '2026-04-02')], '2026-10-01')).toMatchObject({ numerator: 0, denominator: 1 });
    // recorded the day after the lag ends: not counted
    expect(run(ivs, [out(3, '2026-03-31', '2026-10-01')], '2026-10-02')).toMatchObject({ numerator: 0, denominator: 1 });
    // an offence on the completion day itself is before the window
    expect(run(ivs, [out(3, '2025-03-31', '2025-04-01')], '2026-10-01')).toMatchObject({ numerator: 0 });
  });

  it('leap-day completion: the window ends on 28 February 2025', () => {
    const ivs = [wb(4, '2024-02-01', '2024-02-29')];
    const p = { from: '2024-01-01', to: '2024-03-31' };
    expect(run(ivs, [out(4, '2025-02-28', '2025-03-01')], '2025-08-29', { period: p })).toMatchObject({ numerator: 1, denominator: 1 });
    expect(run(ivs, [out(4, '2025-03-01', '2025-03-01')], '2025-08-29', { period: p })).toMatchObject({ numerator: 0, denominator: 1 });
    expect(run(ivs, [], '2025-08-28', { period: p })).toMatchObject({ denominator: 0, stillInWindow: 1 });
  });

  it('only the configured outcome codes count (outcome 8 not by default; configurable)', () => {
    const ivs = [wb(5, '2025-01-02', '2025-01-20')];
    const o = [out(5, '2025-05-01', '2025-05-02', '8')];
    expect(run(ivs, o, '2027-01-01')).toMatchObject({ numerator: 0, denominator: 1 });
    expect(run(ivs, o, '2027-01-01', { settings: { ...S, outcomeCodes: ['1', '2', '3', '8'] } })).toMatchObject({ numerator: 1 });
  });

  it('a shorter configured window and no lag', () => {
    const ivs = [wb(6, '2025-01-02', '2025-01-20')]; // 6-month window: to 2025-07-20, recordedBy the same day
    const s = { ...S, windowMonths: 6, lagMonths: 0 };
    expect(run(ivs, [out(6, '2025-07-20', '2025-07-20')], '2025-07-21', { settings: s })).toMatchObject({ numerator: 1, denominator: 1 });
    expect(run(ivs, [out(6, '2025-07-21', '2025-07-21')], '2025-07-22', { settings: s })).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('a hand-worked cohort of five: 1 of 4 in the figure, one still in the window, Wilson interval stated', () => {
    const ivs = [
      wb(1, '2024-12-01', '2025-01-10'), wb(2, '2025-01-05', '2025-02-14'), wb(3, '2025-01-05', '2025-03-01'),
      wb(4, '2025-02-01', '2025-03-31'), wb(5, '2025-03-01', null), wb(6, '2025-03-01', '2025-04-01'),
    ];
    const outs = [out(2, '2025-08-01', '2025-09-01', '2'), out(3, '2024-12-25', '2025-01-20'), out(4, '2026-03-01', '2026-06-01', '22')];
    // asOf 2026-09-15: children 1 (recordedBy 2026-07-10), 2 (2026-08-14), 3 (2026-09-01) in; 4 (2026-09-30) still in window
    const r = run(ivs, outs, '2026-09-15');
    expect(r).toMatchObject({ cohortSize: 4, denominator: 3, stillInWindow: 1, numerator: 1 });
    expect(r.rate).toBeCloseTo(1 / 3, 10);
    expect(r.interval!.lower).toBeCloseTo(0.06149, 4);
    expect(r.interval!.upper).toBeCloseTo(0.79234, 4);
    // intention to treat: everyone who started in Q1 (children 2, 3, 4, 5, 6), windows from the start date
    const itt = run(ivs, outs, '2026-09-15', { cohort: 'started' });
    expect(itt.children.map((c) => c.childId)).toEqual([2, 3, 4, 5, 6]);
    expect(itt.children[0]).toMatchObject({ anchor: '2025-01-05', windowFrom: '2025-01-06', windowTo: '2026-01-05', recordedBy: '2026-07-05' });
    expect(itt).toMatchObject({ cohortSize: 5, denominator: 5, numerator: 1 });
    expect(describeFollowup(itt)).toContain('intention to treat');
  });

  it('refuses bad settings', () => {
    expect(() => run([], [], '2026-13-01')).toThrow(/asOf/);
    expect(() => run([], [], '2026-01-01', { settings: { ...S, windowMonths: 0 } })).toThrow(/windowMonths/);
    expect(() => run([], [], '2026-01-01', { period: { from: '2025-04-01', to: '2025-01-01' } })).toThrow(/period/);
  });
});
