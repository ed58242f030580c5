import { describe, expect, it } from 'vitest';
import { blankProblem, completeProblem } from './problem.fixture.js';
import { checkStageMove, problemStages, stageNeeds } from './stage-rules.js';
import { evaluate } from '../../platform/lifecycle/lifecycle.js';
import type { Stage } from './problems.schema.js';

describe('stage rules', () => {
  it('a new problem cannot move to scanning without its objective fields, and says which', () => {
    const d = checkStageMove({ problem: blankProblem(), actions: 0, hasAssessment: false }, 'scanning');
    expect(d.allowed).toBe(false);
    expect(d.missing).toEqual([
      'objective: a measurable target (objectiveTarget)',
      'objective: a baseline period (baselineFrom and baselineTo)',
      'objective: an owner (ownerId)',
      'objective: a review date (reviewDate)',
    ]);
    expect(d.message).toBe(`Cannot move to scanning: missing ${d.missing.join('; ')}`);
  });

  it('moves forward one stage when the current stage is complete', () => {
    const p = blankProblem({ objectiveTarget: 'Reduce by 20%', baselineFrom: '2024-01', baselineTo: '2024-06', ownerId: 3, reviewDate: '2026-01-01' });
    expect(checkStageMove({ problem: p, actions: 0, hasAssessment: false }, 'scanning').allowed).toBe(true);
    // but not past scanning: its own fields are still missing
    const d = checkStageMove({ problem: p, actions: 0, hasAssessment: false }, 'analysis');
    expect(d.allowed).toBe(false);
    expect(d.missing.every((m) => m.startsWith('scanning: '))).toBe(true);
  });

  it('a blank baseline end or whitespace text counts as missing', () => {
    const p = blankProblem({ objectiveTarget: '   ', baselineFrom: '2024-01', ownerId: 1, reviewDate: '2026-01-01' });
    expect(stageNeeds('objective', { problem: p, actions: 0, hasAssessment: false })).toEqual(['a measurable target (objectiveTarget)', 'a baseline period (baselineFrom and baselineTo)']);
  });

  it('the response stage needs at least one action', () => {
    const p = completeProblem({ stage: 'response' });
    expect(checkStageMove({ problem: p, actions: 0, hasAssessment: false }, 'assessment').missing).toEqual(['response: at least one response action']);
    expect(checkStageMove({ problem: p, actions: 2, hasAssessment: false }, 'assessment').allowed).toBe(true);
  });

  it('cannot close without an assessment, and the message says exactly what is missing', () => {
    const p = completeProblem({ stage: 'assessment', outcome: null, lessons: null });
    const d = checkStageMove({ problem: p, actions: 1, hasAssessment: false }, 'closed');
    expect(d.allowed).toBe(false);
    expect(d.message).toBe(
      'Cannot close the problem: missing assessment: a computed assessment (POST /api/problems/{id}/assessment); ' +
        'assessment: an outcome on the impact scale (outcome); assessment: lessons learned (lessons)',
    );
    expect(checkStageMove({ problem: completeProblem({ stage: 'assessment' }), actions: 1, hasAssessment: false }, 'closed').missing).toEqual([
      'assessment: a computed assessment (POST /api/problems/{id}/assessment)',
    ]);
    expect(checkStageMove({ problem: completeProblem({ stage: 'assessment' }), actions: 1, hasAssessment: true }, 'closed').allowed).toBe(true);
  });

  it('closing a blank problem lists every stage that is incomplete', () => {
    const d = checkStageMove({ problem: blankProblem(), actions: 0, hasAssessment: false }, 'closed');
    expect(new Set(d.missing.map((m) => m.split(':')[0]))).toEqual(new Set(['objective', 'scanning', 'analysis', 'response', 'assessment']));
  });

  it('moving back (or reopening) is always allowed', () => {
    expect(checkStageMove({ problem: blankProblem({ stage: 'response' }), actions: 0, hasAssessment: false }, 'analysis').allowed).toBe(true);
    expect(checkStageMove({ problem: blankProblem({ stage: 'closed' }), actions: 0, hasAssessment: false }, 'assessment').allowed).toBe(true);
  });

  // from, to, which problem, actions, assessment computed -> allowed, rules that refuse
  const complete = completeProblem();
  it.each([
    ['objective', 'scanning', 'blank', 0, false, false, ['problem.objective.target', 'problem.objective.baseline', 'problem.objective.owner', 'problem.objective.review_date']],
    ['objective', 'scanning', 'complete', 0, false, true, []],
    ['objective', 'response', 'complete', 0, false, true, []],
    ['objective', 'assessment', 'complete', 0, false, false, ['problem.response.action']],
    ['response', 'assessment', 'complete', 1, false, true, []],
    ['assessment', 'closed', 'complete', 1, false, false, ['problem.assessment.computed']],
    ['assessment', 'closed', 'complete', 1, true, true, []],
    ['closed', 'objective', 'blank', 0, false, true, []],
    ['analysis', 'scanning', 'blank', 0, false, true, []],
  ] as const)('%s -> %s (%s problem, %i actions, assessment %s): allowed %s, refused by %j', (from, to, which, actions, hasAssessment, allowed, rules) => {
    const problem = which === 'blank' ? blankProblem({ stage: from as Stage }) : { ...complete, stage: from as Stage };
    const e = evaluate(problemStages, from, to, { problem, actions, hasAssessment });
    expect(e.transition).toBe(true);
    expect(e.allowed).toBe(allowed);
    expect(e.findings.map((f) => f.rule)).toEqual(rules);
    expect(checkStageMove({ problem, actions, hasAssessment }, to).allowed).toBe(allowed);
  });

  it('findings name the field to fill in, in words for the officer', () => {
    const d = checkStageMove({ problem: blankProblem({ stage: 'analysis' }), actions: 0, hasAssessment: false }, 'response');
    expect(d.findings.filter((f) => f.rule.startsWith('problem.analysis.'))).toEqual([
      { rule: 'problem.analysis.offender', field: 'offender', message: 'Describe the offender side of the problem triangle.' },
      { rule: 'problem.analysis.victim_target', field: 'victimTarget', message: 'Describe the victim or target side of the problem triangle.' },
      { rule: 'problem.analysis.place', field: 'placeDescription', message: 'Describe the place side of the problem triangle.' },
      { rule: 'problem.analysis.data_sources', field: 'dataSources', message: 'List the data sources used.' },
      { rule: 'problem.analysis.hypotheses', field: 'hypotheses', message: 'Write down the hypotheses.' },
    ]);
    expect(d.missing).toHaveLength(d.findings.length);
  });
});
