// Proactive management plans over /api/plans (see docs/api.md).
import { apiGet, apiSend } from '../../app/api';
import type { Role } from '../../app/session';

export const SUBJECT_KIND_LABEL: Record<string, string> = {
  repeat_offender: 'Repeat offender', young_person_at_risk: 'Young person at risk', repeat_victim: 'Repeat victim',
};
export const STATUS_LABEL: Record<string, string> = { draft: 'Draft', active: 'Active', paused: 'Paused', closed: 'Closed' };
export const STATUS_TAG: Record<string, string> = { draft: 'tag--grey', active: 'tag--green', paused: 'tag--orange', closed: 'tag--grey' };
export const WORK_STATUS_LABEL: Record<string, string> = { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };
export const MECHANISM_LABEL: Record<string, string> = { diversion: 'Diversion', enforcement: 'Enforcement', support: 'Support', engagement: 'Engagement' };
export const RISK_LABEL: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High' };
export const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export interface PlanSummary {
  id: number;
  personId: number;
  subjectKind: string;
  district: string;
  owner: string;
  summary: string;
  status: string;
  nextReviewDue: string | null;
  reviewOverdue: boolean;
}

interface Work {
  id: number;
  dueDate: string | null;
  status: string;
  overdue: boolean;
  createdBy: string;
}

export interface Plan {
  id: number;
  person: { id: number; name: string | null; dateOfBirth: string | null; age: number | null; isChild: boolean | null };
  subjectKind: string;
  district: string;
  owner: { id: number; username: string | null; displayName: string | null };
  summary: string;
  status: string;
  nextReviewDue: string | null;
  reviewOverdue: boolean;
  youthPartnerWaiver: string | null;
  closingReason: string | null;
  closedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  riskFactors: { id: number; factor: string; level: string; note: string | null; createdBy: string }[];
  interventions: (Work & { what: string; deliveredBy: string | null; agency: { id: number; name: string | null } | null; mechanism: string })[];
  partnerActions: (Work & { agency: { id: number; name: string; kind: string }; action: string; childrensServices: boolean })[];
  reviews: { id: number; reviewedBy: string; reviewedOn: string; outcome: string; nextReviewDue: string | null }[];
  statusHistory: { id: number; from: string | null; to: string; reason: string | null; actor: string; at: string }[];
  rules: { highestRisk: string | null; reviewCadenceDays: number | null; childRuleApplies: boolean; activationProblems: string[] };
}

import type { PlanTask } from '../../../../src/contracts/case-work';

export type { PlanTask };

export const mayEditPlans = (role: Role) => role === 'admin' || role === 'analyst' || role === 'supervisor' || role === 'officer';

export const listPlans = (q: { status?: string; mine?: string }, signal?: AbortSignal) => apiGet<{ plans: PlanSummary[] }>('/api/plans', q, signal);
export const getPlan = (id: number, signal?: AbortSignal) => apiGet<Plan>(`/api/plans/${id}`, {}, signal);
export const planTasks = (signal?: AbortSignal) => apiGet<{ asOf: string; dueSoonDays: number; overdue: PlanTask[]; dueSoon: PlanTask[] }>('/api/plans/tasks', {}, signal);
export const createPlan = (body: unknown) => apiSend<Plan>('POST', '/api/plans', body);
export const patchPlan = (id: number, body: unknown) => apiSend<Plan>('PATCH', `/api/plans/${id}`, body);
export const changeStatus = (id: number, body: { to: string; reason?: string }) => apiSend<Plan>('POST', `/api/plans/${id}/status`, body);
/** Adds a risk factor, intervention, partner action or review. */
export const addToPlan = (id: number, what: 'risk-factors' | 'interventions' | 'partner-actions' | 'reviews', body: unknown) => apiSend<{ id: number }>('POST', `/api/plans/${id}/${what}`, body);
export const patchPlanItem = (id: number, what: 'interventions' | 'partner-actions', itemId: number, body: unknown) => apiSend<{ id: number }>('PATCH', `/api/plans/${id}/${what}/${itemId}`, body);
export const listAgencies = (signal?: AbortSignal) => apiGet<{ agencies: { id: number; name: string; kind: string; active: boolean }[] }>('/api/partners', {}, signal);
export const searchPeople = (q: string, signal?: AbortSignal) =>
  apiGet<{ people: { id: number; givenName: string; familyName: string; dateOfBirth: string | null; age: number | null; isChild: boolean; recordedDistrict: string }[] }>('/api/people', { q }, signal);
