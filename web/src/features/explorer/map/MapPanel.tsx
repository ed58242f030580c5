import type { Meta } from '../../../app/types';
import { ErrorMessage, Loading } from '../../../app/ErrorMessage';
import { MAP_POINT_LIMIT } from '../api';
import { CountTable } from '../CountTable';
import { csvName, downloadCsv } from '../csv';
import type { Filters, MapLevel } from '../filters';
import { fmt } from '../format';
import { Panel } from '../Panel';
import { Provenance } from '../Provenance';
import { Legend } from './Legend';
import { MapView } from './MapView';
import { POINTS_BELOW_KM, useMapData } from './useMapData';

interface Props {
  meta: Meta;
  filters: Filters;
  level: MapLevel;
  onLevel: (level: MapLevel) => void;
  /** False for roles that may not load individual incidents: areas are shaded, no points drawn. */
  pointsAllowed: boolean;
}

const LEVEL_NAME: Record<MapLevel, string> = { lsoa: 'LSOA', district: 'district' };

export function MapPanel({ meta, filters, level, onLevel, pointsAllowed }: Props) {
  const m = useMapData(level, filters, pointsAllowed);
  const noBoundaries = m.boundaries.data !== undefined && !m.hasBoundaries;

  // The numbers behind the map: every area with a count, plus counted keys that have no shape.
  const shapeByKey = new Map(m.shapes.map((s) => [s.key, s]));
  const tableRows = (m.counts.data?.rows ?? []).map((r) => {
    const shape = r.key ? shapeByKey.get(r.key) : undefined;
    const name = shape?.name ?? (r.key || (level === 'lsoa' ? 'No LSOA (no location)' : 'No district'));
    return { key: r.key ?? '', code: shape?.code ?? (level === 'lsoa' ? r.key ?? '' : ''), name, district: shape?.detail ?? '', count: r.count, mapped: Boolean(shape) };
  });
  const download = m.counts.data
    ? () =>
        downloadCsv(
          csvName(`incidents-by-${level}`, filters.from, filters.to),
          ['code', 'name', 'district', 'incidents', 'on_map'],
          tableRows.map((r) => [r.code, r.name, r.district, r.count, r.mapped ? 'yes' : 'no']),
        )
    : undefined;

  const levelToggle = (
    <fieldset className="segmented" data-testid="map-level">
      <legend className="segmented__legend">Shade by</legend>
      {(['lsoa', 'district'] as const).map((l) => (
        <label key={l} className={`segmented__option ${l === level ? 'is-selected' : ''}`}>
          <input type="radio" name="map-level" value={l} checked={l === level} onChange={() => onLevel(l)} />
          {l === 'lsoa' ? 'LSOA' : 'District'}
        </label>
      ))}
    </fieldset>
  );

  const pts = m.pointsState;
  const pointsMore = pts?.data ? { more: pts.data.hasMore, total: pts.data.total } : undefined;

  return (
    <Panel
      title="Map"
      testId="map"
      className="panel--map"
      busy={m.counts.loading || m.boundaries.loading || Boolean(pts?.loading)}
      controls={levelToggle}
      table={m.counts.data ? (
        <CountTable
          caption={`Incidents by ${LEVEL_NAME[level]}`}
          keyLabel={level === 'lsoa' ? 'LSOA' : 'District'}
          rows={tableRows.map((r) => ({ key: r.key || '(none)', label: level === 'lsoa' && r.code ? `${r.name} (${r.code})` : r.name, count: r.count }))}
          total={m.counts.data.total}
          testId="map-table"
        />
      ) : undefined}
      onDownload={download}
      footer={<Provenance provenance={m.counts.data?.provenance} filters={filters} meta={meta} extra={noBoundaries ? 'no boundaries imported, points only' : `shaded by ${LEVEL_NAME[level]}`} />}
    >
      <a className="skip-link skip-link--inline" href="#after-map">Skip past the map</a>
      <div className="map-layout">
        <div className="map-layout__main">
          {m.boundaries.error ? <ErrorMessage error={m.boundaries.error} what="boundaries" onRetry={m.boundaries.reload} /> : null}
          {m.counts.error ? <ErrorMessage error={m.counts.error} what={`counts by ${LEVEL_NAME[level]}`} onRetry={m.counts.reload} /> : null}
          {pts?.error ? <ErrorMessage error={pts.error} what="incident points" onRetry={pts.reload} /> : null}
          {noBoundaries ? (
            <div className="notice" data-testid="map-no-boundaries">
              No boundaries imported: run <code>npx hub import-boundaries …</code> to shade areas.{pointsAllowed ? ' Incident points are still shown.' : ''}
            </div>
          ) : null}
          {m.projection ? (
            <MapView
              areas={m.areas}
              projection={m.projection}
              points={m.points}
              onView={m.setView}
              label={`Map of incidents ${m.hasBoundaries ? `shaded by ${LEVEL_NAME[level]}` : 'as points'}. Use the buttons, mouse wheel or drag to zoom and pan.`}
            />
          ) : m.boundaries.error ? null : (
            <Loading what="map" />
          )}
        </div>
        <aside className="map-layout__side" aria-label="Map key and notes">
          {m.scale ? <Legend title={`Incidents per ${LEVEL_NAME[level]} (quantiles)`} scale={m.scale} /> : null}
          {pointsAllowed && (m.points.length || m.zoomedIn || noBoundaries) ? (
            <p className="legend__points">
              <span className="legend__dot" aria-hidden="true" /> One incident (points at the same snap point overlap)
            </p>
          ) : null}
          <p className="map-status" aria-live="polite" data-testid="map-status">
            {pointsAllowed
              ? pointStatus(m.hasBoundaries, m.zoomedIn, m.widthKm, m.points.length, pointsMore, Boolean(pts?.loading))
              : 'Individual incidents are not shown for your role; areas are shaded by their counts.'}
          </p>
          {m.unmatched > 0 ? (
            <p className="map-note">
              {fmt(m.unmatched)} incidents are outside the imported boundaries or have no location, so are not shaded (they are in the table).
            </p>
          ) : null}
          <p className="caveat" data-testid="map-caveat">
            Locations are anonymised snap points published by data.police.uk, not exact addresses.
          </p>
        </aside>
      </div>
      <span id="after-map" tabIndex={-1} />
    </Panel>
  );
}

function pointStatus(hasBoundaries: boolean, zoomedIn: boolean, widthKm: number | null, shown: number,
  more: { more: boolean; total: number | null } | undefined, loading: boolean): string {
  const width = widthKm !== null ? `${widthKm < 10 ? widthKm.toFixed(1) : Math.round(widthKm)} km` : '';
  if (hasBoundaries && !zoomedIn) {
    return `Zoom in until the view is under ${POINTS_BELOW_KM} km wide to see individual incidents${width ? ` (now about ${width} wide)` : ''}.`;
  }
  if (loading && shown === 0) return 'Loading incidents…';
  if (more?.more) {
    const of = more.total !== null ? ` of ${fmt(more.total)}` : '';
    return zoomedIn
      ? `Showing ${fmt(shown)}${of} incidents in view (the limit is ${fmt(MAP_POINT_LIMIT)}), so some are missing; zoom in further to see them all.`
      : `Showing only the first ${fmt(shown)}${of} incidents (the limit is ${fmt(MAP_POINT_LIMIT)}), so some areas are missing; zoom in to load every incident in view.`;
  }
  return `Showing ${fmt(shown)} incidents${zoomedIn ? ` in view (${width} wide)` : ''}.`;
}
