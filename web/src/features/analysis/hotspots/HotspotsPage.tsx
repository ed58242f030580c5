import { useMemo } from 'react';
import { ApiError, toSearchParams } from '../../../app/api';
import { ErrorMessage, Loading } from '../../../app/ErrorMessage';
import { apiFormErrors } from '../../../app/forms';
import type { Meta } from '../../../app/types';
import { useApi } from '../../../app/useApi';
import { AnalysisPage } from '../common/AnalysisPage';
import { AnalysisProvenance, MissingMonthsWarning, SNAP_CAVEAT } from '../common/AnalysisProvenance';
import { downloadCsvRows, downloadText, fileName } from '../common/download';
import { Figures, type FigureItem } from '../common/Figures';
import { fmtInt, periodText } from '../common/format';
import { MetaGate } from '../common/MetaGate';
import { useQueryState } from '../common/useQueryState';
import type { HotspotCollection } from '../types';
import { CSV_COLUMNS } from './describe';
import { cellCentre } from './geometry';
import { HotspotForm } from './HotspotForm';
import { HotspotMap } from './HotspotMap';
import { ADJUST_LABEL, getHotspots, HOTSPOT_FIELDS, HOTSPOT_SPEC, hotspotQuery, type Method } from './params';
import { scaleFor } from './scale';
import { TopCells } from './TopCells';

export function HotspotsRoute() {
  return <MetaGate>{(meta) => <HotspotsPage meta={meta} />}</MetaGate>;
}

function HotspotsPage({ meta }: { meta: Meta }) {
  const [params, setParams] = useQueryState(HOTSPOT_SPEC);
  const apiKey = toSearchParams(hotspotQuery(params)).toString();
  const result = useApi(`hotspots:${apiKey}`, (s) => getHotspots(params, s));
  const data = result.data;
  const method: Method = data?.summary.method ?? 'kde';
  const scale = useMemo(() => (data ? scaleFor(data.summary.method, data.features.map((f) => f.properties), data.summary) : null), [data]);
  const badRequest = result.error instanceof ApiError && result.error.status === 400;
  const apiErrors = badRequest ? apiFormErrors(result.error, HOTSPOT_FIELDS).list : [];
  const ready = !result.loading && (data !== undefined || result.error !== undefined);

  const downloadGeoJson = () => data && downloadText(fileName(`hotspots-${method}`, 'geojson', data.summary.period), JSON.stringify(data), 'application/geo+json');
  const downloadCsv = () => {
    if (!data) return;
    const cols = CSV_COLUMNS[method];
    const rows = data.features.map((f, i) => [...cols.map((c) => f.properties[c] ?? null), ...cellCentre(data, i).map((x) => Number(x.toFixed(6)))]);
    downloadCsvRows(fileName(`hotspots-${method}`, 'csv', data.summary.period), [...cols, 'centre_longitude', 'centre_latitude'], rows);
  };

  return (
    <AnalysisPage
      title="Hotspot map"
      testId="hotspots-page"
      ready={ready}
      lead={<p>Where incidents concentrate, on a grid of square cells over the force or the districts you choose.</p>}
      explain={<HotspotExplain />}
      form={<HotspotForm key={apiKey} meta={meta} params={params} apiErrors={apiErrors} onApply={(p) => setParams({ ...p, overlay: params.overlay })} />}
    >
      {result.error ? (
        badRequest ? (
          <div className="error-box" role="status" data-testid="error">
            <p className="error-box__title">Check the parameters</p>
            <p className="error-box__body">{result.error.message}</p>
          </div>
        ) : (
          <ErrorMessage error={result.error} what="the hotspot grid" onRetry={result.reload} />
        )
      ) : null}
      {!data && !result.error ? <Loading what="the hotspot grid (this can take a few seconds)" /> : null}
      {data && scale ? (
        <>
          <Summary data={data} busy={result.loading} />
          <HotspotMap
            data={data}
            method={method}
            scale={scale}
            overlay={params.overlay}
            onOverlay={(overlay) => setParams({ ...params, overlay }, true)}
            onDownloadGeoJson={downloadGeoJson}
            onDownloadCsv={downloadCsv}
            busy={result.loading}
            footer={<AnalysisProvenance provenance={data.provenance} hideNotes={[SNAP_CAVEAT]} missingShownAbove />}
          />
          <TopCells data={data} method={method} />
        </>
      ) : null}
    </AnalysisPage>
  );
}

function Summary({ data, busy }: { data: HotspotCollection; busy: boolean }) {
  const s = data.summary;
  const items: FigureItem[] = [
    { label: 'Cells shown', value: fmtInt(data.features.length), raw: data.features.length, testId: 'hotspot-cells', note: `of ${fmtInt(s.grid.cellsInStudyArea)} in the study area; ${s.grid.cell} m cells` },
    { label: 'Incidents used', value: fmtInt(s.incidents.used), raw: s.incidents.used, testId: 'hotspot-used', note: periodText(s.period) },
    {
      label: 'Left out',
      value: fmtInt(s.noLocation.period + s.incidents.outsideStudyArea),
      testId: 'hotspot-left-out',
      note: `${fmtInt(s.noLocation.period)} with no location, ${fmtInt(s.incidents.outsideStudyArea)} outside the study area`,
    },
  ];
  if (s.gistar) {
    items.push({
      label: 'Hot / cold spots',
      value: `${fmtInt(s.gistar.hot)} / ${fmtInt(s.gistar.cold)}`,
      testId: 'hotspot-hot-cold',
      small: true,
      note: `cells at alpha ${s.gistar.alpha}, ${ADJUST_LABEL[s.gistar.adjust] ?? s.gistar.adjust}`,
    });
  }
  if (s.change && s.comparePeriod) {
    items.push({
      label: 'Before → after',
      value: `${fmtInt(s.change.before)} → ${fmtInt(s.change.after)}`,
      testId: 'hotspot-change',
      small: true,
      note: `${periodText(s.comparePeriod)} → ${periodText(s.period)}`,
    });
  }
  const emptyComparison = s.change && s.comparePeriod && s.change.before === 0;
  return (
    <section className="panel summary" aria-labelledby="hotspot-summary-title" aria-busy={busy} data-testid="hotspot-summary">
      <h2 id="hotspot-summary-title" className="panel__title">
        Summary: {methodName(s.method)}, {periodText(s.period)}
        {busy ? <span className="panel__updating"> updating…</span> : null}
      </h2>
      <MissingMonthsWarning provenance={data.provenance} />
      <Figures items={items} />
      {emptyComparison ? (
        <p className="warning-text" data-testid="hotspot-empty-comparison">
          The comparison period ({periodText(s.comparePeriod)}) has no located incidents in the data, probably because it is not imported: every change shown is simply this period&apos;s count.
        </p>
      ) : null}
      {s.warnings.length ? (
        <ul className="warning-list" data-testid="hotspot-warnings">
          {s.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      ) : null}
    </section>
  );
}

const methodName = (m: Method) => (m === 'gistar' ? 'Gi* hot and cold spots' : m === 'change' ? 'change between periods' : 'kernel density');

function HotspotExplain() {
  return (
    <>
      <p>
        The area is cut into square cells (100 m by default) on the British National Grid. Incidents are placed at their published
        snap points; rows with no location, and the few outside the study area, are left out and counted.
      </p>
      <ul>
        <li>
          <strong>Kernel density</strong> spreads each incident over a circle (the bandwidth, 3 cells by default), most strongly at its
          centre, and adds them up at each cell centre. The result is incidents per km² over the whole period: a smooth picture of
          where incidents concentrate. A wider bandwidth gives a smoother, broader picture.
        </li>
        <li>
          <strong>Gi* hot and cold spots</strong> (Getis-Ord) compare the incidents in each cell and its neighbours with the average
          cell. A hot spot has many more nearby incidents than chance would give. So many cells are tested that some would look
          significant by luck; the p-values are adjusted for this (false discovery rate by default) before comparing with the
          significance level, and the legend says which.
        </li>
        <li>
          <strong>Change</strong> compares the period with a comparison period of the same length (by default the one just before):
          red cells rose, blue cells fell.
        </li>
      </ul>
      <p>Hover over the map, or tab to it, to read a cell. The table lists the cells that stand out most; the downloads hold every cell.</p>
    </>
  );
}
