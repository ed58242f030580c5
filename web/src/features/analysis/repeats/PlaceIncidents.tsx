import { useEffect, useRef } from 'react';
import { ErrorMessage, Loading } from '../../../app/ErrorMessage';
import { useApi } from '../../../app/useApi';
import { monthLabel } from '../../explorer/format';
import { downloadCsvRows, fileName } from '../common/download';
import { fmtInt, periodText } from '../common/format';
import type { RepeatPlace, RepeatReport } from '../types';
import { DRILL_LIMIT, getPlaceIncidents, placeKey, type RepeatParams } from './params';
import { OpenProblemButton } from '../../problems/OpenProblemButton';

interface Props {
  report: RepeatReport;
  place: RepeatPlace;
  params: RepeatParams;
}

/** The incidents behind one repeat place: the same period and filters, at its snap point. */
export function PlaceIncidents({ report, place, params }: Props) {
  const key = `${placeKey(place)}|${report.period.from}|${report.period.to}|${params.category.join('|')}|${params.district.join('|')}|${params.force}`;
  const incidents = useApi(`place:${key}`, (s) => getPlaceIncidents(report, place, params, s));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [key]);
  const data = incidents.data;
  // Asked with an exact count (see getPlaceIncidents); the rows shown if a server should not give one.
  const total = data ? data.total ?? data.items.length : 0;
  const items = data ? [...data.items].sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category)) : [];
  const title = place.label ?? 'this place';

  return (
    <section className="drill" id="place-incidents" aria-labelledby="place-incidents-title" data-testid="place-incidents">
      <h3 className="drill__title" id="place-incidents-title" tabIndex={-1} ref={headingRef}>
        Incidents at {title} (rank {place.rank}), {periodText(report.period)}
      </h3>
      <p className="field__hint">
        Snap point {place.latitude.toFixed(6)}, {place.longitude.toFixed(6)} (latitude, longitude); {place.district ?? 'no district'}
        {place.lsoaCode ? `, LSOA ${place.lsoaCode}` : ''}. Every incident published at exactly this point, with the page&apos;s filters.
      </p>
      <p className="small" data-testid="place-categories">
        <strong>By category:</strong> {place.categories.map((c) => `${c.category} ${fmtInt(c.count)}`).join(', ')}.
      </p>
      <p>
        <OpenProblemButton
          title={`Repeat location: ${title}`}
          district={place.district}
          source={{
            kind: 'repeat-location', label: title, pickedFrom: report.period.from, pickedTo: report.period.to, longitude: place.longitude, latitude: place.latitude,
            figures: { incidents: place.count, previousPeriod: place.previousCount, change: place.change, rank: place.rank, busiestWindow: `${place.bestWindow.count} ${place.bestWindow.category}` },
            filter: { lsoa: place.lsoaCode ? [place.lsoaCode] : [], district: place.lsoaCode ? [] : place.district ? [place.district] : [], category: params.category, from: report.period.from, to: report.period.to },
          }}
        />{' '}
        <span className="small muted">Pre-filled with this place&apos;s LSOA, filters and figures; the period it was picked from is kept for the regression-to-the-mean check.</span>
      </p>
      {incidents.error ? (
        <ErrorMessage error={incidents.error} what="the incidents at this place" onRetry={incidents.reload} />
      ) : !data ? (
        <Loading what="incidents" />
      ) : (
        <>
          <p className="table-status" data-testid="place-incidents-total" data-value={total}>
            {fmtInt(total)} incidents{total !== place.count ? ` (the ranking counted ${fmtInt(place.count)})` : ''}
            {total > data.items.length ? `; the first ${fmtInt(DRILL_LIMIT)} are listed` : ''}.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() =>
                downloadCsvRows(
                  fileName(`repeat-place-${place.rank}-incidents`, 'csv', report.period),
                  ['month', 'category', 'location', 'outcome', 'lsoa_code', 'district', 'longitude', 'latitude', 'crime_id'],
                  items.map((i) => [i.month, i.category, i.location, i.outcome, i.lsoaCode, i.district, i.longitude, i.latitude, i.crimeId]),
                )
              }
            >
              Download these incidents (CSV)
            </button>
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`Incidents at ${title} (scrollable)`}>
            <table className="table table--compact" data-testid="place-incident-table">
              <caption className="visually-hidden">Incidents at {title}</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Category</th>
                  <th scope="col">Location text</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.id}>
                    <td className="nowrap">{monthLabel(i.month)}</td>
                    <td>{i.category}</td>
                    <td>{i.location ?? '–'}</td>
                    <td>{i.outcome || <span className="muted">No outcome recorded</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
