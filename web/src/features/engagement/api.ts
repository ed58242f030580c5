// Engagement: campaigns, events (attendance, partners), public feedback and compliments.
import { apiGet, apiSend } from '../../app/api';
import type { Role } from '../../app/session';

export interface Campaign {
  id: number; name: string; origin: 'national' | 'local'; district: string | null; channel: string; startsOn: string; endsOn: string | null;
  audience: string | null; description: string | null; reach: number | null; engagements: number | null; figuresSource: string | null; figuresAsOf: string | null; events: number; feedback: number;
}
export interface EventSummary {
  id: number; title: string; kind: string; district: string; heldOn: string; venue: string | null; attendance: number | null; campaignId: number | null; campaign: string | null;
  partners: { id: number; name: string }[]; otherPartners: string | null; description: string | null;
}
export interface Feedback { id: number; kind: 'compliment' | 'feedback'; receivedOn: string; district: string; eventId: number | null; campaignId: number | null; quote: string; attribution: string | null; consentToPublish: boolean; consentRecordedOn: string | null; consentHow: string | null }
export interface EventDetail extends EventSummary { feedbackList: Feedback[] }
export interface CampaignDetail extends Campaign { eventList: EventSummary[]; feedbackList: Feedback[] }
export interface Agency { id: number; name: string }

export const EVENT_KINDS: { value: string; label: string }[] = [
  { value: 'open_day', label: 'Open day' }, { value: 'community_meeting', label: 'Community meeting' }, { value: 'school_visit', label: 'School visit' },
  { value: 'street_briefing', label: 'Street briefing' }, { value: 'stall', label: 'Stall or drop-in' }, { value: 'other', label: 'Other event' },
];
export const kindLabel = (k: string) => EVENT_KINDS.find((x) => x.value === k)?.label ?? k;
export const mayRecordEngagement = (r: Role) => r === 'admin' || r === 'supervisor' || r === 'officer';
export const mayRecordForceWide = (r: Role) => r === 'admin' || r === 'supervisor';
export const figure = (n: number | null) => (n === null ? 'Not recorded' : n.toLocaleString('en-GB'));

export const listCampaigns = (signal?: AbortSignal) => apiGet<{ campaigns: Campaign[] }>('/api/engagement/campaigns', {}, signal);
export const getCampaign = (id: string, signal?: AbortSignal) => apiGet<CampaignDetail>(`/api/engagement/campaigns/${id}`, {}, signal);
export const createCampaign = (body: unknown) => apiSend<CampaignDetail>('POST', '/api/engagement/campaigns', body);
export const updateCampaign = (id: number, body: unknown) => apiSend<CampaignDetail>('PATCH', `/api/engagement/campaigns/${id}`, body);
export const listEvents = (signal?: AbortSignal) => apiGet<{ events: EventSummary[] }>('/api/engagement/events', {}, signal);
export const getEvent = (id: string, signal?: AbortSignal) => apiGet<EventDetail>(`/api/engagement/events/${id}`, {}, signal);
export const createEvent = (body: unknown) => apiSend<EventDetail>('POST', '/api/engagement/events', body);
export const updateEvent = (id: number, body: unknown) => apiSend<EventDetail>('PATCH', `/api/engagement/events/${id}`, body);
export const listFeedback = (signal?: AbortSignal) => apiGet<{ feedback: Feedback[] }>('/api/engagement/feedback', {}, signal);
export const createFeedback = (body: unknown) => apiSend<unknown>('POST', '/api/engagement/feedback', body);
