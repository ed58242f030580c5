import { ApiError, toSearchParams } from '../../../app/api';
import { Loading } from '../../../app/ErrorMessage';
import { apiFormErrors } from '../../../app/forms';
import type { Meta } from '../../../app/types';
import { useApi } from '../../../app/useApi';
import { AnalysisPage } from '../common/AnalysisPage';
import { MetaGate } from '../common/MetaGate';
import { useQueryState } from '../common/useQueryState';
import { AnalysisError } from './History';
import { KpiTable } from './KpiTable';
import { ComparisonsPanel } from './ComparisonsPanel';
import { getKpis, getMonthly, getSeasonal, getTrend, kpiQuery, seasonalQuery, TRENDS_FIELDS, TRENDS_SPEC, trendQuery } from './params';
import { SeasonalPanel } from './SeasonalPanel';
import { TrendPanel } from './TrendPanel';
import { TrendsForm } from './TrendsForm';

export function TrendsRoute() {
  return <MetaGate>{(meta) => <TrendsPage meta={meta} />}</MetaGate>;
}

const keyOf = (q: Parameters<typeof toSearchParams>[0]) => toSearchParams(q).toString();

function TrendsPage({ meta }: { meta: Meta }) {
  const [params, setParams] = useQueryState(TRENDS_SPEC);
  const kpis = useApi(`kpis:${keyOf(kpiQuery(params))}`, (s) => getKpis(params, s));
  const trend = useApi(`trend:${keyOf(trendQuery(params))}`, (s) => getTrend(params, s));
  const seasonal = useApi(`seasonal:${keyOf(seasonalQuery(params))}`, (s) => getSeasonal(params, s));
  const t = trend.data && !trend.error ? trend.data : undefined;
  const monthly = useApi(t ? `trend-months:${t.previous.from}:${t.current.to}:${keyOf(trendQuery(params))}` : null, (s) => getMonthly(params, t!, s));

  const errors = [kpis.error, trend.error, seasonal.error].filter((e): e is ApiError => e instanceof ApiError && e.status === 400);
  const apiErrors = errors.length ? apiFormErrors(errors[0], TRENDS_FIELDS).list : [];
  const settled = (s: { loading: boolean; data?: unknown; error?: unknown }) => !s.loading && (s.data !== undefined || s.error !== undefined);
  const ready = settled(kpis) && settled(trend) && settled(seasonal);
  const formKey = keyOf({ ...kpiQuery(params), winter: params.winter, outlookAlpha: params.outlookAlpha });

  return (
    <AnalysisPage
      title="Trends and KPIs"
      testId="trends-page"
      ready={ready}
      lead={<p>The latest months against the same months a year earlier, with a test of whether the change is more than chance; the usual seasonal pattern; and what to expect this winter.</p>}
      explain={<TrendsExplain />}
      form={<TrendsForm key={formKey} meta={meta} params={params} apiErrors={apiErrors} onApply={setParams} />}
    >
      <ComparisonsPanel scope={{ category: params.category, district: params.district, force: params.force }} />
      {kpis.error ? (
        <AnalysisError error={kpis.error} what="the KPI table" onRetry={kpis.reload} testId="kpi-history" />
      ) : kpis.data ? (
        <KpiTable data={kpis.data} busy={kpis.loading} />
      ) : (
        <Loading what="the KPI table" />
      )}
      {trend.error ? (
        <AnalysisError error={trend.error} what="the trend" onRetry={trend.reload} testId="trend-history" />
      ) : t ? (
        <TrendPanel trend={t} monthly={monthly} busy={trend.loading} />
      ) : (
        <Loading what="the trend" />
      )}
      {seasonal.error ? (
        <AnalysisError error={seasonal.error} what="the seasonal pattern and winter outlook" onRetry={seasonal.reload} testId="seasonal-history" />
      ) : seasonal.data ? (
        <SeasonalPanel data={seasonal.data} busy={seasonal.loading} />
      ) : (
        <Loading what="the seasonal pattern" />
      )}
    </AnalysisPage>
  );
}

function TrendsExplain() {
  return (
    <>
      <p>
        <strong>KPIs and trend.</strong> The window (3 months by default, ending at the latest month every force has) is compared with the
        same months a year earlier, so the seasons match. The percentage change says how big the change is; the p-value (an E-test for
        two Poisson counts) says how surprising it would be if the underlying rate had not changed. &ldquo;Significant&rdquo; means p is below
        the significance level; with many rows some will be significant by chance. Small counts are withheld, with everything worked out
        from them, to protect the people behind them.
      </p>
      <p>
        <strong>Seasonal indices</strong> need at least 24 months in a row. Each month is divided by the average of the year around it, and
        the ratios are averaged per month of year: 1.2 means a usual 20% above an average month.
      </p>
      <p>
        <strong>The winter outlook</strong> (November to January) multiplies the level of the last 12 months by the seasonal indices; the
        interval is how far counts have strayed from such forecasts in the past. No trend is projected. For a past winter the actual
        counts are shown next to the forecast.
      </p>
      <p>When the data does not reach far enough back, the page says what is missing instead of showing a figure.</p>
    </>
  );
}
