// Offender management: cohorts, the tag inventory, a person's before/after and case study.
import { apiFetch, apiGet, apiSend } from '../../app/api';
import type { Role } from '../../app/session';

export interface Cohort { id: number; name: string; type: string; district: string; description: string | null; members: number }
export interface Tag {
  id: number; serial: string; type: 'gps' | 'alcohol'; funder: string; status: string; district: string; note: string | null;
  current: { allocationId: number; personId: number; personName: string; allocatedOn: string; monitoringUntil: string | null } | null;
}
export interface Membership { id: number; cohortName: string; cohortType: string; selectedOn: string; deselectedOn: string | null }
export interface Allocation { id: number; serial: string; tagType: 'gps' | 'alcohol'; funder: string; allocatedOn: string; endedOn: string | null; events: { kind: string; occurredOn: string; text: string }[] }
export interface PersonRecord { personId: number; memberships: Membership[]; allocations: Allocation[] }
export interface BeforeAfter {
  anchor: { label: string; start: string };
  windows: { before: { from: string; to: string; days: number }; after: { from: string; to: string; days: number }; afterIncomplete: boolean };
  byType: { kind: string; type: string; before: number; after: number; change: number }[];
  warnings: string[];
  provenance: { source: string; limits: string[]; windowDays: number; asOf: string };
}

export const TAG_TYPE_LABEL: Record<string, string> = { gps: 'GPS', alcohol: 'Alcohol' };
export const STATUS_LABEL: Record<string, string> = { available: 'Available', allocated: 'Allocated', faulty: 'Faulty', returned: 'Returned', lost: 'Lost' };
export const mayRecord = (r: Role) => r === 'admin' || r === 'supervisor' || r === 'officer';

export const listCohorts = (signal?: AbortSignal) => apiGet<{ cohorts: Cohort[] }>('/api/offenders/cohorts', {}, signal);
export const listTags = (signal?: AbortSignal) => apiGet<{ tags: Tag[] }>('/api/offenders/tags', {}, signal);
export const allocateTag = (id: number, body: unknown) => apiSend<Tag>('POST', `/api/offenders/tags/${id}/allocate`, body);
export const returnTag = (id: number, body: unknown) => apiSend<Tag>('POST', `/api/offenders/tags/${id}/return`, body);
export const personRecord = (id: string, signal?: AbortSignal) => apiGet<PersonRecord>(`/api/offenders/people/${id}`, {}, signal);
export const beforeAfter = (id: string, q: { allocation?: number; membership?: number }, signal?: AbortSignal) => apiGet<BeforeAfter>(`/api/offenders/people/${id}/before-after`, q, signal);

/** The case study document (HTML or PDF) as a file; refusals come back as ApiError. */
export async function caseStudyFile(id: string, body: Record<string, unknown>): Promise<Blob> {
  return (await apiFetch(`/api/offenders/people/${id}/case-study`, { method: 'POST', body })).blob();
}
export const createCohort = (body: unknown) => apiSend<Cohort>('POST', '/api/offenders/cohorts', body);
export const addMember = (cohortId: number, body: unknown) => apiSend<Cohort>('POST', `/api/offenders/cohorts/${cohortId}/members`, body);
export const mayManage = (r: Role) => r === 'admin' || r === 'supervisor';

export interface TopPerson {
  rank: number; personId: number; name: string; offences: number; latest: string; score: number; byCategory: Record<string, number>;
  interventions: string[]; enforcement: { recordId: number; type: string; on: string; what: string }[];
}
export interface TopList {
  district: string; period: { from: string; to: string }; n: number; people: TopPerson[];
  provenance: { source: string; limits: string[]; scoring: string; scoringVersion: string; scoringSource: string; enforcement: string };
}
export const topOffenders = (q: { district: string; n?: string }, signal?: AbortSignal) => apiGet<TopList>('/api/offenders/top', q, signal);
