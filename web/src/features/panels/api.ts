// Panels (governance) over /api/panels (see docs/api.md).
import { apiGet, apiSend } from '../../app/api';
import type { Role } from '../../app/session';

export const PANEL_KIND_LABEL: Record<string, string> = {
  district_prevention_problem_solving: 'District prevention and problem-solving panel',
  community_safety_partnership: 'Community safety partnership',
  asb_case_review: 'ASB case review',
  integrated_offender_management: 'Integrated offender management',
  youth_diversion: 'Youth diversion',
  other: 'Other',
};
export const ACTION_STATUS_LABEL: Record<string, string> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

export interface PanelSummary {
  id: number;
  name: string;
  kind: string;
  chair: string | null;
  districts: string[];
  lastMeeting: string | null;
  nextMeeting: string | null;
  openActions: number;
}

export interface Meeting {
  id: number;
  heldOn: string;
  location: string | null;
  attendees: { id: number; name: string; agency: { id: number; name: string | null } | null }[];
  agenda: {
    id: number;
    position: number;
    note: string | null;
    problem: { id: number; title: string | null; district: string | null; stage: string | null } | null;
    plan: { id: number; subjectKind: string | null; district: string | null; status: string | null } | null;
  }[];
  decisions: { id: number; agendaItemId: number | null; text: string; createdBy: string }[];
  actions: { id: number; agendaItemId: number | null; decisionId: number | null; description: string; ownerName: string; ownerAgency: { id: number; name: string | null } | null; dueDate: string | null; status: string; overdue: boolean }[];
}

export interface Panel extends Omit<PanelSummary, 'lastMeeting' | 'nextMeeting' | 'openActions'> {
  memberAgencies: { id: number; name: string; kind: string }[];
  meetings: Meeting[];
}

export const mayManagePanels = (role: Role) => role === 'admin' || role === 'supervisor';

export const listPanels = (signal?: AbortSignal) => apiGet<{ panels: PanelSummary[] }>('/api/panels', {}, signal);
export const getPanel = (id: number, signal?: AbortSignal) => apiGet<Panel>(`/api/panels/${id}`, {}, signal);
export const createPanel = (body: unknown) => apiSend<Panel>('POST', '/api/panels', body);
export const addMeeting = (id: number, body: unknown) => apiSend<{ id: number }>('POST', `/api/panels/${id}/meetings`, body);
/** Adds an agenda item, decision or action to a meeting. */
export const addToMeeting = (id: number, meetingId: number, what: 'agenda' | 'decisions' | 'actions', body: unknown) =>
  apiSend<{ id: number }>('POST', `/api/panels/${id}/meetings/${meetingId}/${what}`, body);
export const patchAgendaItem = (id: number, itemId: number, body: unknown) => apiSend<{ id: number }>('PATCH', `/api/panels/${id}/agenda/${itemId}`, body);
export const patchPanelAction = (id: number, actionId: number, body: unknown) => apiSend<{ id: number }>('PATCH', `/api/panels/${id}/actions/${actionId}`, body);
