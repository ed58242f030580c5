// Training: courses and refresher intervals, sessions and attendance, coverage and refreshers due.
import { apiGet, apiSend } from '../../app/api';
import type { Role } from '../../app/session';

export interface Course { id: number; name: string; description: string | null; refresherMonths: number | null; active: boolean; sessions: number; attendances: number }
export interface SessionSummary { id: number; courseId: number; course: string; heldOn: string; trainer: string; district: string; venue: string | null; attendees: number }
export interface Attendee { userId: number; name: string; username: string; role: string; team: string; recordedBy: string; recordedAt: string }
export interface SessionDetail extends SessionSummary { notes: string | null; attendance: Attendee[] }
export interface StaffMember { userId: number; name: string; username: string; role: string; districts: string[] }
export interface CoverageCell { courseId: number; course: string; district: string; role: string; staff: number; trained: number; current: number; due: number }
export interface Coverage { asOf: string; cells: CoverageCell[]; provenance: { definition: string; districts: string } }
export interface Refresher { userId: number; name: string; role: string; districts: string[]; courseId: number; course: string; refresherMonths: number; lastAttended: string; dueOn: string; overdue: boolean }
export interface Refreshers { asOf: string; until: string; refreshers: Refresher[]; definition: string }

export const ROLE_LABEL: Record<string, string> = { admin: 'Administrators', analyst: 'Analysts', supervisor: 'Supervisors', officer: 'Officers', auditor: 'Auditors' };
export const mayRecordTraining = (r: Role) => r === 'admin' || r === 'supervisor';
export const mayEditCourses = (r: Role) => r === 'admin';
export const refresherWords = (m: number | null) => (m === null ? 'No refresher set' : m % 12 === 0 ? `Every ${m / 12 === 1 ? 'year' : `${m / 12} years`}` : `Every ${m} month${m === 1 ? '' : 's'}`);

export const listCourses = (signal?: AbortSignal) => apiGet<{ courses: Course[] }>('/api/training/courses', { includeInactive: 'true' }, signal);
export const updateCourse = (id: number, body: unknown) => apiSend<Course>('PATCH', `/api/training/courses/${id}`, body);
export const createCourse = (body: unknown) => apiSend<Course>('POST', '/api/training/courses', body);
export const listSessions = (signal?: AbortSignal) => apiGet<{ sessions: SessionSummary[] }>('/api/training/sessions', {}, signal);
export const createSession = (body: unknown) => apiSend<SessionDetail>('POST', '/api/training/sessions', body);
export const getSession = (id: string, signal?: AbortSignal) => apiGet<SessionDetail>(`/api/training/sessions/${id}`, {}, signal);
export const addAttendance = (id: number, body: unknown) => apiSend<SessionDetail>('POST', `/api/training/sessions/${id}/attendance`, body);
export const listStaff = (signal?: AbortSignal) => apiGet<{ staff: StaffMember[] }>('/api/training/staff', {}, signal);
export const getCoverage = (signal?: AbortSignal) => apiGet<Coverage>('/api/training/coverage', {}, signal);
export const getRefreshers = (signal?: AbortSignal) => apiGet<Refreshers>('/api/training/refreshers', { days: '60' }, signal);
