import type { Outcome, ProblemFilter, ProblemSource, Stage } from './problems.schema.js';

/** A problem as the service and the rules see it (camelCase; dates as ISO strings). */
export interface Problem {
  id: number;
  title: string;
  district: string;
  statementType: 'behaviour' | 'place' | 'persons' | 'time';
  stage: Stage;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  objectiveTarget: string | null;
  baselineFrom: string | null;
  baselineTo: string | null;
  ownerId: number | null;
  reviewDate: string | null;
  statement: string | null;
  whyProblem: string | null;
  filter: ProblemFilter;
  pickedFrom: string | null;
  pickedTo: string | null;
  source: ProblemSource | null;
  offender: string | null;
  victimTarget: string | null;
  placeDescription: string | null;
  handler: string | null;
  guardian: string | null;
  manager: string | null;
  dataSources: string | null;
  hypotheses: string | null;
  evalStart: string | null;
  evalPreMonths: number | null;
  evalPostMonths: number | null;
  areaTreated: string[];
  areaControl: string[];
  areaDispTreated: string[];
  areaDispControl: string[];
  harmWeights: Record<string, number>;
  outcome: Outcome | null;
  outcomeDetail: string | null;
  lessons: string | null;
  closureReason: string | null;
  closedAt: string | null;
  goodPractice: boolean;
}

export interface ProblemAction {
  id: number;
  problemId: number;
  description: string;
  ownerId: number | null;
  ownerUsername: string | null;
  partnerAgencyId: number | null;
  partnerAgency: string | null;
  mechanism: 'situational' | 'enforcement' | 'diversion' | 'engagement';
  dueDate: string | null;
  status: 'open' | 'done' | 'dropped';
  createdAt: string;
  completedAt: string | null;
}

/** Whether the responses were delivered: the process measure of the Assessment stage. */
export interface Delivery {
  actions: number;
  done: number;
  open: number;
  dropped: number;
  /** Share of actions not dropped that are done; null without actions. */
  deliveredShare: number | null;
  reading: string;
}

/** A stored evaluation: the design used and the WDD figures with their provenance. */
export interface StoredAssessment {
  id: number;
  computedAt: string;
  computedBy: string;
  design: Record<string, unknown>;
  result: Record<string, unknown>;
  delivery: Delivery;
  warnings: string[];
}

export interface StageMove {
  fromStage: Stage | null;
  toStage: Stage;
  actor: string;
  at: string;
  note: string | null;
}

/** Counts the actions by status. */
export function deliveryOf(actions: readonly Pick<ProblemAction, 'status'>[]): Delivery {
  const done = actions.filter((a) => a.status === 'done').length;
  const open = actions.filter((a) => a.status === 'open').length;
  const dropped = actions.filter((a) => a.status === 'dropped').length;
  const live = done + open;
  const deliveredShare = live === 0 ? null : done / live;
  const reading =
    actions.length === 0
      ? 'no responses recorded'
      : `${done} of ${live} response${live === 1 ? '' : 's'} delivered${open ? `, ${open} still open` : ''}${dropped ? `, ${dropped} dropped` : ''}`;
  return { actions: actions.length, done, open, dropped, deliveredShare, reading };
}

/** True when two month windows (YYYY-MM, inclusive) share a month. */
export function windowsOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * The regression-to-the-mean warning: a place picked because it peaked falls back anyway, so a
 * baseline (or a pre period) that overlaps the window it was picked from overstates the fall.
 */
export function rtmWarnings(p: Pick<Problem, 'pickedFrom' | 'pickedTo' | 'baselineFrom' | 'baselineTo'>, pre?: { from: string; to: string }): string[] {
  if (!p.pickedFrom || !p.pickedTo) return [];
  const picked = { from: p.pickedFrom, to: p.pickedTo };
  const out: string[] = [];
  const what = `the window the problem was picked from (${picked.from}..${picked.to})`;
  if (p.baselineFrom && p.baselineTo && windowsOverlap(picked, { from: p.baselineFrom, to: p.baselineTo })) {
    out.push(`Regression to the mean: the baseline period ${p.baselineFrom}..${p.baselineTo} overlaps ${what}. A place picked because it peaked tends to fall back anyway; choose a baseline outside that window.`);
  }
  if (pre && windowsOverlap(picked, pre)) {
    out.push(`Regression to the mean: the pre period ${pre.from}..${pre.to} of the evaluation overlaps ${what}, so part of any fall may be the peak passing rather than the response.`);
  }
  return out;
}
