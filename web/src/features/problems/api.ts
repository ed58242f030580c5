// Problems (OSARA): the API calls and the shapes the pages read.
import { apiGet, apiSend } from '../../app/api';
import type { AnalysisProvenance } from '../analysis/types';

export const STAGES = ['objective', 'scanning', 'analysis', 'response', 'assessment', 'closed'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABEL: Record<Stage, string> = {
  objective: 'Objective', scanning: 'Scanning', analysis: 'Analysis', response: 'Response', assessment: 'Assessment', closed: 'Closed',
};
export const STATEMENT_TYPES = ['behaviour', 'place', 'persons', 'time'] as const;
export const MECHANISMS = ['situational', 'enforcement', 'diversion', 'engagement'] as const;
export const OUTCOMES = [
  ['eliminated', 'Eliminated'], ['reduced', 'Reduced'], ['less_serious', 'Less serious'], ['handled_better', 'Handled better'], ['handed_over', 'Handed to a better-placed body'],
] as const;

export interface ProblemFilter { district: string[]; lsoa: string[]; category: string[]; from?: string; to?: string }

export interface ProblemAction {
  id: number; description: string; ownerUsername: string | null; partnerAgencyId: number | null; partnerAgency: string | null;
  mechanism: string; dueDate: string | null; status: 'open' | 'done' | 'dropped';
}

export interface Criterion { key: string; label: string; source: string; met: boolean; reason: string }

export interface Assessment {
  id: number; computedAt: string; computedBy: string;
  design: { start: string; preMonths: number; postMonths: number; areas: Record<string, { lsoa: string[] }>; harmWeights: Record<string, number> };
  result: {
    counts: Record<'treated' | 'control' | 'dispTreated' | 'dispControl', { pre: number; post: number }>;
    periods: { responseMonth: string; pre: { from: string; to: string }; post: { from: string; to: string } };
    estLocal: number; estDisplace: number; estTotal: number; seTotal: number; z: number | null; p: number | null; lowCI: number; highCI: number;
    harm: { harmEst: number; seHarmEst: number; p: number | null } | null;
    reading: string;
    provenance: AnalysisProvenance;
  };
  delivery: { reading: string; deliveredShare: number | null };
  warnings: string[];
}

export interface Problem {
  id: number; title: string; district: string; statementType: string; stage: Stage; createdBy: string; createdAt: string; updatedAt: string;
  objectiveTarget: string | null; baselineFrom: string | null; baselineTo: string | null; owner: string | null; ownerUsername: string | null; reviewDate: string | null;
  statement: string | null; whyProblem: string | null; filter: ProblemFilter; pickedFrom: string | null; pickedTo: string | null;
  source: { kind: string; label?: string; figures: Record<string, unknown> } | null;
  offender: string | null; victimTarget: string | null; placeDescription: string | null; handler: string | null; guardian: string | null; manager: string | null;
  dataSources: string | null; hypotheses: string | null;
  evalStart: string | null; evalPreMonths: number | null; evalPostMonths: number | null;
  areaTreated: string[]; areaControl: string[]; areaDispTreated: string[]; areaDispControl: string[];
  outcome: string | null; outcomeDetail: string | null; lessons: string | null; closureReason: string | null; closedAt: string | null; goodPractice: boolean;
  people: { personId: number; givenName: string; familyName: string; role: string; district: string }[];
  places: { id: number; name: string | null; address: string | null; district: string; premisesType: string }[];
  actions: ProblemAction[];
  history: { fromStage: Stage | null; toStage: Stage; actor: string; at: string; note: string | null }[];
  assessment: Assessment | null;
  delivery: { reading: string };
  quality: { score: number; max: number; percent: number; criteria: Criterion[] };
  warnings: string[];
  next: { stage: Stage; allowed: boolean; missing: string[]; message: string } | null;
}

export interface BoardRow { id: number; title: string; district: string; statementType: string; stage: Stage; owner: string | null; reviewDate: string | null; openActions: number; updatedAt: string }

export interface ProblemCounts {
  period: { from: string; to: string }; total: number; byMonth: { month: string; count: number }[]; byCategory: { category: string; count: number }[];
  change: { previousPeriod: { from: string; to: string }; previousTotal: number | null; changePct: number | null; p: number | null; reading: string };
  temporal: { peakMonth: string | null; peakCount: number; meanPerMonth: number; note: string };
  repeats: { rule: string; places: number; repeatPlaces: number; shareAtRepeatPlaces: number | null; persistentRepeatPlaces: number | null; top: { rank: number; lsoaCode: string | null; count: number; previousCount: number | null; qualifies: boolean }[] };
  provenance: AnalysisProvenance;
}


/** What an analysis page sends to open a problem from a repeat location or hotspot. */
export interface ProblemSource {
  kind: 'repeat-location' | 'hotspot'; label?: string; pickedFrom: string; pickedTo: string;
  figures: Record<string, number | string | null>; filter?: Partial<ProblemFilter>; longitude?: number; latitude?: number;
}

const base = (id: number) => `/api/problems/${encodeURIComponent(String(id))}`;
export const listProblems = (q: { stage?: string; district?: string }, signal?: AbortSignal) => apiGet<{ problems: BoardRow[] }>('/api/problems', q, signal);
export const getProblem = (id: number, signal?: AbortSignal) => apiGet<Problem>(base(id), {}, signal);
export const getCounts = (id: number, signal?: AbortSignal) => apiGet<ProblemCounts>(`${base(id)}/counts`, {}, signal);
export const createProblem = (body: Record<string, unknown>) => apiSend<Problem>('POST', '/api/problems', body);
export const patchProblem = (id: number, body: Record<string, unknown>) => apiSend<Problem>('PATCH', base(id), body);
export const moveStage = (id: number, stage: Stage) => apiSend<Problem>('POST', `${base(id)}/stage`, { stage });
export const closeProblem = (id: number, reason?: string) => apiSend<Problem>('POST', `${base(id)}/close`, reason ? { reason } : {});
export const addAction = (id: number, body: Record<string, unknown>) => apiSend<ProblemAction>('POST', `${base(id)}/actions`, body);
export const patchAction = (id: number, actionId: number, body: Record<string, unknown>) => apiSend<ProblemAction>('PATCH', `${base(id)}/actions/${actionId}`, body);
export const assess = (id: number, body: Record<string, unknown>) => apiSend<Problem>('POST', `${base(id)}/assessment`, body);
export const listAgencies = (signal?: AbortSignal) => apiGet<{ agencies: { id: number; name: string; active: boolean }[] }>('/api/partners', {}, signal);
export const caseStudyUrl = (id: number, format: 'html' | 'pdf') => `${base(id)}/case-study.${format}`;

/** Roles that open and change problems (partners read some; auditors none). */
export const mayEditProblems = (role: string) => ['admin', 'analyst', 'supervisor', 'officer'].includes(role);

/** A piece of the published text; `redacted` marks where a name was removed. */
export interface Segment { text: string; redacted?: boolean }
/** What the case study export publishes, each redaction marked (GET /api/problems/{id}/case-study). */
export interface CaseStudyPreview {
  id: number;
  title: Segment[];
  summary: Segment[];
  sections: { heading: string; paragraphs: Segment[][] }[];
  privacyNote: string;
  words: { summary: number; description: number };
  redactions: number;
}
export const getCaseStudyPreview = (id: number, signal?: AbortSignal) => apiGet<CaseStudyPreview>(`${base(id)}/case-study`, {}, signal);
