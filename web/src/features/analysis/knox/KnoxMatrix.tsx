import { fmtInt, fmtP, fmtSig, pText } from '../common/format';
import type { KnoxReport, Table } from '../types';
import { RATIO_CLASSES, ratioClass, SIGNIFICANCE } from './params';

const unitsOf = (r: KnoxReport) => (r.timeUnit === 'day' ? 'days' : 'months');

/** The Knox table: rows are distance bands, columns time bands; colour by Knox ratio, bold and * where p ≤ 0.05. */
export function KnoxMatrix({ report: r }: { report: KnoxReport }) {
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Knox ratios by distance and time (scrollable)">
        <table className="table knox-table" data-testid="knox-matrix">
          <caption className="visually-hidden">
            Knox ratio (observed pairs over the mean of {r.iterations} random reshuffles) for each distance band (rows, metres) and time band (columns, {unitsOf(r)}),
            with observed pairs and p-value; an asterisk marks p ≤ {SIGNIFICANCE}.
          </caption>
          <thead>
            <tr>
              <th scope="col">Distance (m) \ time ({unitsOf(r)})</th>
              {r.tLabels.map((t) => <th scope="col" key={t}>{t}</th>)}
            </tr>
          </thead>
          <tbody>
            {r.sLabels.map((s, i) => (
              <tr key={s}>
                <th scope="row">{s}</th>
                {r.tLabels.map((t, j) => {
                  const ratio = r.ratioMean[i]?.[j] ?? null;
                  const p = r.pValues[i]?.[j] ?? null;
                  const obs = r.observed[i]?.[j] ?? null;
                  const sig = p !== null && p <= SIGNIFICANCE;
                  const c = ratioClass(ratio);
                  return (
                    <td
                      key={t}
                      className={`knox-cell ${sig ? 'knox-cell--sig' : ''} ${c?.dark ? 'knox-cell--dark' : ''}`}
                      style={{ background: c?.color ?? '#ffffff' }}
                      data-testid="knox-cell"
                      data-observed={obs ?? ''}
                      data-p={p ?? ''}
                    >
                      <span className="knox-cell__ratio">
                        {ratio === null ? '–' : ratio.toFixed(2)}
                        {sig ? (
                          <>
                            <span aria-hidden="true">*</span>
                            <span className="visually-hidden"> (significant)</span>
                          </>
                        ) : null}
                      </span>
                      <span className="knox-cell__detail">{fmtInt(obs)} pairs</span>
                      <span className="knox-cell__detail">{pText(p)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="knox-legend" aria-label="Key to the Knox ratio colours" data-testid="knox-legend">
        {RATIO_CLASSES.map((c) => (
          <li key={c.label}>
            <span className="legend__swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.label}
          </li>
        ))}
        <li>
          <strong>1.23*</strong> bold with an asterisk: p ≤ {SIGNIFICANCE} (more pairs than in {SIGNIFICANCE * 100}% of random reshuffles)
        </li>
      </ul>
    </>
  );
}

function NumberTable({ r, title, rows, digits, testId }: { r: KnoxReport; title: string; rows: Table; digits: 'int' | 'sig' | 'p'; testId: string }) {
  const f = (v: number | null) => (digits === 'int' ? fmtInt(v) : digits === 'p' ? fmtP(v) : fmtSig(v, 4));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title} (scrollable)`}>
      <table className="table table--compact" data-testid={testId}>
        <caption className="table-caption">{title}</caption>
        <thead>
          <tr>
            <th scope="col">Distance (m) \ time ({unitsOf(r)})</th>
            {r.tLabels.map((t) => <th scope="col" className="num" key={t}>{t}</th>)}
          </tr>
        </thead>
        <tbody>
          {r.sLabels.map((s, i) => (
            <tr key={s}>
              <th scope="row">{s}</th>
              {r.tLabels.map((t, j) => <td className="num" key={t}>{f(rows[i]?.[j] ?? null)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every table of the test: observed, expected, ratios, z and p. */
export function KnoxTables({ report: r }: { report: KnoxReport }) {
  return (
    <div className="knox-tables">
      <NumberTable r={r} title="Observed pairs" rows={r.observed} digits="int" testId="knox-observed" />
      <NumberTable r={r} title={`Expected pairs (mean of ${r.iterations} reshuffles)`} rows={r.expectedMean} digits="sig" testId="knox-expected" />
      <NumberTable r={r} title="Knox ratio (observed / mean expected)" rows={r.ratioMean} digits="sig" testId="knox-ratio-mean" />
      <NumberTable r={r} title="Knox ratio (observed / median expected)" rows={r.ratioMedian} digits="sig" testId="knox-ratio-median" />
      <NumberTable r={r} title="z-score" rows={r.zScores} digits="sig" testId="knox-z" />
      <NumberTable r={r} title="p-value" rows={r.pValues} digits="p" testId="knox-p" />
    </div>
  );
}
