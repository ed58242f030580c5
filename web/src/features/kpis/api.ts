// The KPI page's calls to /api/kpis.
import { apiGet } from '../../app/api';

export interface KpiListItem { id: string; title: string | null; status: string | null; source: string | null; versionId: string | null; problem: string | null }
export interface KpiValue { count: number; value: number | null; denominator: number | null }
export interface KpiRow {
  district: string | null; split: string | null; current: KpiValue; previous: KpiValue;
  change: number | null; rateRatio: number | null; interval: { low: number | null; high: number | null } | null; p: number | null;
  small: boolean; compared: boolean; notComparedReason: string | null;
}
export interface KpiPeriod { label: string; from: string; to: string }
export interface KpiFigures {
  kpi: string; title: string; by: 'none' | 'district'; period: KpiPeriod; comparisonPeriod: KpiPeriod; rows: KpiRow[]; notComparedReason: string | null;
  trend: { label: string; from: string; to: string; count: number; value: number | null; denominator: number | null; missing: string | null }[];
  provenance: {
    title: string; status: string; definition: string; versionId: string; versionFrom: string | null; versionTo: string | null; versionSource: string; source: string;
    filters: Record<string, string>; measure: string; comparison: string; significance: string; disclosureProfiles: string[]; smallNumberThreshold: number;
    asOf: string; dataCutoff: string | null; notes: string[];
  };
}

export const listKpis = (signal?: AbortSignal) => apiGet<{ at: string; kpis: KpiListItem[] }>('/api/kpis', {}, signal);
export const computeKpi = (id: string, period: string, signal?: AbortSignal) =>
  apiGet<KpiFigures>(`/api/kpis/${encodeURIComponent(id)}/compute`, { period, by: 'district', trend: 8 }, signal);
