/**
 * A report edition's frozen content, and publishing it under one disclosure profile (pure).
 * Every figure and table gets a reference (F1, T1...) and an endnote saying where it came from;
 * the profile applies to the whole edition (no table picks its own). A published edition is
 * regenerated from this frozen content, so its files do not change when the records do.
 */
import type { FigureSource, ReportPeriod, ReportSectionContent } from '../../platform/module/report.js';
import { publishCount, publishedPercent, publishTable, type DisclosureProfile, type PublishedCount, type PublishedTable } from './disclosure/disclosure.js';

/** A figure with no record behind it (school sign-ups, social media reach): entered by hand, with its source and owner. */
export interface ManualFigure {
  id: string;
  sectionId: string;
  label: string;
  count: number;
  source: string;
  owner: string;
}

export interface EditionSection {
  id: string;
  title: string;
  order: number;
  content: ReportSectionContent;
}

export interface EditionContent {
  title: string;
  period: ReportPeriod;
  /** When the figures were taken from the live records (ISO instant). */
  generatedAt: string;
  sections: readonly EditionSection[];
  manualFigures: readonly ManualFigure[];
}

export interface Endnote {
  ref: string;
  text: string;
}

export interface PublishedFigure {
  ref: string;
  label: string;
  count: PublishedCount;
  manual: boolean;
  comparison: { label: string; count: PublishedCount; changePct: number | null; p: number | null; note: string | null } | null;
  source: FigureSource | null;
}

export interface PublishedTableRef {
  ref: string;
  id: string;
  title: string;
  table: PublishedTable;
  chart: { kind: 'bar' | 'line'; valueLabel: string } | null;
  source: FigureSource;
}

export interface PublishedSection {
  id: string;
  title: string;
  figures: PublishedFigure[];
  tables: PublishedTableRef[];
  notes: readonly string[];
}

export interface PublishedEdition {
  title: string;
  period: ReportPeriod;
  generatedAt: string;
  profile: { id: string; label: string; marking: string; versionId: string };
  sections: PublishedSection[];
  endnotes: Endnote[];
}

const periodWords = (p: ReportPeriod) => `${p.quarter} (${p.from} to ${p.to}), records as at ${p.asOf}`;

function sourceNote(s: FigureSource, period: ReportPeriod, profileLabel: string): string {
  const filters = Object.entries(s.filters).map(([k, v]) => `${k}: ${v}`).join('; ');
  return [
    s.definition,
    `Definition version: ${s.version}`,
    `Source: ${s.source}`,
    filters ? `Filters: ${filters}` : 'Filters: none',
    `Period: ${periodWords(period)}`,
    `Data cut-off: ${s.dataCutoff ?? 'no data held'}`,
    s.configVersions?.length ? `Rule and definition versions: ${s.configVersions.join(', ')}` : null,
    `Disclosure: ${profileLabel}`,
  ]
    .filter((x): x is string => x !== null)
    .join('. ')
    .replace(/\.\./g, '.');
}

/** Publishes the frozen content under a profile: rounding, suppression, references and endnotes. */
export function publishEdition(content: EditionContent, profile: DisclosureProfile, profileVersionId: string): PublishedEdition {
  let f = 0;
  let t = 0;
  const endnotes: Endnote[] = [];
  const sections = [...content.sections]
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((sec): PublishedSection => {
      const figures: PublishedFigure[] = sec.content.figures.map((fig) => {
        const ref = `F${++f}`;
        endnotes.push({ ref, text: sourceNote(fig.source, content.period, profile.label) });
        const count = publishCount(fig.count, profile);
        let comparison: PublishedFigure['comparison'] = null;
        if (fig.comparison) {
          const prev = publishCount(fig.comparison.count, profile);
          const ratio = publishedPercent(count, prev, profile, 0);
          const hidden = count.value === null || prev.value === null;
          comparison = {
            label: fig.comparison.label,
            count: prev,
            changePct: ratio.value === null ? null : Math.round((ratio.value - 100) * 1) / 1,
            // A p-value from exact counts could narrow a hidden count: none when either is hidden.
            p: hidden ? null : fig.comparison.p,
            note: ratio.reason,
          };
        }
        return { ref, label: fig.label, count, manual: false, comparison, source: fig.source };
      });
      for (const m of content.manualFigures.filter((x) => x.sectionId === sec.id)) {
        const ref = `F${++f}`;
        endnotes.push({ ref, text: `Entered by hand: ${m.label}. Source: ${m.source}. Owner: ${m.owner}. Period: ${periodWords(content.period)}. Disclosure: ${profile.label}` });
        figures.push({ ref, label: m.label, count: publishCount(m.count, profile), manual: true, comparison: null, source: null });
      }
      const tables = sec.content.tables.map((tab): PublishedTableRef => {
        const ref = `T${++t}`;
        endnotes.push({ ref, text: sourceNote(tab.source, content.period, profile.label) });
        const table = publishTable({ rows: tab.rows, cols: tab.cols, cells: tab.cells, rowTotals: tab.rowTotals ?? false, colTotals: tab.colTotals ?? false }, profile);
        return { ref, id: `${sec.id}-${tab.id}`, title: tab.title, table, chart: tab.chart ?? null, source: tab.source };
      });
      return { id: sec.id, title: sec.title, figures, tables, notes: sec.content.notes };
    });
  return {
    title: content.title,
    period: content.period,
    generatedAt: content.generatedAt,
    profile: { id: profile.id, label: profile.label, marking: profile.marking, versionId: profileVersionId },
    sections,
    endnotes,
  };
}
