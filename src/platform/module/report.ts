/**
 * What a module contributes to the quarterly report (issue 19): sections built from its live
 * records, every number with its source. The report module applies one disclosure profile to the
 * whole edition, numbers the figures, writes the endnotes and renders HTML, PDF, XLSX and JSON;
 * a section never formats or rounds its own numbers.
 */
import type { ServiceContext } from './context.js';

/** Where a number comes from (printed as its endnote). */
export interface FigureSource {
  /** The definition in words ("Workbooks completed in the quarter, counted once per workbook"). */
  definition: string;
  /** Version of the definition, KPI or rule set used (e.g. 'kpi.sv_u25@v2', 'open-data counts v1'). */
  version: string;
  /** The data it was counted from ("data.police.uk street-level crime, Kent"). */
  source: string;
  /** Filters in words: { district: 'Thanet', category: 'Anti-social behaviour' }. */
  filters: Readonly<Record<string, string>>;
  /** Latest month or day in the data used; null when nothing is held. */
  dataCutoff: string | null;
  /** Configuration versions the figure used (rules, KPI definitions). */
  configVersions?: readonly string[];
}

/** A table of counts (rows x columns) with its source; rounding and suppression are the report's. */
export interface ReportTable {
  /** Stable within the section (letters, digits, hyphens). */
  id: string;
  title: string;
  rows: readonly string[];
  cols: readonly string[];
  cells: readonly (readonly number[])[];
  rowTotals?: boolean;
  colTotals?: boolean;
  source: FigureSource;
  /** Draw it as a chart too (from the published numbers, so a chart never shows a hidden one). */
  chart?: { kind: 'bar' | 'line'; valueLabel: string };
}

/** One headline count, with the count it is compared with when there is one. */
export interface ReportFigure {
  id: string;
  label: string;
  count: number;
  source: FigureSource;
  comparison?: { label: string; count: number; /** E-test p-value (two-sided), null when it cannot be computed. */ p: number | null };
}

export interface ReportSectionContent {
  figures: readonly ReportFigure[];
  tables: readonly ReportTable[];
  /** Plain statements about the section's data ("No powers register records yet: counts start when records are kept"). */
  notes: readonly string[];
}

export interface ReportPeriod {
  /** '2025Q3' or '2025-26Q2'. */
  quarter: string;
  from: string;
  to: string;
  /** The same quarter a year before. */
  previousYear: { from: string; to: string };
  /** Records as they stood at the end of this day. */
  asOf: string;
}

export interface ReportContribution {
  /** Stable section id ('youth', 'asb-powers'). */
  id: string;
  title: string;
  /** Order in the report (lower first). */
  order: number;
  build: (ctx: ServiceContext, period: ReportPeriod) => Promise<ReportSectionContent>;
}
