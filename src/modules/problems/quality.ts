import type { Problem, ProblemAction } from './problem.js';

/** One recording criterion: met or not, and why. */
export interface Criterion {
  key: string;
  label: string;
  /** Where the criterion comes from (Goldstein judging criteria, College guideline, Tilley, POP triangle). */
  source: string;
  met: boolean;
  reason: string;
}

export interface QualityScore {
  score: number;
  max: number;
  percent: number;
  criteria: Criterion[];
}

export interface QualityInput {
  problem: Problem;
  actions: readonly Pick<ProblemAction, 'status' | 'partnerAgencyId' | 'mechanism' | 'ownerId' | 'dueDate'>[];
  assessment: { hasControl: boolean; hasDisplacement: boolean; p: number | null } | null;
  rtmWarnings: readonly string[];
}

const filled = (v: string | null | undefined) => v !== null && v !== undefined && v.trim() !== '';
const hasNumber = (v: string | null) => v !== null && /\d/.test(v);

/**
 * Scores a problem against the recording criteria of DOMAIN-ANCHORS §3.13: the Goldstein judging
 * criteria (depth of analysis, clear and realistic goals, relevant measures of effectiveness,
 * community and partner involvement) and the College minimum fields. Pure.
 */
export function qualityScore(q: QualityInput): QualityScore {
  const p = q.problem;
  const c: Criterion[] = [];
  const add = (key: string, label: string, source: string, met: boolean, yes: string, no: string) => c.push({ key, label, source, met, reason: met ? yes : no });

  const goalsMissing = [!hasNumber(p.objectiveTarget) && 'a target with a number', !(p.baselineFrom && p.baselineTo) && 'a baseline period', !p.reviewDate && 'a review date', p.ownerId === null && 'an owner'].filter(Boolean);
  add('goals', 'Clear and realistic response goals', 'Goldstein criteria; College guideline (Objective)', goalsMissing.length === 0,
    `measurable target '${p.objectiveTarget ?? ''}' with baseline ${p.baselineFrom}..${p.baselineTo}, owner and review date`,
    `missing ${goalsMissing.join(', ')}`);

  const specMissing = [!filled(p.statement) && 'a statement', !filled(p.whyProblem) && 'why it is a problem', p.filter.district.length + p.filter.lsoa.length === 0 && 'linked incidents (an area filter)'].filter(Boolean);
  add('specification', 'Problem specified from the data', 'College guideline (Scanning)', specMissing.length === 0,
    `${p.statementType} problem with a statement, why it matters and linked incidents`, `missing ${specMissing.join(', ')}`);

  const sides = [['offender', p.offender], ['victim/target', p.victimTarget], ['place', p.placeDescription]] as const;
  const controllers = [['handler', p.handler], ['guardian', p.guardian], ['manager', p.manager]] as const;
  const noSides = sides.filter(([, v]) => !filled(v)).map(([k]) => k);
  const someController = controllers.some(([, v]) => filled(v));
  const depthMissing = [...noSides.map((s) => `the ${s} side`), !someController && 'any controller (handler, guardian or manager)', !filled(p.dataSources) && 'data sources', !filled(p.hypotheses) && 'hypotheses'].filter(Boolean);
  add('analysis', 'Depth of analysis', 'Goldstein criteria; POP problem analysis triangle', depthMissing.length === 0,
    'all three sides of the triangle, controllers, data sources and hypotheses recorded', `missing ${depthMissing.join(', ')}`);

  const tailored = q.actions.filter((a) => a.ownerId !== null && a.dueDate !== null);
  add('responses', 'Responses with owners and dates', 'College guideline (Response)', tailored.length > 0 && tailored.length === q.actions.length,
    `${q.actions.length} response(s), each with an owner and a due date`,
    q.actions.length === 0 ? 'no responses recorded' : `${q.actions.length - tailored.length} response(s) without an owner or a due date`);

  const partners = q.actions.filter((a) => a.partnerAgencyId !== null).length;
  const engagement = q.actions.filter((a) => a.mechanism === 'engagement').length;
  add('partnership', 'Community and partner involvement', 'Goldstein criteria; College guideline', partners > 0 || engagement > 0,
    `${partners} response(s) with a partner agency, ${engagement} engagement response(s)`, 'no response involves a partner agency or community engagement');

  const a = q.assessment;
  const measureMissing = [!a && 'a computed evaluation', a && !a.hasControl && 'a control area', a && !a.hasDisplacement && 'a displacement buffer', q.rtmWarnings.length > 0 && 'a baseline outside the window the problem was picked from'].filter(Boolean);
  add('measures', 'Relevant measures of effectiveness', 'Goldstein criteria; DOMAIN-ANCHORS §3.13 (WDD with control and displacement)', measureMissing.length === 0,
    `WDD with control and displacement areas${a?.p !== null && a?.p !== undefined ? ` (p = ${a.p.toPrecision(2)})` : ''}`, `missing ${measureMissing.join(', ')}`);

  const settled = q.actions.filter((x) => x.status !== 'open').length;
  add('delivery', 'Process measures: were the responses delivered?', 'College guideline (Assessment)', q.actions.length > 0 && settled === q.actions.length,
    'every response is marked done or dropped', q.actions.length === 0 ? 'no responses to measure' : `${q.actions.length - settled} response(s) still open`);

  const outcomeMissing = [p.outcome === null && 'an outcome', !filled(p.lessons) && 'lessons learned'].filter(Boolean);
  add('outcome', 'Outcome on the impact scale with lessons learned', 'MPS impact scale; College guideline (sharing good practice)', outcomeMissing.length === 0,
    'outcome and lessons learned recorded', `missing ${outcomeMissing.join(' and ')}`);

  const score = c.filter((x) => x.met).length;
  return { score, max: c.length, percent: Math.round((100 * score) / c.length), criteria: c };
}
