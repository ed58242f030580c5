// API calls of the force records page (/api/records).
import { apiGet, type Query } from '../../app/api';

export type RecordKind = 'crimes' | 'incidents' | 'outcomes';

export interface RecordsSummary {
  coverage: { kind: RecordKind; from: string; to: string; importId: number; source: string; fileName: string; extractedOn: string; demo: boolean }[];
  imports: { id: number; kind: RecordKind; source: string; fileName: string; coveredFrom: string; coveredTo: string; extractedOn: string; rows: number; replacedRows: number; demo: boolean; importedAt: string; importedBy: string }[];
  rows: Record<RecordKind, number>;
  personKeys: { total: number; linked: number };
  demo: boolean;
}

export interface RecordsProvenance {
  source: string;
  rules: string[];
  extracts: { importId: number; source: string; from: string; to: string; extractedOn: string }[];
  notCovered: { from: string; to: string }[];
  generatedAt: string;
  demo: boolean;
}

export interface CrimeCounts {
  by: string;
  measure: 'crimes' | 'victims';
  rows: { key: string | null; count: number }[];
  total: number;
  provenance: RecordsProvenance;
}

export interface AsbCounts {
  categories: { personal: number; nuisance: number; environmental: number };
  total: number;
  provenance: RecordsProvenance;
}

export const getSummary = (signal?: AbortSignal) => apiGet<RecordsSummary>('/api/records/summary', {}, signal);
export const getCrimeCounts = (q: Query, signal?: AbortSignal) => apiGet<CrimeCounts>('/api/records/crimes/counts', q, signal);
export const getAsb = (q: Query, signal?: AbortSignal) => apiGet<AsbCounts>('/api/records/incidents/asb', q, signal);
