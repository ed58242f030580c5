import { STAGES, type Stage } from './problems.schema.js';
import type { Problem } from './problem.js';
import { defineLifecycle, evaluate, type Finding, type Rule } from '../../platform/lifecycle/lifecycle.js';

/** What the rules need to know about a problem beyond its own fields. */
export interface RulesInput {
  problem: Problem;
  actions: number;
  hasAssessment: boolean;
}

const blank = (v: string | null) => v === null || v.trim() === '';

interface Need {
  /** Rule id suffix: the rule is `problem.<stage>.<key>`. */
  key: string;
  /** The field to fill in (absent when no single field fills the need). */
  field?: string;
  /** The need in the words of the stage checklist, e.g. 'a measurable target (objectiveTarget)'. */
  need: string;
  /** The finding's message, shown beside the field. */
  message: string;
  missing: (r: RulesInput) => boolean;
}

/** What each stage needs before the problem can move past it. */
const NEEDS: Readonly<Record<Stage, readonly Need[]>> = {
  objective: [
    { key: 'target', field: 'objectiveTarget', need: 'a measurable target (objectiveTarget)', message: 'Give a measurable target.', missing: (r) => blank(r.problem.objectiveTarget) },
    { key: 'baseline', field: 'baselineFrom', need: 'a baseline period (baselineFrom and baselineTo)', message: 'Give the baseline period (first and last month).', missing: (r) => !r.problem.baselineFrom || !r.problem.baselineTo },
    { key: 'owner', field: 'ownerId', need: 'an owner (ownerId)', message: 'Give the problem an owner.', missing: (r) => r.problem.ownerId === null },
    { key: 'review_date', field: 'reviewDate', need: 'a review date (reviewDate)', message: 'Give a review date.', missing: (r) => !r.problem.reviewDate },
  ],
  scanning: [
    { key: 'statement', field: 'statement', need: 'a problem statement (statement)', message: 'Write the problem statement.', missing: (r) => blank(r.problem.statement) },
    { key: 'why_problem', field: 'whyProblem', need: 'why it is a problem (whyProblem)', message: 'Say why it is a problem.', missing: (r) => blank(r.problem.whyProblem) },
    { key: 'area', field: 'filter', need: 'an area for the linked incidents (filter.district or filter.lsoa)', message: 'Give an area (districts or LSOAs) for the linked incidents.', missing: (r) => r.problem.filter.district.length === 0 && r.problem.filter.lsoa.length === 0 },
  ],
  analysis: [
    { key: 'offender', field: 'offender', need: 'the offender side of the triangle (offender)', message: 'Describe the offender side of the problem triangle.', missing: (r) => blank(r.problem.offender) },
    { key: 'victim_target', field: 'victimTarget', need: 'the victim/target side of the triangle (victimTarget)', message: 'Describe the victim or target side of the problem triangle.', missing: (r) => blank(r.problem.victimTarget) },
    { key: 'place', field: 'placeDescription', need: 'the place side of the triangle (placeDescription)', message: 'Describe the place side of the problem triangle.', missing: (r) => blank(r.problem.placeDescription) },
    { key: 'data_sources', field: 'dataSources', need: 'the data sources used (dataSources)', message: 'List the data sources used.', missing: (r) => blank(r.problem.dataSources) },
    { key: 'hypotheses', field: 'hypotheses', need: 'hypotheses (hypotheses)', message: 'Write down the hypotheses.', missing: (r) => blank(r.problem.hypotheses) },
  ],
  response: [
    { key: 'action', need: 'at least one response action', message: 'Add at least one response action.', missing: (r) => r.actions === 0 },
  ],
  assessment: [
    { key: 'computed', need: 'a computed assessment (POST /api/problems/{id}/assessment)', message: 'Compute the assessment.', missing: (r) => !r.hasAssessment },
    { key: 'outcome', field: 'outcome', need: 'an outcome on the impact scale (outcome)', message: 'Choose an outcome on the impact scale.', missing: (r) => !r.problem.outcome },
    { key: 'lessons', field: 'lessons', need: 'lessons learned (lessons)', message: 'Write down the lessons learned.', missing: (r) => blank(r.problem.lessons) },
  ],
  closed: [],
};

const ruleId = (stage: Stage, key: string) => `problem.${stage}.${key}`;
/** The checklist words of each rule (for `missing`), by rule id. */
const CHECKLIST = new Map(STAGES.flatMap((s) => NEEDS[s].map((n) => [ruleId(s, n.key), `${s}: ${n.need}`] as const)));

const stageRule = (stage: Stage, n: Need): Rule<RulesInput> => ({
  id: ruleId(stage, n.key),
  check: (r) => (n.missing(r) ? [{ ...(n.field ? { field: n.field } : {}), message: n.message }] : []),
});

const at = (s: Stage) => STAGES.indexOf(s);

/**
 * The OSARA stages as a lifecycle. Moving back is always allowed (problem solving iterates);
 * moving forward needs the fields of every stage before the target (closing needs an assessment).
 */
export const problemStages = defineLifecycle<Stage, RulesInput>({
  record: 'problem',
  states: STAGES,
  transitions: Object.fromEntries(STAGES.map((s) => [s, STAGES.filter((t) => t !== s)])) as Record<Stage, Stage[]>,
  guards: STAGES.flatMap((stage) => NEEDS[stage].map((n) => ({ applies: (from: Stage, to: Stage) => at(to) > at(from) && at(stage) < at(to), rule: stageRule(stage, n) }))),
});

/** What each stage needs before the problem can move past it (in the words shown to the user). */
export function stageNeeds(stage: Stage, r: RulesInput): string[] {
  return NEEDS[stage].filter((n) => n.missing(r)).map((n) => n.need);
}

export interface StageDecision {
  allowed: boolean;
  /** Grouped by the stage whose fields are missing, e.g. 'analysis: hypotheses (hypotheses)'. */
  missing: string[];
  message: string;
  /** The rules' findings (empty when allowed). */
  findings: Finding[];
}

/** The message of a refused move, from its findings. */
export function stageRefusal(target: Stage, findings: readonly Finding[]): string {
  const verb = target === 'closed' ? 'close the problem' : `move to ${target}`;
  return `Cannot ${verb}: missing ${findings.map((f) => CHECKLIST.get(f.rule) ?? f.message).join('; ')}`;
}

/** May the problem move to `target`? (Asking for the current stage is allowed: it changes nothing.) */
export function checkStageMove(r: RulesInput, target: Stage): StageDecision {
  const from = r.problem.stage;
  if (from === target) return { allowed: true, missing: [], message: `already at ${target}`, findings: [] };
  const e = evaluate(problemStages, from, target, r);
  const missing = e.findings.map((f) => CHECKLIST.get(f.rule)!);
  if (e.allowed) return { allowed: true, missing, message: at(target) < at(from) ? `moved back to ${target}` : `moved to ${target}`, findings: [] };
  return { allowed: false, missing, message: stageRefusal(target, e.findings), findings: e.findings };
}
