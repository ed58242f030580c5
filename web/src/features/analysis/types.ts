// Response shapes of the analysis API (/api/analytics/*); see the route files and READMEs in
// src/modules/analytics/*.
import type { Polygon } from 'geojson';

import type { AnalysisProvenance } from '../../../../src/contracts/analysis';

export type { AnalysisProvenance };

export interface Period {
  from: string;
  to: string;
}

// ---- Hotspots -------------------------------------------------------------------------------

export type HotspotMethod = 'kde' | 'gistar' | 'change';

export interface HotspotProperties {
  col: number;
  row: number;
  easting: number;
  northing: number;
  count?: number;
  density?: number | null;
  gi_z?: number | null;
  p?: number | null;
  p_adj?: number | null;
  class?: 'hot' | 'cold' | 'none';
  count_before?: number;
  count_after?: number;
  change?: number;
  density_before?: number | null;
  density_after?: number | null;
  density_change?: number | null;
}

export interface HotspotSummary {
  method: HotspotMethod;
  units: Record<string, string>;
  grid: { crs: string; cell: number; cols: number; rows: number; cells: number; cellsInStudyArea: number; origin: { easting: number; northing: number } };
  studyArea: { kind: string; extent: { minE: number; minN: number; maxE: number; maxN: number }; boundaries?: string[] };
  incidents: { used: number; outsideStudyArea: number };
  before?: { used: number; outsideStudyArea: number };
  change?: { before: number; after: number; difference: number };
  gistar?: { cellsTested: number; meanCount: number | null; sdCount: number | null; neighbourhoodCells: number; alpha: number; adjust: string; hot: number; cold: number };
  warnings: string[];
  period: Period;
  comparePeriod: Period | null;
  noLocation: { period: number; comparePeriod: number | null };
}

export interface HotspotCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: Polygon; properties: HotspotProperties }[];
  summary: HotspotSummary;
  provenance: AnalysisProvenance;
}

// ---- Repeat locations -----------------------------------------------------------------------

export interface RepeatPlace {
  rank: number;
  longitude: number;
  latitude: number;
  easting: number;
  northing: number;
  label: string | null;
  otherLabels: string[];
  district: string | null;
  lsoaCode: string | null;
  count: number;
  /** Null (with change, changePercent, qualifiedInPrevious) when the comparison is not made. */
  previousCount: number | null;
  change: number | null;
  changePercent: number | null;
  categories: { category: string; count: number }[];
  qualifies: boolean;
  bestWindow: { category: string; from: string; to: string; count: number };
  qualifiedInPrevious: boolean | null;
}

export interface RepeatReport {
  period: Period;
  previousPeriod: Period;
  comparison: { previousPeriod: Period } | null;
  comparisonReason: string | null;
  rule: { minIncidents: number; windowMonths: number; description: string };
  summary: {
    incidents: number;
    previousIncidents: number | null;
    places: number;
    repeatPlaces: number;
    incidentsAtRepeatPlaces: number;
    shareAtRepeatPlaces: number | null;
    previousRepeatPlaces: number | null;
    persistentRepeatPlaces: number | null;
    noLocation: { period: number; previousPeriod: number | null };
  };
  places: RepeatPlace[];
  tiedBeyondLimit: number;
  provenance: AnalysisProvenance;
}

// ---- Knox -----------------------------------------------------------------------------------

export type Table = (number | null)[][];

export interface KnoxReport {
  n: number;
  sBands: number[];
  tBands: number[];
  sLabels: string[];
  tLabels: string[];
  observed: Table;
  pValues: Table;
  ratioMedian: Table;
  ratioMean: Table;
  zScores: Table;
  expectedMedian: Table;
  expectedMean: Table;
  closePairs: number;
  iterations: number;
  seed: number;
  intervalSide: 'left' | 'right';
  metric: 'euclidean' | 'manhattan';
  timeUnit: 'day' | 'month';
  cellLabels: string[][];
  reading: string;
  warnings: string[];
  provenance: AnalysisProvenance;
}

// ---- Trends, KPIs, seasonal -----------------------------------------------------------------

export interface WindowCount extends Period {
  count: number | null;
}

export interface TrendResult {
  current: WindowCount;
  previous: WindowCount;
  changePct: number | null;
  p: number | null;
  suppressed: boolean;
  reading: string;
  provenance: AnalysisProvenance;
}

export type KpiDimension = 'all' | 'category' | 'district' | 'force';

export interface KpiRow {
  dimension: KpiDimension;
  key: string | null;
  current: number | null;
  previous: number | null;
  change: number | null;
  changePct: number | null;
  p: number | null;
  significant: boolean | null;
  direction: 'up' | 'down' | 'unchanged' | null;
  suppressed: boolean;
  reading: string;
}

export interface KpiTable {
  current: Period;
  previous: Period;
  alpha: number;
  suppressBelow: number;
  rows: KpiRow[];
  provenance: AnalysisProvenance;
}

export interface SeasonalIndex {
  month: number;
  name: string;
  index: number | null;
  ratios: number;
}

export interface OutlookMonth {
  month: string;
  horizon: number;
  index: number;
  expected: number;
  low: number;
  high: number;
  actual?: number;
}

export interface OutlookRow {
  dimension: 'all' | 'category' | 'district';
  key: string | null;
  indexSource: 'own' | 'pooled';
  levelShift: { month: string; index: number; ratio: number; p: number } | null;
  level: number;
  dispersion: number;
  totalDispersion: number;
  backtests: number;
  months: OutlookMonth[];
  total: { expected: number; low: number; high: number; actual?: number };
  warnings: string[];
}

export interface SeasonalResult {
  history: Period & { months: number };
  method: string;
  indices: SeasonalIndex[];
  undefinedReason: string | null;
  outlook?: {
    winter: string[];
    alpha: number;
    method: string;
    rows: OutlookRow[];
    omitted: { dimension: string; key: string | null; lastYearCount: number; reason: string }[];
  };
  provenance: AnalysisProvenance;
}

// ---- WDD ------------------------------------------------------------------------------------

export interface WddFields {
  estLocal: number;
  seLocal: number;
  estDisplace: number;
  seDisplace: number;
  estTotal: number;
  seTotal: number;
  z: number | null;
  p: number | null;
  lowCI: number;
  highCI: number;
}

export interface WdqResult {
  successMeasure: number | null;
  bufferMeasure: number | null;
  wdq: number | null;
  totalNetEffect: number | null;
  reading: string;
}

export type AreaRole = 'treated' | 'dispTreated' | 'control' | 'dispControl';

export interface WddCountsResult extends WddFields {
  wdq: WdqResult | null;
  provenance: AnalysisProvenance;
}

export interface WddDataResult extends WddFields {
  areas: Partial<Record<AreaRole, { lsoa?: number; polygons?: number }>>;
  periods: { responseMonth: string; pre: Period & { months: number }; post: Period & { months: number }; timeWeights: [number, number] };
  counts: Record<AreaRole, { pre: number; post: number }>;
  timeWeights: [number, number];
  wdq: WdqResult | null;
  harm: unknown;
  reading: string;
  provenance: AnalysisProvenance;
}
