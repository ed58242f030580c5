import { geoPath, type GeoProjection } from 'd3-geo';
import { useMemo, useState } from 'react';
import type { BoundaryCollection, BoundaryLevel, Counts, Incident } from '../../../app/types';
import { useApi, type ApiState } from '../../../app/useApi';
import { featureKey, getBoundaries, getCounts, getIncidentsInBox, type BBox } from '../api';
import { filterKey, type Filters, type MapLevel } from '../filters';
import type { Area } from './AreaLayer';
import { bboxWidthKm, fitProjection, rewind, robustExtent, UK_BBOX, visibleBBox, type ViewTransform } from './geo';
import { quantileScale, type ClassScale } from './scale';

/** Individual incidents are drawn once the visible map is narrower than this. */
export const POINTS_BELOW_KM = 10;

const rewound = new Map<BoundaryLevel, Promise<BoundaryCollection>>();
function loadBoundaries(level: BoundaryLevel): Promise<BoundaryCollection> {
  let p = rewound.get(level);
  if (!p) {
    p = getBoundaries(level).then(rewind);
    p.catch(() => rewound.delete(level));
    rewound.set(level, p);
  }
  return p;
}

interface Shape {
  key: string;
  code: string;
  name: string;
  detail: string | null;
  d: string;
}

export interface MapData {
  boundaries: ApiState<BoundaryCollection>;
  counts: ApiState<Counts>;
  hasBoundaries: boolean;
  projection: GeoProjection | null;
  areas: Area[];
  shapes: Shape[];
  scale: ClassScale | null;
  /** Incidents counted but not shaded: outside the imported boundaries or without location. */
  unmatched: number;
  points: Incident[];
  pointsState: ApiState<{ total: number | null; hasMore: boolean; items: Incident[] }> | null;
  widthKm: number | null;
  zoomedIn: boolean;
  setView: (t: ViewTransform) => void;
}

export function useMapData(level: MapLevel, filters: Filters, pointsAllowed = true): MapData {
  const fkey = filterKey(filters);
  const boundaries = useApi(`boundaries:${level}`, () => loadBoundaries(level));
  const counts = useApi(`counts:${level}:${fkey}`, (s) => getCounts(level, filters, s));
  const fc = boundaries.data;
  const hasBoundaries = Boolean(fc && fc.features.length > 0);
  const noBoundaries = Boolean(fc && fc.features.length === 0);

  // Without boundaries, a first batch of points (anywhere in the UK) sets the map extent.
  const overview = useApi(noBoundaries && pointsAllowed ? `overview:${fkey}` : null, (s) => getIncidentsInBox(filters, UK_BBOX, s));

  // Fit the map to the chosen districts when the district filter is set, else to everything.
  const districtFocus = filters.district.map((d) => d.toLowerCase()).sort().join('|');
  const projection = useMemo(() => {
    if (fc && fc.features.length > 0) {
      const chosen = new Set(districtFocus ? districtFocus.split('|') : []);
      const focus = fc.features.filter((f) => chosen.has((f.properties.districtName ?? f.properties.name).toLowerCase()));
      return fitProjection(focus.length ? { ...fc, features: focus } : fc);
    }
    const items = overview.data?.items;
    if (noBoundaries && !pointsAllowed) return fitProjection(UK_BBOX);
    if (!noBoundaries || !items) return null;
    const extent = robustExtent(
      items.filter((i) => i.longitude !== null && i.latitude !== null).map((i) => [i.longitude!, i.latitude!]),
    );
    return fitProjection(extent ?? UK_BBOX);
  }, [fc, noBoundaries, overview.data, districtFocus, pointsAllowed]);

  const shapes = useMemo<Shape[]>(() => {
    if (!fc || !projection) return [];
    // While a new level loads, the previous level's shapes must not be keyed by the new level.
    const shownLevel = fc.features[0]?.properties.level;
    if (shownLevel && shownLevel !== level) return [];
    const path = geoPath(projection).digits(2);
    return fc.features.map((f) => ({
      key: featureKey(level, f.properties),
      code: f.properties.code,
      name: f.properties.name,
      detail: level === 'district' ? null : f.properties.districtName,
      d: path(f) ?? '',
    }));
  }, [fc, projection, level]);

  const { areas, scale, unmatched } = useMemo(() => {
    const byKey = new Map<string, number>();
    for (const r of counts.data?.rows ?? []) if (r.key) byKey.set(r.key, (byKey.get(r.key) ?? 0) + r.count);
    const values = shapes.map((s) => byKey.get(s.key) ?? 0);
    const scale = shapes.length && counts.data ? quantileScale(values) : null;
    const areas = shapes.map((s, i) => ({
      key: s.key,
      name: s.name,
      detail: s.detail,
      d: s.d,
      count: values[i] ?? 0,
      fill: scale ? scale.color(values[i] ?? 0) : '#f3f2f1',
    }));
    const shaded = values.reduce((a, b) => a + b, 0);
    const unmatched = counts.data && shapes.length ? Math.max(0, counts.data.total - shaded) : 0;
    return { areas, scale, unmatched };
  }, [shapes, counts.data]);

  const [view, setView] = useState<ViewTransform>({ k: 1, x: 0, y: 0 });
  const visible: BBox | null = projection ? visibleBBox(projection, view) : null;
  const widthKm = visible ? bboxWidthKm(visible) : null;
  // With boundaries, points appear below POINTS_BELOW_KM; without, any zoom loads the points in view.
  const zoomedIn = widthKm !== null && (noBoundaries ? view.k > 1.01 : widthKm < POINTS_BELOW_KM);
  const boxKey = visible ? visible.map((n) => n.toFixed(4)).join(',') : '';
  const detail = useApi(pointsAllowed && zoomedIn && visible ? `bbox:${fkey}:${boxKey}` : null, (s) => getIncidentsInBox(filters, visible!, s));

  const pointsState = !pointsAllowed ? null : zoomedIn ? detail : noBoundaries ? overview : null;
  const points = pointsState?.data?.items ?? [];

  return { boundaries, counts, hasBoundaries, projection, areas, shapes, scale, unmatched, points, pointsState, widthKm, zoomedIn, setView };
}
