import type { Db } from '../../platform/db/database.js';
import * as q from './police-data.queries.js';
import type { CountBy, CountRow, IncidentFilter, IncidentItem, Provenance } from './police-data.schema.js';

export const SNAP_POINT_NOTE =
  'Locations are anonymised snap points published by data.police.uk, not exact addresses.';

function describeFilters(f: IncidentFilter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

async function provenance(db: Db, f: IncidentFilter, source: string): Promise<Provenance> {
  const summary = await q.dataCutoff(db);
  return {
    source,
    filters: describeFilters(f),
    dataCutoff: summary.dataCutoff,
    generatedAt: new Date().toISOString(),
    demo: summary.demo,
    note: SNAP_POINT_NOTE,
  };
}

const sourceLabel: Record<string, string> = {
  incident_count: 'data.police.uk street-level crime and ASB (monthly rollup)',
  incident_lsoa_count: 'data.police.uk street-level crime and ASB (LSOA rollup)',
  incident: 'data.police.uk street-level crime and ASB (incident rows)',
};

export interface CountResult {
  by: CountBy;
  rows: CountRow[];
  total: number;
  provenance: Provenance;
}

/** Incident counts grouped by one dimension, with where the figure came from. */
export async function countIncidents(db: Db, by: CountBy, f: IncidentFilter): Promise<CountResult> {
  const { rows, source } = await q.countIncidents(db, by, f);
  const total = rows.reduce((n, r) => n + r.count, 0);
  return { by, rows, total, provenance: await provenance(db, f, sourceLabel[source] ?? source) };
}

export interface IncidentPage {
  /** Matching rows; null when only counting every row could tell (ask with exactCount). */
  total: number | null;
  hasMore: boolean;
  limit: number;
  offset: number;
  items: IncidentItem[];
  provenance: Provenance;
}

export async function listIncidents(db: Db, f: IncidentFilter, limit: number, offset: number, exactCount = false): Promise<IncidentPage> {
  const page = await q.listIncidents(db, f, limit, offset, exactCount);
  return { ...page, limit, offset, provenance: await provenance(db, f, sourceLabel.incident!) };
}

export const dataSummary = q.dataSummary;
