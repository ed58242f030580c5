import { useMemo } from 'react';
import { Panel } from '../../explorer/Panel';
import { useBoundaries } from '../common/meta';
import { fmtInt, fmtP, fmtSig, fmtSigned } from '../common/format';
import type { HotspotCollection } from '../types';
import { areaName, CLASS_WORD, compareCells, hasIncidents, RANK_TITLE } from './describe';
import { areaLookup, cellCentre } from './geometry';
import type { Method } from './params';
import { OpenProblemButton } from '../../problems/OpenProblemButton';

const TOP = 20;

/** The cells that stand out most, with their numbers and the LSOA they lie in. */
export function TopCells({ data, method }: { data: HotspotCollection; method: Method }) {
  const lsoas = useBoundaries('lsoa');
  const rows = useMemo(() => {
    const order = data.features.map((_, i) => i);
    order.sort((a, b) => compareCells(method, data.features[a]!.properties, data.features[b]!.properties) || a - b);
    const lookup = lsoas.data ? areaLookup(lsoas.data) : null;
    return order.slice(0, TOP).map((i) => {
      const [lon, lat] = cellCentre(data, i);
      const found = lookup ? lookup.find(lon, lat) : null;
      return { i, p: data.features[i]!.properties, area: lookup ? areaName(found) : '…', lsoa: found, lon, lat };
    });
  }, [data, method, lsoas.data]);

  if (rows.length === 0) return null;
  return (
    <Panel title={RANK_TITLE[method]} testId="hotspot-top">
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${RANK_TITLE[method]} (scrollable)`}>
        <table className="table table--compact" data-testid="hotspot-top-table">
          <caption className="visually-hidden">{RANK_TITLE[method]}, the first {rows.length}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">Rank</th>
              <th scope="col">LSOA, district</th>
              <th scope="col" className="num">Easting</th>
              <th scope="col" className="num">Northing</th>
              {method === 'change' ? (
                <>
                  <th scope="col" className="num">Before</th>
                  <th scope="col" className="num">After</th>
                  <th scope="col" className="num">Change</th>
                  <th scope="col" className="num">Density change (per km²)</th>
                </>
              ) : (
                <>
                  <th scope="col" className="num">Incidents</th>
                  <th scope="col" className="num">Density (per km²)</th>
                </>
              )}
              {method === 'gistar' ? (
                <>
                  <th scope="col" className="num">Gi* z</th>
                  <th scope="col" className="num">Adjusted p</th>
                  <th scope="col">Class</th>
                </>
              ) : null}
              <th scope="col"><span className="visually-hidden">Open a problem</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ i, p, area, lsoa, lon, lat }, n) => (
              <tr key={i}>
                <td className="num">{n + 1}</td>
                <th scope="row">{area}</th>
                <td className="num">{fmtInt(p.easting)}</td>
                <td className="num">{fmtInt(p.northing)}</td>
                {method === 'change' ? (
                  <>
                    <td className="num">{fmtInt(p.count_before)}</td>
                    <td className="num">{fmtInt(p.count_after)}</td>
                    <td className="num">{fmtSigned(p.change)}</td>
                    <td className="num">{fmtSig(p.density_change)}</td>
                  </>
                ) : (
                  <>
                    <td className="num">{fmtInt(p.count)}</td>
                    <td className="num">{fmtSig(p.density)}</td>
                  </>
                )}
                {method === 'gistar' ? (
                  <>
                    <td className="num">{fmtSig(p.gi_z)}</td>
                    <td className="num">{fmtP(p.p_adj)}</td>
                    <td>{hasIncidents(p) ? CLASS_WORD[p.class ?? 'none'] : `${CLASS_WORD[p.class ?? 'none']}: no incidents in this cell, it stands out through its neighbours`}</td>
                  </>
                ) : null}
                <td>
                  {lsoas.data && hasIncidents(p) ? (
                    <OpenProblemButton
                      testId="hotspot-open-problem"
                      title={`Hotspot: ${area}`}
                      district={lsoa?.districtName ?? null}
                      source={{
                        kind: 'hotspot', label: area, pickedFrom: data.summary.period.from, pickedTo: data.summary.period.to, longitude: lon, latitude: lat,
                        figures: { rank: n + 1, count: p.count ?? p.count_after ?? null, density: p.density ?? p.density_change ?? null, giZ: p.gi_z ?? null, cellMetres: data.summary.grid.cell },
                        filter: { lsoa: lsoa ? [lsoa.code] : [], from: data.summary.period.from, to: data.summary.period.to },
                      }}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field__hint">Cells holding incidents are listed first; a cell without incidents can only stand out through its neighbours, so a problem is opened from the cells around it. Eastings and northings are British National Grid metres (EPSG:27700) of the cell centre. Every cell is in the downloads.</p>
    </Panel>
  );
}
