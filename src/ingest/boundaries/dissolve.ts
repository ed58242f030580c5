import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Dissolves polygons into one shape per group (e.g. LSOAs into their district) by merging
 * along shared arcs; works because ONS boundaries share their vertices exactly.
 */
export function dissolve(parts: { group: string; geometry: Polygon | MultiPolygon }[]): Map<string, MultiPolygon> {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: parts.map((p) => ({ type: 'Feature', properties: { group: p.group }, geometry: p.geometry })),
  };
  const topo = topology({ parts: fc }) as Topology;
  const collection = topo.objects.parts as GeometryCollection<{ group: string }>;
  const byGroup = new Map<string, typeof collection.geometries>();
  for (const g of collection.geometries) {
    const key = (g.properties as { group?: string } | undefined)?.group ?? '';
    byGroup.set(key, [...(byGroup.get(key) ?? []), g]);
  }
  const out = new Map<string, MultiPolygon>();
  for (const [group, geoms] of byGroup) {
    out.set(group, merge(topo, geoms as Parameters<typeof merge>[1]));
  }
  return out;
}
