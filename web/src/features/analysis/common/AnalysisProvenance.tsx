import type { AnalysisProvenance as ProvenanceData } from '../types';
import { periodText } from './format';

/** Consecutive months as runs: ['2025-10','2025-11','2026-01'] → 'Oct 2025 – Nov 2025, Jan 2026'. */
export function monthRunsText(months: readonly string[]): string {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const runs: { from: string; to: string }[] = [];
  for (const m of [...months].sort()) {
    const last = runs.at(-1);
    if (last && index(m) === index(last.to) + 1) last.to = m;
    else runs.push({ from: m, to: m });
  }
  return runs.map(periodText).join(', ');
}

/** A plain warning naming the months the analysis needed but the force(s) analysed have not imported. */
export function MissingMonthsWarning({ provenance: p, testId = 'missing-months' }: { provenance: ProvenanceData | undefined; testId?: string }) {
  if (!p || !p.missingMonths?.length) return null;
  return (
    <div className="warning-box" role="note" data-testid={testId}>
      <p className="warning-box__title"><strong>Some months are not imported</strong></p>
      <p>
        {p.missingByForce.map((f, i) => (
          <span key={f.force}>
            {i ? '; ' : ''}
            {forceName(f.force)}: {monthRunsText(f.months)}
          </span>
        ))}
        .
      </p>
      <p>These months are missing, not months with no incidents: figures that include them are understated, and no comparison is made with a period that includes them.</p>
    </div>
  );
}

const forceName = (id: string) => id.split('-').map((w) => (w === 'and' || w === 'of' ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');

function valueText(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    return entries.length ? entries.map(([k, x]) => `${k} ${valueText(x)}`).join(', ') : 'none';
  }
  return String(v);
}

export function recordText(r: Record<string, unknown>): string {
  const parts = Object.entries(r)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k} ${valueText(v)}`);
  return parts.length ? parts.join('; ') : 'none';
}

interface Props {
  provenance: ProvenanceData | undefined;
  /** Notes already shown elsewhere on the page (e.g. the snap-point caveat) are left out of the list. */
  hideNotes?: readonly string[];
  testId?: string;
  /** The page already shows the missing-months warning above the figures. */
  missingShownAbove?: boolean;
}

/** Source, filters, parameters and data cut-off of an analysis result, with its method notes. */
export function AnalysisProvenance({ provenance: p, hideNotes = [], testId = 'provenance', missingShownAbove = false }: Props) {
  if (!p) return null;
  const generated = new Date(p.generatedAt);
  const notes = p.notes.filter((n) => !hideNotes.includes(n));
  return (
    <div className="analysis-provenance" data-testid={testId}>
      {missingShownAbove ? null : <MissingMonthsWarning provenance={p} testId={`${testId}-missing-months`} />}
      <p className="provenance">
        <strong>Source:</strong> {p.demo ? 'synthetic demo data (not real incidents)' : p.source}
        {p.dataCutoff ? `, data cut-off ${p.dataCutoff}` : /supplied by the user/.test(p.source) ? ', no data cut-off (figures typed in)' : ', no data cut-off (no records in scope)'}.{' '}
        <strong>Filters:</strong> {recordText(p.filters)}.{' '}
        <strong>Parameters:</strong> <span data-testid={`${testId}-parameters`}>{recordText(p.parameters)}</span>.
        {!Number.isNaN(generated.getTime()) ? (
          <>
            {' '}
            <span className="provenance__time">
              (generated <time dateTime={p.generatedAt}>{generated.toLocaleString('en-GB')}</time>)
            </span>
          </>
        ) : null}
      </p>
      {notes.length ? (
        <details className="notes">
          <summary>Method notes ({notes.length})</summary>
          <ul className="notes__list">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

export const SNAP_CAVEAT = 'Locations are anonymised snap points published by data.police.uk, not exact addresses.';

export function SnapCaveat() {
  return (
    <p className="caveat" data-testid="snap-caveat">
      {SNAP_CAVEAT}
    </p>
  );
}
