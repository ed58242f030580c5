// Partner agencies over /api/partners.
import { apiGet, apiSend } from '../../app/api';

export const AGENCY_KINDS: Record<string, string> = {
  police: 'Police', community_safety_partnership: 'Community safety partnership', council: 'Council', youth_justice: 'Youth justice',
  probation: 'Probation', health: 'Health', school: 'School', violence_reduction_unit: 'Violence reduction unit', housing: 'Housing', other: 'Other',
};

export interface Agency {
  id: number;
  name: string;
  kind: string;
  email: string | null;
  active: boolean;
}

export const listAgencies = (signal?: AbortSignal) => apiGet<{ agencies: Agency[] }>('/api/partners', {}, signal);
export const createAgency = (a: { name: string; kind: string; email?: string }) => apiSend<Agency>('POST', '/api/partners', a);
export const updateAgency = (id: number, patch: { active?: boolean }) => apiSend<Agency>('PATCH', `/api/partners/${id}`, patch);
