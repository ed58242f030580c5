import { fmtInt, fmtPct, fmtSigned, periodText } from '../common/format';
import type { RepeatPlace, RepeatReport } from '../types';
import { placeKey } from './params';

interface Props {
  report: RepeatReport;
  selected: string;
  /** Null when the role may not list incidents (no drill-down). */
  onSelect: ((place: RepeatPlace | null) => void) | null;
}

const changeClass = (n: number | null) => (n === null ? undefined : n > 0 ? 'change-up' : n < 0 ? 'change-down' : undefined);

/** The ranked places with their counts, the change on the previous period and the busiest window. */
export function RepeatTable({ report, selected, onSelect }: Props) {
  const showQualifies = report.places.some((p) => !p.qualifies);
  const compared = report.comparison !== null;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Repeat locations table (scrollable)">
      <table className="table table--compact" data-testid="repeat-table">
        <caption className="visually-hidden">
          Repeat locations, {periodText(report.period)}, ranked by incidents
          {compared ? `; change against ${periodText(report.previousPeriod)}` : '; no comparison with the period before (not fully imported)'}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">Rank</th>
            <th scope="col">Place (Location text)</th>
            <th scope="col">District, LSOA</th>
            <th scope="col" className="num">Incidents</th>
            {compared ? <th scope="col" className="num">Previous period</th> : null}
            {compared ? <th scope="col" className="num">Change</th> : null}
            <th scope="col">Busiest window</th>
            {showQualifies ? <th scope="col">Meets rule</th> : null}
            {onSelect ? <th scope="col"><span className="visually-hidden">Incidents at the place</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {report.places.map((p) => {
            const key = placeKey(p);
            const open = key === selected;
            return (
              <tr key={key} className={open ? 'row--selected' : undefined} data-testid="repeat-row">
                <td className="num">{p.rank}</td>
                <th scope="row">
                  {p.label ?? <span className="muted">No Location text</span>}
                  {p.otherLabels.length ? <span className="muted small"> (also: {p.otherLabels.join('; ')})</span> : null}
                </th>
                <td>
                  {p.district ?? '–'}
                  {p.lsoaCode ? <span className="muted small"> {p.lsoaCode}</span> : null}
                </td>
                <td className="num" data-testid="repeat-count">{fmtInt(p.count)}</td>
                {compared ? <td className="num">{fmtInt(p.previousCount)}</td> : null}
                {compared ? (
                  <td className={`num ${changeClass(p.change) ?? ''}`}>
                    {fmtSigned(p.change)}
                    {p.changePercent !== null ? <span className="small"> ({fmtPct(p.changePercent, 0)})</span> : null}
                  </td>
                ) : null}
                <td>
                  {fmtInt(p.bestWindow.count)} {p.bestWindow.category}, {periodText(p.bestWindow)}
                  {p.qualifiedInPrevious ? <span className="tag tag--orange small"> also a repeat before</span> : null}
                </td>
                {showQualifies ? <td>{p.qualifies ? 'Yes' : 'No'}</td> : null}
                {onSelect ? (
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small nowrap"
                      aria-expanded={open}
                      aria-controls="place-incidents"
                      onClick={() => onSelect(open ? null : p)}
                      data-testid="repeat-drill"
                    >
                      {open ? 'Hide' : 'Incidents'}
                      <span className="visually-hidden"> at {p.label ?? 'this place'}, rank {p.rank}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
