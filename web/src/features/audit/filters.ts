// Audit search filters <-> the URL query string, so a search can be shared and reloaded.
import type { AuditFilters } from './api';

export interface AuditState {
  filters: AuditFilters;
  page: number;
}

const KEYS = ['actor', 'action', 'recordType', 'recordId', 'person', 'from', 'to'] as const;

export function parseAuditState(search: string): AuditState {
  const p = new URLSearchParams(search);
  const filters: AuditFilters = {};
  for (const k of KEYS) {
    const v = p.get(k)?.trim();
    if (v) filters[k] = v;
  }
  const page = Number.parseInt(p.get('page') ?? '1', 10);
  return { filters, page: Number.isFinite(page) && page > 0 ? page : 1 };
}

export function auditStateToSearch(s: AuditState): string {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    const v = s.filters[k];
    if (v) p.set(k, v);
  }
  if (s.page > 1) p.set('page', String(s.page));
  const str = p.toString();
  return str ? `?${str}` : '';
}

export function describeAuditFilters(f: AuditFilters): string {
  const parts = [
    f.actor ? `user ${f.actor}` : '',
    f.action ? `action ${f.action}` : '',
    f.recordType ? `record type ${f.recordType}` : '',
    f.recordId ? `record ID ${f.recordId}` : '',
    f.person ? `person record ${f.person}` : '',
    f.from || f.to ? `dates ${f.from ?? 'start'} to ${f.to ?? 'today'}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'none (every entry)';
}

/** Actions written by Prevention Hub, offered as suggestions (any text may be searched). */
export const KNOWN_ACTIONS = [
  'sign-in', 'sign-in-failed', 'sign-out', 'sign-out-everywhere', 'create', 'read', 'update', 'delete', 'review', 'search', 'export', 'import',
];

export const KNOWN_RECORD_TYPES = ['user', 'audit_log', 'import_snapshot', 'boundary_file', 'person', 'retention_rule'];
