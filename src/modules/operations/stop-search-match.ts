/**
 * Matching the stop searches a deployment recorded to the published stop-and-search data
 * (data.police.uk): pure, so the rule can be checked by hand.
 *
 * A published search is matched to a deployment when it happened within the deployment's hours
 * (widened by `timeSlackMinutes` either side) and
 *  - it names the deployment's operation in its "Policing operation" column ("by operation"), or
 *  - it names no operation and lies within `maxDistanceMetres` of one of the deployment's venues
 *    ("by time and place").
 * A search naming another operation is never matched on time and place. Each search counts for at
 * most one deployment: by operation first, then the nearest venue, then the closest in time, then
 * the lowest deployment number. Distances are compared in whole metres (as shown). Published locations are moved to anonymised map points, so the
 * distance is approximate by design.
 */
import { addDays, londonLocalToInstants } from '../../platform/time/london.js';

export interface MatchParams { timeSlackMinutes: number; maxDistanceMetres: number }
export interface Point { lat: number; lon: number }

export interface DeploymentForMatch {
  id: number;
  operationName: string;
  /** London calendar date the deployment began. */
  date: string;
  /** 'HH:MM' London time; an end at or before the start is on the next day. */
  startTime: string;
  endTime: string;
  venues: readonly Point[];
}

export interface PublishedSearch {
  id: number;
  occurredAt: Date;
  /** The "Policing operation" column; null or '' when blank. */
  operation: string | null;
  location: Point | null;
}

export type MatchBasis = 'operation' | 'time_place';
export interface SearchMatch { searchId: number; deploymentId: number; basis: MatchBasis; distanceMetres: number | null; minutesOutsideHours: number }
export type UnmatchedReason = 'outside_hours' | 'other_operation' | 'no_location' | 'too_far' | 'no_venue_location';
export interface UnmatchedSearch { searchId: number; reason: UnmatchedReason; nearestDeploymentId: number | null; distanceMetres: number | null }
export interface MatchResult { matches: SearchMatch[]; unmatched: UnmatchedSearch[] }

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMetres(a: Point, b: Point): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** 'Operation Pilot', 'OP PILOT', 'pilot.' -> 'pilot'; blank -> null. */
export function normaliseOperationName(name: string | null | undefined): string | null {
  if (name == null) return null;
  const s = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^(operation|op|project)\s+/, '').trim();
  return s === '' ? null : s;
}

function localInstant(date: string, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const hit = londonLocalToInstants(date, h, m);
  // In the spring gap the wall time does not exist: the clocks read an hour later at that instant.
  return hit[0] ?? new Date(londonLocalToInstants(date, h + 1 > 23 ? 23 : h + 1, m)[0]!.getTime());
}

/** The instants a deployment ran: its end is on the next day when it is at or before its start. */
export function deploymentHours(d: Pick<DeploymentForMatch, 'date' | 'startTime' | 'endTime'>): { from: Date; to: Date } {
  const from = localInstant(d.date, d.startTime);
  const to = localInstant(d.endTime <= d.startTime ? addDays(d.date, 1) : d.date, d.endTime);
  return { from, to };
}

/** Minutes a search lies outside the deployment's hours (0 inside). */
function minutesOutside(at: Date, hours: { from: Date; to: Date }): number {
  const t = at.getTime();
  if (t < hours.from.getTime()) return (hours.from.getTime() - t) / 60_000;
  if (t > hours.to.getTime()) return (t - hours.to.getTime()) / 60_000;
  return 0;
}

function nearestVenue(p: Point | null, venues: readonly Point[]): number | null {
  if (!p || venues.length === 0) return null;
  return Math.min(...venues.map((v) => distanceMetres(p, v)));
}

interface Candidate { d: DeploymentForMatch; basis: MatchBasis; distance: number | null; outside: number }

const better = (a: Candidate, b: Candidate): boolean => {
  if (a.basis !== b.basis) return a.basis === 'operation';
  const da = a.distance ?? Number.POSITIVE_INFINITY;
  const db = b.distance ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db;
  if (a.outside !== b.outside) return a.outside < b.outside;
  return a.d.id < b.d.id;
};

export function matchStopSearches(deployments: readonly DeploymentForMatch[], searches: readonly PublishedSearch[], params: MatchParams): MatchResult {
  const hours = new Map(deployments.map((d) => [d.id, deploymentHours(d)]));
  const matches: SearchMatch[] = [];
  const unmatched: UnmatchedSearch[] = [];
  for (const s of searches) {
    const named = normaliseOperationName(s.operation);
    let best: Candidate | null = null;
    // Why the closest deployment in time did not take it (for the unmatched list).
    let reason: UnmatchedReason = 'outside_hours';
    let nearest: { id: number; distance: number | null; outside: number } | null = null;
    for (const d of deployments) {
      const outside = minutesOutside(s.occurredAt, hours.get(d.id)!);
      const distance = nearestVenue(s.location, d.venues);
      if (nearest === null || outside < nearest.outside || (outside === nearest.outside && d.id < nearest.id)) nearest = { id: d.id, distance, outside };
      if (outside > params.timeSlackMinutes) continue;
      const own = normaliseOperationName(d.operationName);
      let c: Candidate | null = null;
      if (named !== null && named === own) c = { d, basis: 'operation', distance, outside };
      else if (named === null && distance !== null && Math.round(distance) <= params.maxDistanceMetres) c = { d, basis: 'time_place', distance, outside };
      if (c && (best === null || better(c, best))) best = c;
    }
    if (best) {
      matches.push({ searchId: s.id, deploymentId: best.d.id, basis: best.basis, distanceMetres: best.distance === null ? null : Math.round(best.distance), minutesOutsideHours: Math.round(best.outside) });
      continue;
    }
    const near = nearest;
    if (near !== null && near.outside <= params.timeSlackMinutes) {
      const d = deployments.find((x) => x.id === near.id)!;
      if (named !== null && named !== normaliseOperationName(d.operationName)) reason = 'other_operation';
      else if (s.location === null) reason = 'no_location';
      else if (d.venues.length === 0) reason = 'no_venue_location';
      else reason = 'too_far';
    }
    unmatched.push({ searchId: s.id, reason, nearestDeploymentId: nearest?.id ?? null, distanceMetres: nearest?.distance == null ? null : Math.round(nearest.distance) });
  }
  return { matches, unmatched };
}

/** Per deployment: the searches it recorded against those matched in the published data. */
export function matchSummary(deploymentIds: readonly number[], recorded: ReadonlyMap<number, number | null>, result: MatchResult): { deploymentId: number; recorded: number | null; matched: number; byOperation: number; byTimeAndPlace: number; notFound: number | null }[] {
  return deploymentIds.map((id) => {
    const mine = result.matches.filter((m) => m.deploymentId === id);
    const r = recorded.get(id) ?? null;
    return { deploymentId: id, recorded: r, matched: mine.length, byOperation: mine.filter((m) => m.basis === 'operation').length, byTimeAndPlace: mine.filter((m) => m.basis === 'time_place').length, notFound: r === null ? null : Math.max(0, r - mine.length) };
  });
}
