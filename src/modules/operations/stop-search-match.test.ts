import { describe, expect, it } from 'vitest';
import { deploymentHours, distanceMetres, matchStopSearches, matchSummary, normaliseOperationName, type DeploymentForMatch, type PublishedSearch } from './stop-search-match.js';

// One thousandth of a degree of latitude is 111.195 m (mean Earth radius 6 371 008.8 m x pi / 180 / 1000).
const CANTERBURY = { lat: 51.28, lon: 1.08 };
const north = (m: number) => ({ lat: CANTERBURY.lat + m / 111_195.08, lon: CANTERBURY.lon });
const params = { timeSlackMinutes: 30, maxDistanceMetres: 500 };
// Friday 11 July 2025 (BST, UTC+1), 21:00 to 03:00: 20:00Z on the 11th to 02:00Z on the 12th.
const pilot: DeploymentForMatch = { id: 1, operationName: 'Pilot', date: '2025-07-11', startTime: '21:00', endTime: '03:00', venues: [CANTERBURY] };
const search = (id: number, at: string, location: { lat: number; lon: number } | null, operation: string | null = null): PublishedSearch => ({ id, occurredAt: new Date(at), operation, location });

describe('deployment hours', () => {
  it('an end at or before the start is the next day; London summer time applies', () => {
    expect(deploymentHours(pilot)).toEqual({ from: new Date('2025-07-11T20:00:00Z'), to: new Date('2025-07-12T02:00:00Z') });
    expect(deploymentHours({ date: '2025-01-10', startTime: '22:00', endTime: '22:00' })).toEqual({ from: new Date('2025-01-10T22:00:00Z'), to: new Date('2025-01-11T22:00:00Z') });
    expect(deploymentHours({ date: '2025-01-10', startTime: '10:00', endTime: '14:30' })).toEqual({ from: new Date('2025-01-10T10:00:00Z'), to: new Date('2025-01-10T14:30:00Z') });
  });
  it('a start in the hour skipped when the clocks go forward is read an hour later', () => {
    // 30 March 2025: 01:00 GMT becomes 02:00 BST; 01:30 does not exist, 02:30 BST is 01:30Z.
    expect(deploymentHours({ date: '2025-03-30', startTime: '01:30', endTime: '04:00' })).toEqual({ from: new Date('2025-03-30T01:30:00Z'), to: new Date('2025-03-30T03:00:00Z') });
  });
});

describe('operation names and distances', () => {
  it('normalises the "Policing operation" column', () => {
    expect(normaliseOperationName('Operation Pilot')).toBe('pilot');
    expect(normaliseOperationName('OP. PILOT')).toBe('pilot');
    expect(normaliseOperationName('Project Vigilant')).toBe('vigilant');
    expect(normaliseOperationName('pilot')).toBe('pilot');
    expect(normaliseOperationName('')).toBeNull();
    expect(normaliseOperationName('  ')).toBeNull();
    expect(normaliseOperationName(null)).toBeNull();
    expect(normaliseOperationName('Operation')).toBe('operation');
  });
  it('measures metres on the sphere', () => {
    expect(distanceMetres(CANTERBURY, CANTERBURY)).toBe(0);
    expect(distanceMetres(CANTERBURY, north(444.78))).toBeCloseTo(444.78, 1);
  });
});

describe('matching published stop searches to deployments', () => {
  it('nothing in, nothing out', () => {
    expect(matchStopSearches([], [], params)).toEqual({ matches: [], unmatched: [] });
    expect(matchStopSearches([pilot], [], params)).toEqual({ matches: [], unmatched: [] });
    expect(matchStopSearches([], [search(1, '2025-07-11T21:00:00Z', CANTERBURY)], params)).toEqual({ matches: [], unmatched: [{ searchId: 1, reason: 'outside_hours', nearestDeploymentId: null, distanceMetres: null }] });
  });

  it('matches by time and place within the distance, and not beyond it', () => {
    const r = matchStopSearches([pilot], [search(1, '2025-07-11T22:15:00Z', north(444.78)), search(2, '2025-07-11T22:15:00Z', north(555.98)), search(3, '2025-07-11T22:15:00Z', north(500))], params);
    expect(r.matches).toEqual([
      { searchId: 1, deploymentId: 1, basis: 'time_place', distanceMetres: 445, minutesOutsideHours: 0 },
      { searchId: 3, deploymentId: 1, basis: 'time_place', distanceMetres: 500, minutesOutsideHours: 0 },
    ]);
    expect(r.unmatched).toEqual([{ searchId: 2, reason: 'too_far', nearestDeploymentId: 1, distanceMetres: 556 }]);
  });

  it('widens the hours by the slack, both ends included', () => {
    const r = matchStopSearches([pilot], [
      search(1, '2025-07-11T19:30:00Z', CANTERBURY), // 30 minutes before 21:00 BST
      search(2, '2025-07-11T19:29:00Z', CANTERBURY), // 31 minutes before
      search(3, '2025-07-12T02:30:00Z', CANTERBURY), // 30 minutes after 03:00 BST
      search(4, '2025-07-12T02:31:00Z', CANTERBURY), // 31 minutes after
    ], params);
    expect(r.matches.map((m) => [m.searchId, m.minutesOutsideHours])).toEqual([[1, 30], [3, 30]]);
    expect(r.unmatched.map((u) => [u.searchId, u.reason])).toEqual([[2, 'outside_hours'], [4, 'outside_hours']]);
  });

  it('a search naming the operation matches in the hours wherever it was; one naming another operation never matches', () => {
    const r = matchStopSearches([pilot], [
      search(1, '2025-07-11T23:00:00Z', null, 'Operation Pilot'),
      search(2, '2025-07-11T23:00:00Z', north(5000), 'OP PILOT'),
      search(3, '2025-07-11T23:00:00Z', CANTERBURY, 'Op Vigilant'),
      search(4, '2025-07-12T05:00:00Z', CANTERBURY, 'Operation Pilot'),
      search(5, '2025-07-11T23:00:00Z', null),
    ], params);
    expect(r.matches).toEqual([
      { searchId: 1, deploymentId: 1, basis: 'operation', distanceMetres: null, minutesOutsideHours: 0 },
      { searchId: 2, deploymentId: 1, basis: 'operation', distanceMetres: 5000, minutesOutsideHours: 0 },
    ]);
    expect(r.unmatched).toEqual([
      { searchId: 3, reason: 'other_operation', nearestDeploymentId: 1, distanceMetres: 0 },
      { searchId: 4, reason: 'outside_hours', nearestDeploymentId: 1, distanceMetres: 0 },
      { searchId: 5, reason: 'no_location', nearestDeploymentId: 1, distanceMetres: null },
    ]);
  });

  it('a deployment without venue coordinates can only match by operation', () => {
    const noVenue = { ...pilot, venues: [] };
    const r = matchStopSearches([noVenue], [search(1, '2025-07-11T23:00:00Z', CANTERBURY), search(2, '2025-07-11T23:00:00Z', CANTERBURY, 'Pilot')], params);
    expect(r.matches.map((m) => [m.searchId, m.basis])).toEqual([[2, 'operation']]);
    expect(r.unmatched).toEqual([{ searchId: 1, reason: 'no_venue_location', nearestDeploymentId: 1, distanceMetres: null }]);
  });

  it('each search counts once: by operation first, then the nearest venue, then the lower deployment number', () => {
    const vigilant: DeploymentForMatch = { id: 2, operationName: 'Vigilant', date: '2025-07-11', startTime: '21:00', endTime: '03:00', venues: [north(100)] };
    const pilotAgain: DeploymentForMatch = { ...pilot, id: 3 };
    const r = matchStopSearches([pilot, vigilant, pilotAgain], [
      search(1, '2025-07-11T23:00:00Z', north(90)), // nearer Vigilant's venue (10 m) than Pilot's (90 m)
      search(2, '2025-07-11T23:00:00Z', north(90), 'Operation Pilot'), // names Pilot: Pilot, lower number of the two
      search(3, '2025-07-11T23:00:00Z', north(10)), // 10 m from Pilot's venues (1 and 3), 90 m from Vigilant's
    ], params);
    expect(r.matches.map((m) => [m.searchId, m.deploymentId, m.basis])).toEqual([[1, 2, 'time_place'], [2, 1, 'operation'], [3, 1, 'time_place']]);
  });

  it('summarises recorded against matched per deployment', () => {
    const r = matchStopSearches([pilot], [search(1, '2025-07-11T22:00:00Z', CANTERBURY), search(2, '2025-07-11T22:00:00Z', null, 'Pilot')], params);
    expect(matchSummary([1, 9], new Map([[1, 7], [9, null]]), r)).toEqual([
      { deploymentId: 1, recorded: 7, matched: 2, byOperation: 1, byTimeAndPlace: 1, notFound: 5 },
      { deploymentId: 9, recorded: null, matched: 0, byOperation: 0, byTimeAndPlace: 0, notFound: null },
    ]);
    expect(matchSummary([1], new Map([[1, 1]]), r)[0]!.notFound).toBe(0);
  });
});
