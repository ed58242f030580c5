// People, places and repeat victims/offenders over /api/people and /api/places.
import { apiGet, apiSend } from '../../app/api';

export const LINK_ROLE_LABEL: Record<string, string> = {
  offender: 'Offender', victim: 'Victim', witness: 'Witness', young_person_at_risk: 'Young person at risk', subject: 'Subject',
};
export const SHARING_LABEL: Record<string, string> = {
  not_shared: 'Not shared',
  shared_with_consent: 'Shared with consent',
  shared_without_consent: 'Shared without consent (lawful basis)',
  consent_withdrawn: 'Consent withdrawn',
  needs_review: 'Needs review (ownership moved)',
};
export const PREMISES_LABEL: Record<string, string> = {
  licensed_premises: 'Licensed premises', shop: 'Shop', residential: 'Residential', park_open_space: 'Park or open space',
  school: 'School', transport_hub: 'Transport hub', other: 'Other',
};

export interface PersonSummary {
  id: number;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  age: number | null;
  isChild: boolean;
  recordedDistrict: string;
}

export interface Candidate {
  id: number;
  label: string;
  reasons: string[];
}

export interface SharingState {
  owningAgency: { id: number; name: string };
  status: string;
  consentRecordedAt: string | null;
  consentRecordedBy: string | null;
  lawfulBasis: string | null;
  sharedWith: { id: number; name: string; sharedAt: string }[];
  history: { event: string; status: string | null; lawfulBasis: string | null; fromAgency: string | null; toAgency: string | null; recordedBy: string; recordedAt: string }[];
}

export interface Person extends PersonSummary {
  mergedInto: null;
  districts: string[];
  aliases: { id: number; givenName: string; familyName: string; source: string }[];
  addresses: { id: number; address: string; postcode: string | null; lsoaCode: string | null; district: string }[];
  links: { id: number; recordType: string; recordId: string; role: string; district: string }[];
  occurrences: { id: number; role: string; category: string; occurredOn: string; district: string; placeId: number | null; sourceRef: string | null }[];
  vehicles: { id: number; vrm: string; make: string | null; model: string | null; colour: string | null; relation: string }[];
  sharing: SharingState;
}
export type PersonOrTombstone = Person | { id: number; mergedInto: number; mergedAt: string };

export interface Place {
  id: number;
  name: string | null;
  address: string | null;
  postcode: string | null;
  lon: number | null;
  lat: number | null;
  lsoaCode: string | null;
  district: string;
  premisesType: string;
  mergedInto: null;
  occurrences: { id: number; personId: number; personName: string; role: string; category: string; occurredOn: string }[];
  sharing: SharingState;
}
export type PlaceOrTombstone = Place | { id: number; mergedInto: number; mergedAt: string };

export interface RepeatRow {
  rank: number;
  personId: number;
  givenName: string;
  familyName: string;
  age: number | null;
  isChild: boolean;
  total: number;
  bestWindow: { category: string; from: string; to: string; count: number };
}

export interface NewPerson {
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
  district: string;
  addresses: { address: string; postcode?: string; district: string }[];
  confirmNew: boolean;
}

export const searchPeople = (q: string, signal?: AbortSignal) => apiGet<{ people: PersonSummary[] }>('/api/people', { q }, signal);
export const getPerson = (id: string, signal?: AbortSignal) => apiGet<PersonOrTombstone>(`/api/people/${encodeURIComponent(id)}`, {}, signal);
export const getPlace = (id: string, signal?: AbortSignal) => apiGet<PlaceOrTombstone>(`/api/places/${encodeURIComponent(id)}`, {}, signal);
export const checkDuplicates = (p: { givenName: string; familyName: string; dateOfBirth?: string }) =>
  apiSend<{ candidates: Candidate[] }>('POST', '/api/people/duplicates', p);
export const createPerson = (p: NewPerson) => apiSend<{ id: number }>('POST', '/api/people', p);
export const getRepeats = (q: { role: string; min: string; window: string; from?: string; to?: string }, signal?: AbortSignal) =>
  apiGet<{ period: { from: string; to: string }; rule: { description: string }; people: RepeatRow[] }>('/api/people/repeats', q, signal);
export const setSharing = (type: 'people' | 'places', id: number, body: unknown) => apiSend<SharingState>('POST', `/api/${type}/${id}/sharing`, body);
export const transfer = (type: 'people' | 'places', id: number, agencyId: number) => apiSend<SharingState>('POST', `/api/${type}/${id}/transfer`, { agencyId });
