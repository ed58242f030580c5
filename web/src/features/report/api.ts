// Quarterly report editions over /api/report/editions.
import { apiFetch, apiGet, apiSend } from '../../app/api';

export type EditionStatus = 'draft' | 'approved' | 'published';

export interface EditionSummary {
  id: number;
  quarter: string;
  force: string | null;
  profile: string;
  title: string;
  status: EditionStatus;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  publishedAt: string | null;
  files: { format: string; sha256: string }[];
}

export interface EditionDetail extends EditionSummary {
  asOf: string;
  sections: { id: string; title: string; narrative: string | null; figures: number; tables: number; notes: string[] }[];
  manualFigures: { id: string; sectionId: string; label: string; count: number; source: string; owner: string }[];
}

export const PROFILES: Record<string, { label: string; hint: string }> = {
  internal: { label: 'Internal', hint: 'Exact figures, marked OFFICIAL-SENSITIVE, for the force and its partnership' },
  public: { label: 'Public', hint: 'Counts of 1 to 7 hidden, others rounded to the nearest 5' },
  child: { label: 'Child-level', hint: 'Counts under 10 hidden, for tables about children' },
};

export const STATUS_WORDS: Record<EditionStatus, string> = { draft: 'Draft', approved: 'Signed off', published: 'Published' };

export const listEditions = (signal?: AbortSignal) => apiGet<{ editions: EditionSummary[] }>('/api/report/editions', {}, signal);
export const getEdition = (id: number, signal?: AbortSignal) => apiGet<EditionDetail>(`/api/report/editions/${id}`, {}, signal);
export const createEdition = (b: { quarter: string; profile: string; force: string | null }) => apiSend<EditionSummary>('POST', '/api/report/editions', b);
export const setNarrative = (id: number, section: string, text: string) => apiSend<EditionSummary>('POST', `/api/report/editions/${id}/narrative`, { section, text });
export const setManualFigure = (id: number, b: { section: string; id: string; label: string; count: number; source: string; owner: string }) => apiSend<EditionSummary>('POST', `/api/report/editions/${id}/manual-figures`, b);
export const moveEdition = (id: number, move: 'regenerate' | 'approve' | 'reopen' | 'publish') => apiSend<EditionSummary>('POST', `/api/report/editions/${id}/${move}`);
export const fileUrl = (id: number, format: string) => `/api/report/editions/${id}/file?format=${format}`;

/** The edition's HTML as the server renders it (for the preview frame). */
export async function editionHtml(id: number): Promise<string> {
  const res = await apiFetch(fileUrl(id, 'html'));
  return res.text();
}
