import { describe, expect, it } from 'vitest';
import { blankProblem, completeProblem } from './problem.fixture.js';
import { checkStageMove, stageNeeds } from './stage-rules.js';

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
});
