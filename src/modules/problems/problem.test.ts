import { describe, expect, it } from 'vitest';
import { deliveryOf, rtmWarnings, windowsOverlap } from './problem.js';
import { buildCaseStudy, limitWords, redact } from './case-study.js';
import { problemFieldsSchema } from './problems.schema.js';

describe('regression to the mean', () => {
  it('warns when the baseline or the pre period overlaps the window the problem was picked from', () => {
    expect(windowsOverlap({ from: '2025-07', to: '2025-09' }, { from: '2025-09', to: '2025-12' })).toBe(true);
    expect(windowsOverlap({ from: '2025-07', to: '2025-09' }, { from: '2025-10', to: '2025-12' })).toBe(false);
    const p = { pickedFrom: '2025-07', pickedTo: '2025-09', baselineFrom: '2025-06', baselineTo: '2025-08' };
    const w = rtmWarnings(p, { from: '2025-01', to: '2025-06' });
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('baseline period 2025-06..2025-08 overlaps the window the problem was picked from (2025-07..2025-09)');
    expect(rtmWarnings(p, { from: '2025-08', to: '2025-08' })).toHaveLength(2);
    expect(rtmWarnings({ ...p, pickedFrom: null, pickedTo: null })).toEqual([]);
  });
});

describe('delivery', () => {
  it('counts done against actions not dropped', () => {
    const d = deliveryOf([{ status: 'done' }, { status: 'open' }, { status: 'dropped' }, { status: 'done' }]);
    expect(d).toMatchObject({ actions: 4, done: 2, open: 1, dropped: 1, deliveredShare: 2 / 3, reading: '2 of 3 responses delivered, 1 still open, 1 dropped' });
    expect(deliveryOf([]).deliveredShare).toBeNull();
  });
});

describe('case study text', () => {
  it('redacts names as whole words, any case, longest first', () => {
    expect(redact('John Smith met Smithers and john', ['John', 'Smith', 'John Smith'])).toBe('[name removed] met Smithers and [name removed]');
  });
  it('keeps to the word limit and says when it shortened', () => {
    const long = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
    const cut = limitWords(long, 400);
    expect(cut.split(' ').length).toBe(400);
    expect(cut.endsWith('[… shortened]')).toBe(true);
    expect(limitWords('a  b', 400)).toBe('a b');
  });
  it('leaves the triangle descriptions out', async () => {
    const { completeProblem } = await import('./problem.fixture.js');
    const p = completeProblem({ offender: 'Kevin Example and friends', victimTarget: 'Mrs Sample', stage: 'closed' });
    const detail = { ...p, people: [], places: [], owner: null, ownerUsername: null, actions: [], history: [], assessment: null, delivery: deliveryOf([]), quality: { score: 0, max: 8, percent: 0, criteria: [] }, warnings: [], next: null };
    const cs = buildCaseStudy(detail, []);
    const text = JSON.stringify(cs);
    expect(text).not.toContain('Kevin');
    expect(text).not.toContain('Sample');
    expect(cs.words.summary).toBeLessThanOrEqual(400);
  });
});

describe('harm weights as typed', () => {
  it('reads "Category=weight; ..." and names a bad pair', () => {
    expect(problemFieldsSchema.parse({ harmWeights: 'Burglary=3.5; Anti-social behaviour=1' }).harmWeights).toEqual({ Burglary: 3.5, 'Anti-social behaviour': 1 });
    expect(problemFieldsSchema.parse({ harmWeights: { Robbery: 2 } }).harmWeights).toEqual({ Robbery: 2 });
    expect(problemFieldsSchema.parse({ harmWeights: '' }).harmWeights).toEqual({});
    const bad = problemFieldsSchema.safeParse({ harmWeights: 'Burglary=heavy' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe("must be CATEGORY=WEIGHT pairs separated by ';' with weights >= 0, not 'Burglary=heavy'");
  });
});
