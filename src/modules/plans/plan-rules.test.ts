import { describe, expect, it } from 'vitest';
import { planStatusFindings, activationProblems, addDays, childRuleApplies, daysBetween, highestRisk, reviewDateProblems, transitionProblems, type PlanFacts } from './plan-rules.js';

const today = '2026-11-24';
const ready: PlanFacts = {
  status: 'draft', subjectKind: 'repeat_offender', isChild: false, riskLevels: ['medium'], liveInterventions: 1,
  nextReviewDue: '2026-12-10', youthPartnerActions: 0, youthPartnerWaiver: null,
};

describe('plan dates', () => {
  it('counts days and adds them across month ends', () => {
    expect(daysBetween('2026-11-24', '2026-12-08')).toBe(14);
    expect(daysBetween('2026-12-08', '2026-11-24')).toBe(-14);
    expect(addDays('2026-02-20', 10)).toBe('2026-03-02');
    expect(addDays('2028-02-20', 10)).toBe('2028-03-01');
  });
  it('takes the highest risk level', () => {
    expect(highestRisk(['low', 'high', 'medium'])).toBe('high');
    expect(highestRisk(['low'])).toBe('low');
    expect(highestRisk([])).toBeNull();
  });
});

describe('review cadence', () => {
  it('needs a next review date that is not in the past', () => {
    expect(reviewDateProblems(null, 'low', today)).toEqual(['nextReviewDue: a next review date is needed']);
    expect(reviewDateProblems('2026-11-23', 'low', today)[0]).toContain('is in the past');
    expect(reviewDateProblems(today, 'high', today)).toEqual([]);
  });
  it('keeps high risk within 14 days, medium within 28 and low within 56', () => {
    expect(reviewDateProblems('2026-12-08', 'high', today)).toEqual([]);
    expect(reviewDateProblems('2026-12-09', 'high', today)).toEqual(['nextReviewDue: a high-risk plan is reviewed at least every 14 days (next review by 2026-12-08)']);
    expect(reviewDateProblems('2026-12-22', 'medium', today)).toEqual([]);
    expect(reviewDateProblems('2026-12-23', 'medium', today)).toHaveLength(1);
    expect(reviewDateProblems('2027-01-19', 'low', today)).toEqual([]);
    expect(reviewDateProblems('2027-01-20', 'low', today)).toHaveLength(1);
  });
});

describe('activating a plan', () => {
  it('is allowed with a risk factor, a live intervention and a review date in cadence', () => {
    expect(activationProblems(ready, today)).toEqual([]);
    expect(transitionProblems(ready, 'active', null, today)).toEqual([]);
  });
  it('names every missing piece', () => {
    const empty: PlanFacts = { ...ready, riskLevels: [], liveInterventions: 0, nextReviewDue: null };
    expect(transitionProblems(empty, 'active', null, today)).toEqual([
      'riskFactors: record at least one risk factor',
      'interventions: plan at least one intervention',
      'nextReviewDue: a next review date is needed',
    ]);
  });
  it('needs a youth justice or children\'s services action for a child, or a reason why not', () => {
    const child: PlanFacts = { ...ready, isChild: true };
    expect(activationProblems(child, today)).toEqual([
      "partnerActions: a plan for a child needs a youth justice or children's services partner action, or a recorded reason why none is needed",
    ]);
    expect(activationProblems({ ...child, youthPartnerActions: 1 }, today)).toEqual([]);
    expect(activationProblems({ ...child, youthPartnerWaiver: 'Already supervised by the youth court order' }, today)).toEqual([]);
    expect(activationProblems({ ...child, youthPartnerWaiver: '   ' }, today)).toHaveLength(1);
  });
  it('treats a young person at risk of unknown age as a child, but not a known adult', () => {
    expect(childRuleApplies({ isChild: null, subjectKind: 'young_person_at_risk' })).toBe(true);
    expect(childRuleApplies({ isChild: false, subjectKind: 'young_person_at_risk' })).toBe(false);
    expect(childRuleApplies({ isChild: null, subjectKind: 'repeat_victim' })).toBe(false);
    expect(childRuleApplies({ isChild: true, subjectKind: 'repeat_victim' })).toBe(true);
  });
});

describe('status changes', () => {
  it('follows draft -> active -> paused -> active -> closed', () => {
    expect(transitionProblems({ ...ready, status: 'active' }, 'paused', 'Person in hospital', today)).toEqual([]);
    expect(transitionProblems({ ...ready, status: 'paused' }, 'active', null, today)).toEqual([]);
    expect(transitionProblems({ ...ready, status: 'active' }, 'closed', 'Objectives met', today)).toEqual([]);
    expect(transitionProblems({ ...ready, status: 'draft' }, 'closed', 'Opened by mistake', today)).toEqual([]);
  });
  it('cannot close or pause without a reason', () => {
    expect(transitionProblems({ ...ready, status: 'active' }, 'closed', null, today)).toEqual(['reason: give the reason for closing the plan']);
    expect(transitionProblems({ ...ready, status: 'active' }, 'closed', '  ', today)).toEqual(['reason: give the reason for closing the plan']);
    expect(transitionProblems({ ...ready, status: 'active' }, 'paused', undefined, today)).toEqual(['reason: give the reason for pausing the plan']);
  });
  it('refuses moves the lifecycle does not have', () => {
    expect(transitionProblems({ ...ready, status: 'closed' }, 'active', null, today)[0]).toContain('a closed plan is final');
    expect(transitionProblems({ ...ready, status: 'draft' }, 'paused', 'x', today)).toEqual(['status: a draft plan cannot become paused']);
    expect(transitionProblems({ ...ready, status: 'active' }, 'draft', null, today)).toEqual(['status: an active plan cannot become draft']);
    expect(transitionProblems({ ...ready, status: 'active' }, 'active', null, today)).toEqual(['status: the plan is already active']);
  });
  it('re-checks the activation rules when a paused plan resumes', () => {
    expect(transitionProblems({ ...ready, status: 'paused', nextReviewDue: '2026-11-01' }, 'active', null, today)[0]).toContain('is in the past');
  });
});

describe('the plan status lifecycle, table-driven', () => {
  const empty: PlanFacts = { ...ready, riskLevels: [], liveInterventions: 0, nextReviewDue: null };
  const child: PlanFacts = { ...ready, isChild: true };
  // from, to, facts, reason -> transition, refused by rules
  it.each([
    ['draft', 'active', ready, null, true, []],
    ['draft', 'active', empty, null, true, ['plan.risk_factor_required', 'plan.intervention_required', 'plan.review_cadence']],
    ['draft', 'active', child, null, true, ['plan.child_partner_action']],
    ['draft', 'closed', ready, null, true, ['plan.reason_required']],
    ['draft', 'closed', ready, 'Opened by mistake', true, []],
    ['draft', 'paused', ready, 'x', false, []],
    ['active', 'paused', ready, '', true, ['plan.reason_required']],
    ['active', 'paused', empty, 'In hospital', true, []],
    ['active', 'draft', ready, null, false, []],
    ['paused', 'active', { ...ready, nextReviewDue: '2026-11-01' }, null, true, ['plan.review_cadence']],
    ['closed', 'active', ready, null, false, []],
    ['closed', 'draft', ready, 'x', false, []],
  ] as const)('%s -> %s: transition %s, refused by %j', (from, to, facts, reason, transition, rules) => {
    const e = planStatusFindings({ ...facts, status: from }, to, reason, today);
    expect(e.transition).toBe(transition);
    expect(e.findings.map((f) => f.rule)).toEqual(rules);
    expect(e.allowed).toBe(transition && rules.length === 0);
  });
  it('the reason finding names the field and what to do', () => {
    expect(planStatusFindings({ ...ready, status: 'active' }, 'closed', null, today).findings).toEqual([{ rule: 'plan.reason_required', field: 'reason', message: 'give the reason for closing the plan' }]);
  });
});
