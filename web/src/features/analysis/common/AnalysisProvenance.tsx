import type { AnalysisProvenance as ProvenanceData } from '../types';

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
}

/** Source, filters, parameters and data cut-off of an analysis result, with its method notes. */
export function AnalysisProvenance({ provenance: p, hideNotes = [], testId = 'provenance' }: Props) {
  if (!p) return null;
  const generated = new Date(p.generatedAt);
  const notes = p.notes.filter((n) => !hideNotes.includes(n));
  return (
    <div className="analysis-provenance" data-testid={testId}>
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
