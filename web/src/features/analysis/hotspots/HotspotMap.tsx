import { geoPath } from 'd3-geo';
import { useCallback, useMemo, type ReactNode } from 'react';
import { ErrorMessage } from '../../../app/ErrorMessage';
import { fitProjection } from '../../explorer/map/geo';
import { Panel } from '../../explorer/Panel';
import { SnapCaveat } from '../common/AnalysisProvenance';
import { fmtInt } from '../common/format';
import { useBoundaries } from '../common/meta';
import type { HotspotCollection } from '../types';
import { cellLines, cellTitle, areaName } from './describe';
import { areaLookup, cellCentre, cellsExtent, projectCells } from './geometry';
import { HotspotCanvas, type Overlay } from './HotspotCanvas';
import { HotspotLegend } from './HotspotLegend';
import type { Method } from './params';
import type { CellScale } from './scale';

interface Props {
  data: HotspotCollection;
  method: Method;
  scale: CellScale;
  overlay: string;
  onOverlay: (overlay: string) => void;
  onDownloadGeoJson: () => void;
  onDownloadCsv: () => void;
  busy: boolean;
  footer: ReactNode;
}

const OVERLAYS = [
  { value: 'district', label: 'Districts' },
  { value: 'lsoa', label: 'LSOAs' },
  { value: 'none', label: 'None' },
];

export function HotspotMap({ data, method, scale, overlay, onOverlay, onDownloadGeoJson, onDownloadCsv, busy, footer }: Props) {
  const districts = useBoundaries('district');
  const lsoas = useBoundaries('lsoa');
  const shownOverlay = overlay === 'lsoa' || overlay === 'none' ? overlay : 'district';

  const projection = useMemo(() => {
    const box = cellsExtent(data);
    return box ? fitProjection(box) : null;
  }, [data]);
  const xy = useMemo(() => (projection ? projectCells(data, projection) : new Float32Array()), [data, projection]);
  const classOf = useMemo(() => Int16Array.from(data.features, (f) => scale.classOf(f.properties)), [data, scale]);
  const colors = useMemo(() => scale.classes.map((c) => c.color), [scale]);
  const overlays = useMemo<Overlay[]>(() => {
    if (!projection) return [];
    const path = geoPath(projection).digits(1);
    const out: Overlay[] = [];
    if (shownOverlay === 'lsoa' && lsoas.data) out.push({ d: path(lsoas.data) ?? '', color: 'rgba(11, 12, 12, 0.35)', width: 0.6 });
    if (shownOverlay !== 'none' && districts.data) out.push({ d: path(districts.data) ?? '', color: '#0b0c0c', width: 1.2 });
    return out;
  }, [projection, shownOverlay, lsoas.data, districts.data]);
  const lookup = useMemo(() => (lsoas.data ? areaLookup(lsoas.data) : null), [lsoas.data]);

  const describe = useCallback(
    (i: number) => {
      const p = data.features[i]!.properties;
      const [lon, lat] = cellCentre(data, i);
      return { title: cellTitle(p), lines: [...(lookup ? [areaName(lookup.find(lon, lat))] : []), ...cellLines(method, p)] };
    },
    [data, lookup, method],
  );

  const toggle = (
    <fieldset className="segmented" data-testid="hotspot-overlay">
      <legend className="segmented__legend">Boundaries</legend>
      {OVERLAYS.map((o) => (
        <label key={o.value} className={`segmented__option ${o.value === shownOverlay ? 'is-selected' : ''}`}>
          <input type="radio" name="hotspot-overlay" value={o.value} checked={o.value === shownOverlay} onChange={() => onOverlay(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );

  return (
    <Panel
      title="Map"
      testId="hotspot-map"
      className="panel--map"
      busy={busy}
      controls={
        <>
          {toggle}
          <button type="button" className="button button--secondary button--small" onClick={onDownloadGeoJson} data-testid="hotspot-download-geojson">
            Download GeoJSON
          </button>
        </>
      }
      onDownload={onDownloadCsv}
      footer={footer}
    >
      <a className="skip-link skip-link--inline" href="#after-hotspot-map">Skip past the map</a>
      <div className="map-layout">
        <div className="map-layout__main" data-cells={data.features.length}>
          {districts.error ? <ErrorMessage error={districts.error} what="district boundaries" onRetry={districts.reload} /> : null}
          {projection ? (
            <HotspotCanvas
              xy={xy}
              classOf={classOf}
              colors={colors}
              overlays={overlays}
              describe={describe}
              label={`Map of ${fmtInt(data.features.length)} grid cells shaded by ${scale.title.toLowerCase()}. The table of top cells and the downloads hold the numbers.`}
            />
          ) : (
            <p className="empty">No cells to draw: no located incidents match these parameters.</p>
          )}
        </div>
        <aside className="map-layout__side" aria-label="Map key and notes">
          <HotspotLegend scale={scale} />
          <SnapCaveat />
        </aside>
      </div>
      <span id="after-hotspot-map" tabIndex={-1} />
    </Panel>
  );
}
