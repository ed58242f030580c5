import { describe, expect, it } from 'vitest';
import { blankProblem, completeProblem } from './problem.fixture.js';
import { qualityScore } from './quality.js';

const act = (over: Partial<{ status: 'open' | 'done' | 'dropped'; partnerAgencyId: number | null; mechanism: 'situational' | 'enforcement' | 'diversion' | 'engagement'; ownerId: number | null; dueDate: string | null }> = {}) => ({
  status: 'done' as const, partnerAgencyId: 2, mechanism: 'situational' as const, ownerId: 1, dueDate: '2025-12-01', ...over,
});

describe('quality score (Goldstein criteria and College minimum fields)', () => {
  it('a blank problem meets no criterion, each with its reason', () => {
    const q = qualityScore({ problem: blankProblem(), actions: [], assessment: null, rtmWarnings: [] });
    expect(q.score).toBe(0);
    expect(q.max).toBe(8);
    expect(q.percent).toBe(0);
    const by = Object.fromEntries(q.criteria.map((c) => [c.key, c]));
    expect(by.goals!.reason).toBe('missing a target with a number, a baseline period, a review date, an owner');
    expect(by.analysis!.reason).toBe('missing the offender side, the victim/target side, the place side, any controller (handler, guardian or manager), data sources, hypotheses');
    expect(by.partnership!.reason).toBe('no response involves a partner agency or community engagement');
    expect(by.measures!.reason).toBe('missing a computed evaluation');
    expect(by.delivery!.reason).toBe('no responses to measure');
  });

  it('a complete, evaluated problem meets every criterion', () => {
    const q = qualityScore({ problem: completeProblem(), actions: [act(), act({ status: 'dropped', partnerAgencyId: null, mechanism: 'engagement' })], assessment: { hasControl: true, hasDisplacement: true, p: 0.031 }, rtmWarnings: [] });
    expect(q.criteria.filter((c) => !c.met)).toEqual([]);
    expect(q.score).toBe(8);
    expect(q.percent).toBe(100);
    expect(q.criteria.find((c) => c.key === 'measures')!.reason).toBe('WDD with control and displacement areas (p = 0.031)');
  });

  it('a target without a number is not measurable; an evaluation without displacement area or with a regression-to-the-mean warning falls short', () => {
    const q = qualityScore({
      problem: completeProblem({ objectiveTarget: 'make it better' }), actions: [act({ status: 'open', ownerId: null })],
      assessment: { hasControl: true, hasDisplacement: false, p: null }, rtmWarnings: ['Regression to the mean: ...'],
    });
    const by = Object.fromEntries(q.criteria.map((c) => [c.key, c]));
    expect(by.goals!.met).toBe(false);
    expect(by.goals!.reason).toBe('missing a target with a number');
    expect(by.measures!.reason).toBe('missing a displacement buffer, a baseline outside the window the problem was picked from');
    expect(by.responses!.reason).toBe('1 response(s) without an owner or a due date');
    expect(by.delivery!.reason).toBe('1 response(s) still open');
    expect(q.score).toBe(4);
    expect(q.percent).toBe(50);
  });
});
