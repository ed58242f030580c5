// The youth pages' calls to /api/youth.
import { apiGet, apiSend } from '../../app/api';

export interface Cell { value: number; small: boolean }
export interface FollowupFigure {
  cohort: 'completed' | 'started'; period: { from: string; to: string }; asOf: string; windowMonths: number; lagMonths: number; outcomeCodes: string[];
  cohortSize: number; numerator: number; denominator: number; stillInWindow: number; rate: number | null; noFurtherRate: number | null;
  interval: { lower: number; upper: number } | null; definition: string;
}
export interface Caseload {
  officer: string; asOf: string; horizonDays: number;
  children: { personId: number; name: string; workbookId: number; category: string; startedOn: string; nextSessionOn: string | null; district: string }[];
  deferred: { id: number; personId: number; name: string; state: string; deadline: string | null; provider: string | null; offeredOn: string }[];
  due: { kind: string; recordId: number; what: string; due: string; overdue: boolean }[];
}
type Lesson = { deliveries: Cell; studentsReached: number; previousStudentsReached: number };
export interface Counts {
  quarter: string; period: { from: string; to: string }; previousQuarter: string; asOf: string; smallCountThreshold: number;
  workbooks: { byCategory: { category: string; completed: Cell; previousCompleted: Cell; started: Cell; notCompleted: Cell }[]; total: { completed: Cell; previousCompleted: Cell; started: Cell; notCompleted: Cell }; byDistrict: { district: string; completed: Cell; previousCompleted: Cell }[] };
  programmes: { programme: string; referred: Cell; previousReferred: Cell; completed: Cell; notCompleted: Cell }[];
  deferredOutcomes: { current: Record<'offered' | 'accepted' | 'declined' | 'completed' | 'returned', Cell>; previous: Record<'offered' | 'accepted' | 'declined' | 'completed' | 'returned', Cell> };
  lessons: { byDeliverer: (Lesson & { deliverer: string })[]; byTopic: (Lesson & { topic: string })[]; byDistrict: (Lesson & { district: string })[]; deliveries: Cell; studentsReached: number };
  followup: { cohort: string; combined: FollowupFigure; previous: FollowupFigure; byType: Record<string, FollowupFigure>; byDistrict: { current: Record<string, FollowupFigure>; previous: Record<string, FollowupFigure> } }[];
  provenance: { definitions: Record<string, string>; demo: boolean; dataCutOff: string };
}
export interface Lists { categories: string[]; programmes: string[]; topics: string[]; outcomeCodes: { code: string; description: string }[] }

export const getCaseload = (signal?: AbortSignal) => apiGet<Caseload>('/api/youth/caseload', {}, signal);
export const getCounts = (quarter: string, signal?: AbortSignal) => apiGet<Counts>('/api/youth/counts', { quarter: quarter || undefined }, signal);
export const getLists = (signal?: AbortSignal) => apiGet<Lists>('/api/youth/lists', {}, signal);
export const createWorkbook = (body: unknown) => apiSend<{ id: number }>('POST', '/api/youth/workbooks', body);
export const offerDeferred = (body: unknown) => apiSend<{ id: number }>('POST', '/api/youth/deferred', body);

export interface TimelineEntry { on: string; kind: string; what: string; record: { type: string; id: number } }
export interface ChildWorkbook { id: number; category: string; status: string; startedOn: string; nextSessionOn: string | null; district: string }
export interface ChildDeferred { id: number; state: string; offeredOn: string; provider: string | null; deadline: string | null; district: string }
export interface ChildRecords {
  person: { id: number; name: string; dateOfBirth: string | null; age: number | null };
  workbooks: ChildWorkbook[]; deferred: ChildDeferred[]; timeline: TimelineEntry[];
}
export const getChild = (personId: number, signal?: AbortSignal) => apiGet<ChildRecords>(`/api/youth/children/${personId}`, {}, signal);
export const moveWorkbook = (id: number, body: unknown) => apiSend<unknown>('POST', `/api/youth/workbooks/${id}/status`, body);
export const addSession = (id: number, body: unknown) => apiSend<unknown>('POST', `/api/youth/workbooks/${id}/sessions`, body);
export const moveDeferred = (id: number, body: unknown) => apiSend<unknown>('POST', `/api/youth/deferred/${id}/status`, body);
