// API calls used by the incident explorer.
import { apiGet } from '../../app/api';
import type { BoundaryCollection, BoundaryLevel, BoundaryProperties, CountBy, Counts, IncidentPage } from '../../app/types';
import { filterQuery, type Filters } from './filters';

export const PAGE_SIZE = 50;
export const MAP_POINT_LIMIT = 5000;

export function getCounts(by: CountBy, filters: Filters, signal?: AbortSignal): Promise<Counts> {
  return apiGet<Counts>('/api/incidents/counts', { by, ...filterQuery(filters) }, signal);
}

export function getIncidentPage(filters: Filters, page: number, signal?: AbortSignal): Promise<IncidentPage> {
  return apiGet<IncidentPage>(
    '/api/incidents',
    { ...filterQuery(filters), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    signal,
  );
}

/** bbox as [minLon, minLat, maxLon, maxLat] (WGS84). */
export type BBox = [number, number, number, number];

export function getIncidentsInBox(filters: Filters, bbox: BBox, signal?: AbortSignal): Promise<IncidentPage> {
  const box = bbox.map((n) => n.toFixed(5)).join(',');
  return apiGet<IncidentPage>('/api/incidents', { ...filterQuery(filters), bbox: box, limit: MAP_POINT_LIMIT }, signal);
}

const boundaryCache = new Map<BoundaryLevel, Promise<BoundaryCollection>>();

/** Boundaries do not depend on filters, so each level is fetched once per page load. */
export function getBoundaries(level: BoundaryLevel): Promise<BoundaryCollection> {
  let cached = boundaryCache.get(level);
  if (!cached) {
    cached = apiGet<BoundaryCollection>('/api/boundaries', { level });
    cached.catch(() => boundaryCache.delete(level));
    boundaryCache.set(level, cached);
  }
  return cached;
}

/** The key a boundary feature is matched on in the counts for its level. */
export function featureKey(level: BoundaryLevel, p: BoundaryProperties): string {
  return level === 'district' ? (p.districtName ?? p.name) : p.code;
}
