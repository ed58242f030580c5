// The ASB powers register over /api/powers (see docs/api.md, powers section).
import { apiGet, apiSend, type Finding } from '../../app/api';
import type { Role } from '../../app/session';

export const TYPE_LABEL: Record<string, string> = {
  dispersal_authorisation: 'Dispersal authorisation', dispersal_direction: 'Dispersal direction', dispersal_variation: 'Direction varied or withdrawn',
  cpw: 'Community protection warning', cpn: 'Community protection notice', cpn_fpn: 'Fixed penalty (CPN breach)', cpn_breach: 'CPN breach',
  s59_warning: 'Vehicle warning (s59)', s59_seizure: 'Vehicle seizure (s59)', closure_notice: 'Closure notice', closure_extension: 'Closure notice extended',
  closure_adjournment: 'Closure hearing adjourned', closure_order: 'Closure order', closure_order_extension: 'Closure order extended',
};
export const RANK_LABEL: Record<string, string> = {
  constable: 'Constable', sergeant: 'Sergeant', inspector: 'Inspector', chief_inspector: 'Chief inspector', superintendent: 'Superintendent', chief_superintendent: 'Chief superintendent',
};
export const AGENCY_LABEL: Record<string, string> = { police: 'Police', local_authority: 'Local authority', housing_provider: 'Housing provider', other: 'Other' };
export const BREACH_ACTION_LABEL: Record<string, string> = {
  fixed_penalty: 'Fixed penalty notice offered', prosecution: 'Prosecution for the offence', remedial_action: 'Remedial action in default (local authority)',
  forfeiture_sought: 'Forfeiture of items sought', no_further_action: 'No further action',
};
export const TASK_LABEL: Record<string, string> = { home_visit: 'Home visit to the parent or carer', outside_rules_review: 'Review of an act outside the rules' };

export const mayRecord = (role: Role) => role === 'admin' || role === 'supervisor' || role === 'officer';

export interface RecordSummary {
  id: number; type: string; power: string; stage: string; occurredAt: string; endsAt: string | null; district: string; lsoaCode: string | null;
  subjectName: string | null; ageAtEvent: number | null; ageBasis: string; vehicleVrm: string | null; conductCategory: string | null;
  issuerAgency: string; issuerRank: string | null; outsideRules: boolean; parentId: number | null; demo: boolean;
}
export interface Deadline { kind: string; what: string; due: string; at?: string | null; legalSource?: string | null; superseded?: boolean }
export interface CheckResult { valid: boolean; findings: Finding[]; notices: Finding[]; deadlines: Deadline[]; ruleVersions: string[]; derived: Record<string, unknown>; district: string }
export interface Task { id: number; recordId: number; kind: string; what: string; district: string; due: string; overdue: boolean; status: string; letterSentOn: string | null; visitMadeOn: string | null; outcome: string | null; subjectName: string | null; ageAtEvent: number | null }
export interface RecordDetail {
  id: number; type: string; stage: string; parentId: number | null; occurredAt: string; rulesAt: string; endsAt: string | null; district: string; lsoaCode: string | null;
  placeDescription: string | null; subject: { name: string | null; dateOfBirth: string | null; appearsAge: number | null; body: boolean; ageAtEvent: number | null; ageBasis: string };
  vehicleVrm: string | null; conductCategory: string | null; issuer: { agency: string; rank: string | null; name: string | null }; details: Record<string, unknown>;
  notices: Finding[]; outsideRules: { reason: string; recorderRank: string | null; findings: Finding[] } | null; ruleVersions: string[]; demo: boolean; createdBy: string;
  deadlines: Deadline[]; tasks: { id: number; kind: string; due: string; status: string; letterSentOn: string | null; visitMadeOn: string | null; outcome: string | null }[];
  parent: { id: number; type: string; occurredAt: string } | null; followUps: { id: number; type: string; occurredAt: string; outsideRules: boolean }[];
}
export interface DueItem { kind: string; recordId: number; recordType: string; what: string; district: string | null; due: string; overdue: boolean; legalSource?: string }

export const getMyRank = (signal?: AbortSignal) => apiGet<{ username: string | null; rank: string | null }>('/api/powers/ranks/me', {}, signal);
export const listRecords = (query: Record<string, string | undefined>, signal?: AbortSignal) => apiGet<{ records: RecordSummary[]; total: number }>('/api/powers', query, signal);
export const getRecord = (id: string, signal?: AbortSignal) => apiGet<RecordDetail>(`/api/powers/${encodeURIComponent(id)}`, {}, signal);
export const checkDraft = (body: unknown) => apiSend<CheckResult>('POST', '/api/powers/check', body);
export const addRecord = (body: unknown) => apiSend<RecordDetail>('POST', '/api/powers', body);
export const getDue = (signal?: AbortSignal) => apiGet<{ asOf: string; until: string; items: DueItem[] }>('/api/powers/due', {}, signal);
export const getTasks = (signal?: AbortSignal) => apiGet<{ tasks: Task[] }>('/api/powers/tasks', { status: 'open' }, signal);
export const updateTask = (id: number, body: unknown) => apiSend<Task>('POST', `/api/powers/tasks/${id}`, body);

/** A London date and time for officers (the API answers in UTC). */
export function londonTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
export const ageText = (age: number | null, basis: string) => (age === null ? '–' : basis === 'appears' ? `about ${age} (as they appear)` : `${age}`);
