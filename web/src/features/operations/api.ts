// Named operations: the list, one operation with its deployments, results and feedback, and the stop-search matching.
import { apiGet, apiSend } from '../../app/api';
import type { Role } from '../../app/session';

export interface Results { arrests: number; stopSearches: number; outOfCourtResolutions: number; engagements: number; intelligenceSubmissions: number; seizures: number }
export const RESULT_FIELDS: readonly { key: keyof Results; label: string }[] = [
  { key: 'arrests', label: 'Arrests' }, { key: 'stopSearches', label: 'Stop searches' }, { key: 'outOfCourtResolutions', label: 'Out-of-court resolutions' },
  { key: 'engagements', label: 'Engagements' }, { key: 'intelligenceSubmissions', label: 'Intelligence submissions' }, { key: 'seizures', label: 'Seizures' },
];
export interface OperationSummary {
  id: number; name: string; title: string; kind: string; objectives: string; districts: string[]; startsOn: string; endsOn: string | null;
  lead: { id: number; name: string } | null; deployments: number; withResults: number; totals: Results;
}
export interface Venue { id: number; name: string | null; address: string | null; district: string }
export interface Deployment {
  id: number; deployedOn: string; startTime: string; endTime: string; district: string; tactics: string[]; notes: string | null; venues: Venue[];
  results: (Results & { seizureNotes: string | null; notes: string | null }) | null; resultsDue: string | null;
}
export interface Feedback { id: number; deploymentId: number | null; sourceKind: string; attribution: string; quote: string; receivedOn: string; district: string; publishable: boolean; consentToPublish: boolean; givenByName?: string | null }
export interface OperationDetail extends OperationSummary { deploymentList: Deployment[]; feedback: Feedback[]; tacticsList: string[] }
export interface Matching {
  deployments: { deploymentId: number; deployedOn: string; district: string; recorded: number | null; matched: number; byOperation: number; byTimeAndPlace: number; notFound: number | null }[];
  unmatched: { id: number; occurredAt: string; searchType: string; operation: string | null; reasonText: string; distanceMetres: number | null }[];
  provenance: { dataCutoff: string | null; rule: string; limits: string[] };
}
export interface Place { id: number; name: string | null; address: string | null; district: string; premisesType: string }

export const mayRecord = (r: Role) => r === 'admin' || r === 'supervisor' || r === 'officer';
export const mayManage = (r: Role) => r === 'admin' || r === 'supervisor';
export const mayMatch = (r: Role) => r === 'admin' || r === 'analyst' || r === 'supervisor' || r === 'officer';

export const listOperations = (signal?: AbortSignal) => apiGet<{ operations: OperationSummary[] }>('/api/operations', {}, signal);
export const getOperation = (id: string, signal?: AbortSignal) => apiGet<OperationDetail>(`/api/operations/${id}`, {}, signal);
export const getMatching = (id: string, signal?: AbortSignal) => apiGet<Matching>(`/api/operations/${id}/stop-search-matching`, {}, signal);
export const searchVenues = (district: string, signal?: AbortSignal) => apiGet<{ places: Place[] }>('/api/places', { district, limit: 200 }, signal);
export const createOperation = (body: unknown) => apiSend<OperationDetail>('POST', '/api/operations', body);
export const addDeployment = (id: number, body: unknown) => apiSend<Deployment>('POST', `/api/operations/${id}/deployments`, body);
export const recordResults = (deploymentId: number, body: unknown) => apiSend<Deployment>('POST', `/api/operations/deployments/${deploymentId}/results`, body);
export const addFeedback = (id: number, body: unknown) => apiSend<Feedback>('POST', `/api/operations/${id}/feedback`, body);
