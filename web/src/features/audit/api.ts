// The audit log (auditor only): search, chain verification and CSV export.
import { apiFetch, apiGet, type Query } from '../../app/api';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  recordType: string | null;
  recordId: string | null;
  purpose: string | null;
  recipients: string | null;
  reason: string | null;
  details: unknown;
  prevMac: string;
  mac: string;
}

export interface AuditPage {
  total: number;
  entries: AuditEntry[];
}

export type ChainVerdict =
  | { ok: true; entries: number; head: number | null; headMac: string | null }
  | { ok: false; entries: number; brokenAt: number | null; reason: string };

export interface AuditFilters {
  actor?: string;
  action?: string;
  recordType?: string;
  recordId?: string;
  /** A person record number: entries about that person and every view that showed them. */
  person?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

const filterQuery = (f: AuditFilters): Query => ({ ...f });

export function searchAudit(f: AuditFilters, page: number, signal?: AbortSignal): Promise<AuditPage> {
  return apiGet<AuditPage>('/api/audit', { ...filterQuery(f), limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE }, signal);
}

/** `expectHead`: an entry number, or number:hash as `hub audit head` prints it. */
export function verifyAuditChain(expectHead?: string): Promise<ChainVerdict> {
  return apiGet<ChainVerdict>('/api/audit/verify', { expectHead });
}

/** Fetches the CSV of every matching entry; the reason is recorded with the export. */
export async function exportAudit(f: AuditFilters, reason: string): Promise<{ blob: Blob; filename: string }> {
  const response = await apiFetch('/api/audit/export', { query: { ...filterQuery(f), reason }, accept: 'text/csv' });
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'audit-log.csv';
  return { blob: await response.blob(), filename };
}

export const AUDIT_FIELDS: Record<string, [string, string]> = {
  actor: ['audit-actor', 'User'],
  action: ['audit-action', 'Action'],
  recordType: ['audit-record-type', 'Record type'],
  recordId: ['audit-record-id', 'Record ID'],
  person: ['audit-person', 'Person record number'],
  from: ['audit-from', 'From date'],
  to: ['audit-to', 'To date'],
};
