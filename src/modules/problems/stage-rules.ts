import { STAGES, type Stage } from './problems.schema.js';
import type { Problem } from './problem.js';

/** What the rules need to know about a problem beyond its own fields. */
export interface RulesInput {
  problem: Problem;
  actions: number;
  hasAssessment: boolean;
}

/** What each stage needs before the problem can move past it (in the words shown to the user). */
export function stageNeeds(stage: Stage, r: RulesInput): string[] {
  const p = r.problem;
  const blank = (v: string | null) => v === null || v.trim() === '';
  const missing: string[] = [];
  switch (stage) {
    case 'objective':
      if (blank(p.objectiveTarget)) missing.push('a measurable target (objectiveTarget)');
      if (!p.baselineFrom || !p.baselineTo) missing.push('a baseline period (baselineFrom and baselineTo)');
      if (p.ownerId === null) missing.push('an owner (ownerId)');
      if (!p.reviewDate) missing.push('a review date (reviewDate)');
      break;
    case 'scanning':
      if (blank(p.statement)) missing.push('a problem statement (statement)');
      if (blank(p.whyProblem)) missing.push('why it is a problem (whyProblem)');
      if (p.filter.district.length === 0 && p.filter.lsoa.length === 0) missing.push('an area for the linked incidents (filter.district or filter.lsoa)');
      break;
    case 'analysis':
      if (blank(p.offender)) missing.push('the offender side of the triangle (offender)');
      if (blank(p.victimTarget)) missing.push('the victim/target side of the triangle (victimTarget)');
      if (blank(p.placeDescription)) missing.push('the place side of the triangle (placeDescription)');
      if (blank(p.dataSources)) missing.push('the data sources used (dataSources)');
      if (blank(p.hypotheses)) missing.push('hypotheses (hypotheses)');
      break;
    case 'response':
      if (r.actions === 0) missing.push('at least one response action');
      break;
    case 'assessment':
      if (!r.hasAssessment) missing.push('a computed assessment (POST /api/problems/{id}/assessment)');
      if (!p.outcome) missing.push('an outcome on the impact scale (outcome)');
      if (blank(p.lessons)) missing.push('lessons learned (lessons)');
      break;
    case 'closed':
      break;
  }
  return missing;
}

export interface StageDecision {
  allowed: boolean;
  /** Grouped by the stage whose fields are missing, e.g. 'analysis: hypotheses (hypotheses)'. */
  missing: string[];
  message: string;
}

/**
 * May the problem move to `target`? Moving back is always allowed (problem solving iterates);
 * moving forward needs the fields of every stage passed on the way; closing needs an assessment.
 */
export function checkStageMove(r: RulesInput, target: Stage): StageDecision {
  const from = STAGES.indexOf(r.problem.stage);
  const to = STAGES.indexOf(target);
  if (to <= from) return { allowed: true, missing: [], message: `moved back to ${target}` };
  const missing = STAGES.slice(0, to).flatMap((s) => stageNeeds(s, r).map((m) => `${s}: ${m}`));
  if (missing.length === 0) return { allowed: true, missing, message: `moved to ${target}` };
  const verb = target === 'closed' ? 'close the problem' : `move to ${target}`;
  return { allowed: false, missing, message: `Cannot ${verb}: missing ${missing.join('; ')}` };
}
