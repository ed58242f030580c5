import { ApiError, toSearchParams } from '../../../app/api';
import { ErrorMessage, Loading } from '../../../app/ErrorMessage';
import { apiFormErrors } from '../../../app/forms';
import { mayListIncidents, useSession } from '../../../app/session';
import type { Meta } from '../../../app/types';
import { useApi } from '../../../app/useApi';
import { Panel } from '../../explorer/Panel';
import { AnalysisPage } from '../common/AnalysisPage';
import { AnalysisProvenance, MissingMonthsWarning, SNAP_CAVEAT, SnapCaveat } from '../common/AnalysisProvenance';
import { downloadCsvRows, fileName } from '../common/download';
import { Figures } from '../common/Figures';
import { fmtInt, periodText } from '../common/format';
import { MetaGate } from '../common/MetaGate';
import { useQueryState } from '../common/useQueryState';
import type { RepeatReport } from '../types';
import { getRepeats, placeKey, REPEAT_FIELDS, REPEAT_SPEC, repeatQuery } from './params';
import { PlaceIncidents } from './PlaceIncidents';
import { RepeatForm } from './RepeatForm';
import { RepeatTable } from './RepeatTable';

export function RepeatsRoute() {
  return <MetaGate>{(meta) => <RepeatsPage meta={meta} />}</MetaGate>;
}

const CSV_HEADER = [
  'rank', 'label', 'other_labels', 'district', 'lsoa_code', 'longitude', 'latitude', 'easting', 'northing', 'count', 'previous_count', 'change',
  'change_percent', 'best_window_category', 'best_window_from', 'best_window_to', 'best_window_count', 'meets_rule', 'met_rule_in_previous', 'categories',
];

function downloadPlaces(r: RepeatReport) {
  downloadCsvRows(
    fileName('repeat-locations', 'csv', r.period),
    CSV_HEADER,
    r.places.map((p) => [
      p.rank, p.label, p.otherLabels.join('; '), p.district, p.lsoaCode, p.longitude, p.latitude, p.easting, p.northing, p.count, p.previousCount, p.change,
      p.changePercent, p.bestWindow.category, p.bestWindow.from, p.bestWindow.to, p.bestWindow.count, p.qualifies ? 'yes' : 'no', p.qualifiedInPrevious ? 'yes' : 'no',
      p.categories.map((c) => `${c.category} ${c.count}`).join('; '),
    ]),
  );
}

function RepeatsPage({ meta }: { meta: Meta }) {
  const { me } = useSession();
  const [params, setParams] = useQueryState(REPEAT_SPEC);
  const apiKey = toSearchParams(repeatQuery(params)).toString();
  const result = useApi(`repeats:${apiKey}`, (s) => getRepeats(params, s));
  const data = result.data;
  const badRequest = result.error instanceof ApiError && result.error.status === 400;
  const apiErrors = badRequest ? apiFormErrors(result.error, REPEAT_FIELDS).list : [];
  const ready = !result.loading && (data !== undefined || result.error !== undefined);
  const place = data?.places.find((p) => placeKey(p) === params.place);
  const drill = mayListIncidents(me.role);

  return (
    <AnalysisPage
      title="Repeat locations"
      testId="repeats-page"
      ready={ready}
      lead={<p>Places where incidents of the same kind keep happening, ranked by the number of incidents, with the change on the period before.</p>}
      explain={<RepeatExplain />}
      form={<RepeatForm key={apiKey} meta={meta} params={params} apiErrors={apiErrors} onApply={setParams} />}
    >
      {result.error ? (
        badRequest ? (
          <div className="error-box" role="status" data-testid="error">
            <p className="error-box__title">Check the parameters</p>
            <p className="error-box__body">{result.error.message}</p>
          </div>
        ) : (
          <ErrorMessage error={result.error} what="the repeat locations" onRetry={result.reload} />
        )
      ) : null}
      {!data && !result.error ? <Loading what="repeat locations" /> : null}
      {data ? (
        <>
          <section className="panel summary" aria-labelledby="repeat-summary-title" aria-busy={result.loading} data-testid="repeat-summary">
            <h2 id="repeat-summary-title" className="panel__title">
              {periodText(data.period)}
              {result.loading ? <span className="panel__updating"> updating…</span> : null}
            </h2>
            <MissingMonthsWarning provenance={data.provenance} />
            <p className="result-lead" data-testid="repeat-rule">
              The repeat rule: a place counts when it has <strong>{data.rule.description}</strong>.
            </p>
            <Figures
              items={[
                { label: 'Repeat locations', value: fmtInt(data.summary.repeatPlaces), raw: data.summary.repeatPlaces, testId: 'repeat-places', note: `of ${fmtInt(data.summary.places)} places with any incident` },
                {
                  label: 'Incidents at them',
                  value: fmtInt(data.summary.incidentsAtRepeatPlaces),
                  note: data.summary.shareAtRepeatPlaces !== null ? `${Math.round(data.summary.shareAtRepeatPlaces * 100)}% of ${fmtInt(data.summary.incidents)} located incidents` : 'no located incidents',
                },
                {
                  label: 'Rows without location', value: fmtInt(data.summary.noLocation.period), raw: data.summary.noLocation.period, testId: 'repeat-no-location',
                  note: data.comparison ? `left out; ${fmtInt(data.summary.noLocation.previousPeriod)} in the previous period` : 'left out',
                },
                ...(data.comparison
                  ? [{ label: 'Repeat locations before', value: fmtInt(data.summary.previousRepeatPlaces), note: `${periodText(data.previousPeriod)}; ${fmtInt(data.summary.persistentRepeatPlaces)} in both periods` }]
                  : []),
              ]}
            />
            {data.comparison === null ? (
              <p className="warning-text" data-testid="repeat-no-previous">
                <strong>No comparison with the period before ({periodText(data.previousPeriod)}).</strong> Not all of its months are imported,
                and a month that is not imported is not a month with no incidents.
              </p>
            ) : null}
          </section>
          <Panel
            title={`${data.places.length === 1 ? 'One place' : `${fmtInt(data.places.length)} places`}, ranked by incidents`}
            testId="repeat-places-panel"
            busy={result.loading}
            onDownload={() => downloadPlaces(data)}
            footer={<AnalysisProvenance provenance={data.provenance} hideNotes={[SNAP_CAVEAT]} missingShownAbove />}
          >
            <SnapCaveat />
            {data.places.length === 0 ? (
              <p className="empty">No place meets the rule with these filters.</p>
            ) : (
              <RepeatTable report={data} selected={params.place} onSelect={drill ? (p) => setParams({ ...params, place: p ? placeKey(p) : '' }, true) : null} />
            )}
            {data.tiedBeyondLimit > 0 ? (
              <p className="field__hint">{fmtInt(data.tiedBeyondLimit)} more places share the last listed count; list more places to see them.</p>
            ) : null}
            {drill && place ? <PlaceIncidents report={data} place={place} params={params} /> : null}
          </Panel>
        </>
      ) : null}
    </AnalysisPage>
  );
}

function RepeatExplain() {
  return (
    <>
      <p>
        A <strong>place</strong> is one published snap point: data.police.uk moves every incident to the nearest of a set of anonymous
        points (a street segment, a car park, a shop), so a place is not an address and several nearby addresses share it. The Location
        text (&ldquo;On or near …&rdquo;) is shown as a label only: different points can carry the same text.
      </p>
      <p>
        A place is a <strong>repeat location</strong> when some run of consecutive months inside the period holds at least the rule&apos;s
        number of incidents of one category. The busiest window is the run with most incidents of one category. Places are ranked by all
        their incidents in the period; places with the same count share a rank.
      </p>
      <p>
        The change compares with the period of the same length just before. Incidents published without a location cannot be placed and
        are left out (their number is shown). Select Incidents on a row to see what happened at the place.
      </p>
    </>
  );
}
