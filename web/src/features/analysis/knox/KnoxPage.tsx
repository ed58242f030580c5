import { ApiError, toSearchParams } from '../../../app/api';
import { ErrorMessage, Loading } from '../../../app/ErrorMessage';
import { apiFormErrors } from '../../../app/forms';
import type { Meta } from '../../../app/types';
import { useApi } from '../../../app/useApi';
import { Panel } from '../../explorer/Panel';
import { AnalysisPage } from '../common/AnalysisPage';
import { AnalysisProvenance, SNAP_CAVEAT, SnapCaveat } from '../common/AnalysisProvenance';
import { downloadCsvRows, fileName } from '../common/download';
import { Figures } from '../common/Figures';
import { fmtInt } from '../common/format';
import { MetaGate } from '../common/MetaGate';
import { useQueryState } from '../common/useQueryState';
import type { KnoxReport } from '../types';
import { KnoxForm } from './KnoxForm';
import { KnoxMatrix, KnoxTables } from './KnoxMatrix';
import { getKnox, KNOX_FIELDS, KNOX_SPEC, knoxQuery, SIGNIFICANCE } from './params';

export function KnoxRoute() {
  return <MetaGate>{(meta) => <KnoxPage meta={meta} />}</MetaGate>;
}

function downloadKnox(r: KnoxReport) {
  const rows = r.sLabels.flatMap((s, i) =>
    r.tLabels.map((t, j) => {
      const p = r.pValues[i]?.[j] ?? null;
      return [s, t, r.observed[i]?.[j], r.expectedMean[i]?.[j], r.expectedMedian[i]?.[j], r.ratioMean[i]?.[j], r.ratioMedian[i]?.[j], r.zScores[i]?.[j], p, p !== null && p <= SIGNIFICANCE ? 'yes' : 'no'];
    }),
  );
  const period = typeof r.provenance.filters.from === 'string' && typeof r.provenance.filters.to === 'string' ? { from: r.provenance.filters.from, to: r.provenance.filters.to } : null;
  downloadCsvRows(
    fileName('knox', 'csv', period),
    ['distance_band_m', `time_band_${r.timeUnit === 'day' ? 'days' : 'months'}`, 'observed_pairs', 'expected_mean', 'expected_median', 'knox_ratio_mean', 'knox_ratio_median', 'z', 'p', `p_le_${SIGNIFICANCE}`],
    rows,
  );
}

function KnoxPage({ meta }: { meta: Meta }) {
  const [params, setParams] = useQueryState(KNOX_SPEC);
  const apiKey = toSearchParams(knoxQuery(params)).toString();
  const result = useApi(`knox:${apiKey}`, (s) => getKnox(params, s));
  const data = result.data;
  const badRequest = result.error instanceof ApiError && result.error.status === 400;
  const apiErrors = badRequest ? apiFormErrors(result.error, KNOX_FIELDS).list : [];
  const ready = !result.loading && (data !== undefined || result.error !== undefined);

  return (
    <AnalysisPage
      title="Near repeats (Knox test)"
      testId="knox-page"
      ready={ready}
      lead={<p>Do incidents that are close together in space also happen close together in time, more often than chance would give?</p>}
      explain={<KnoxExplain />}
      form={<KnoxForm key={apiKey} meta={meta} params={params} apiErrors={apiErrors} onApply={setParams} />}
    >
      {result.error ? (
        badRequest ? (
          <div className="error-box" role="status" data-testid="error">
            <p className="error-box__title">Check the parameters</p>
            <p className="error-box__body">{result.error.message}</p>
          </div>
        ) : (
          <ErrorMessage error={result.error} what="the Knox test" onRetry={result.reload} />
        )
      ) : null}
      {result.loading ? <Loading what={`the Knox test (${params.iterations || 99} reshuffles; this can take a few seconds)`} /> : null}
      {data ? (
        <>
          {data.warnings.length ? (
            <div className="warning-box" role="note" aria-labelledby="knox-warnings-title" data-testid="knox-warnings">
              <h2 className="warning-box__title" id="knox-warnings-title">Read this first</h2>
              {data.warnings.map((w) => <p key={w}>{w}</p>)}
            </div>
          ) : null}
          <section className="panel summary" aria-labelledby="knox-reading-title" aria-busy={result.loading} data-testid="knox-summary">
            <h2 id="knox-reading-title" className="panel__title">What it shows</h2>
            <p className="reading" data-testid="knox-reading">{data.reading}</p>
            <Figures
              items={[
                { label: 'Incidents', value: fmtInt(data.n), raw: data.n, testId: 'knox-n', note: 'with a location' },
                { label: 'Close pairs', value: fmtInt(data.closePairs), note: `within ${data.sBands[data.sBands.length - 1]} m` },
                { label: 'Reshuffles', value: fmtInt(data.iterations), note: `seed ${data.seed}; smallest possible p ${(1 / (data.iterations + 1)).toPrecision(2)}` },
              ]}
            />
          </section>
          <Panel
            title="Knox ratios by distance and time"
            testId="knox-panel"
            busy={result.loading}
            table={<KnoxTables report={data} />}
            onDownload={() => downloadKnox(data)}
            footer={<AnalysisProvenance provenance={data.provenance} hideNotes={[SNAP_CAVEAT]} />}
          >
            <KnoxMatrix report={data} />
            <SnapCaveat />
          </Panel>
        </>
      ) : null}
    </AnalysisPage>
  );
}

function KnoxExplain() {
  return (
    <>
      <p>
        The test looks at every pair of incidents. Each pair falls in one distance band (how far apart) and one time band (how long
        between them). If where and when incidents happen were unrelated, reshuffling the dates among the incidents would give about
        the same counts. The test reshuffles many times and compares.
      </p>
      <ul>
        <li>
          The <strong>Knox ratio</strong> is the observed number of pairs over the average from the reshuffles: 1.5 means 50% more pairs
          than chance would give at that distance and time apart.
        </li>
        <li>
          The <strong>p-value</strong> is the share of reshuffles with at least as many pairs. With 99 reshuffles it cannot be below 0.01; use
          999 for finer p-values (slower).
        </li>
        <li>
          A high ratio in the first rows and columns (near, and soon after) is the near-repeat pattern: after one incident, nearby places
          are at raised risk for a short while.
        </li>
      </ul>
      <p>
        Street-level crime is published by month, so its time bands are months and cannot show the days-to-weeks pattern near repeats
        usually have; stop and search records have dates and use day bands. The band labels are interval notation: ( excludes the
        limit, ] includes it.
      </p>
    </>
  );
}
