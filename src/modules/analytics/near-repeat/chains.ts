import { AppError } from '../../../platform/errors.js';
import { distance, type Metric } from './bands.js';
import { findClosePairs, TooManyPairsError } from './close-pairs.js';

/**
 * Near-repeat chains: two events are linked when they are within `sBand` (distance, inclusive)
 * and `tBand` whole days (inclusive) of each other; a chain is a group of events joined by links,
 * directly or through other events (connected components, as ptools' near_strings). Day-level
 * dates are required: with monthly data every event of a month would look simultaneous.
 *
 * Order within a chain, and so the originator, is deterministic: earliest day first; on the same
 * day the earlier time of day where the data has one (`at`), then the order the events were given
 * in. So two same-day events at one place give one originator and one repeat, never two near
 * repeats (the Esri tool's known gap). Chain ids number the chains by their originator's order.
 */
export interface ChainEvent {
  x: number;
  y: number;
  /** Whole days (e.g. since 1970-01-01). */
  day: number;
  /** Optional finer time used only to order events of the same day (e.g. epoch milliseconds). */
  at?: number | undefined;
}

export interface ChainParameters {
  sBand: number;
  tBand: number;
  metric: Metric;
  /** Linked events closer than this (same units as x, y) are at the same place: a repeat. */
  sameLocation: number;
}

export type ChainRole = 'originator' | 'repeat' | 'near-repeat';

export interface ChainMember {
  /** Index of the event in the input. */
  index: number;
  chainId: number;
  /** 0 for the originator, then in chain order. */
  position: number;
  /** originator; repeat: linked to an earlier event of the chain at the same place; else near-repeat. */
  role: ChainRole;
  daysFromOriginator: number;
  distanceFromOriginator: number;
}

export interface Chain {
  chainId: number;
  size: number;
  /** Input index of the originator. */
  originator: number;
  firstDay: number;
  lastDay: number;
  repeats: number;
  nearRepeats: number;
}

export interface ChainsResult {
  n: number;
  /** Linked pairs of events. */
  links: number;
  /** Events in a chain (of two or more). */
  chainedEvents: number;
  chains: Chain[];
  /** Every chained event, by chain then position. */
  members: ChainMember[];
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

function checkParameters(events: readonly ChainEvent[], p: ChainParameters): void {
  if (!Number.isFinite(p.sBand) || p.sBand < 0) throw new AppError('validation', 'sBand: must be a distance of 0 or more');
  if (!Number.isFinite(p.tBand) || p.tBand < 0) throw new AppError('validation', 'tBand: must be a number of days, 0 or more');
  if (!Number.isFinite(p.sameLocation) || p.sameLocation < 0) throw new AppError('validation', 'sameLocation: must be a distance of 0 or more');
  for (const [i, e] of events.entries()) {
    if (!Number.isFinite(e.x) || !Number.isFinite(e.y)) throw new AppError('validation', `event ${i + 1}: coordinates must be finite numbers`);
    if (!Number.isInteger(e.day)) throw new AppError('validation', `event ${i + 1}: day must be a whole number`);
  }
}

/** Groups linked events into chains with an originator, roles and a chain id. */
export function nearRepeatChains(events: readonly ChainEvent[], p: ChainParameters): ChainsResult {
  checkParameters(events, p);
  const n = events.length;
  // rank[i]: position of event i in chain order (day, time of day, input order).
  const sorted = [...events.keys()].sort((a, b) => {
    const ea = events[a]!;
    const eb = events[b]!;
    return ea.day - eb.day || (ea.at ?? 0) - (eb.at ?? 0) || a - b;
  });
  const rank = new Int32Array(n);
  sorted.forEach((i, k) => (rank[i] = k));
  let close;
  try {
    close = findClosePairs(events.map((e) => e.x), events.map((e) => e.y), [p.sBand], 'left', p.metric);
  } catch (err) {
    if (err instanceof TooManyPairsError) throw new AppError('validation', `${err.message}: narrow the data or use a smaller sBand`);
    throw err;
  }
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const links: [number, number][] = [];
  for (let k = 0; k < close.n; k++) {
    const a = close.order[k]!;
    for (let q = close.rowStart[k]!; q < close.rowStart[k + 1]!; q++) {
      const b = close.order[close.pairs[q]! >> 8]!;
      if (Math.abs(events[a]!.day - events[b]!.day) > p.tBand) continue;
      links.push([a, b]);
      const ra = find(parent, a);
      const rb = find(parent, b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  // A linked event is a repeat when a link to an earlier event of its chain is at the same place.
  const repeat = new Uint8Array(n);
  for (const [a, b] of links) {
    const [early, late] = rank[a]! < rank[b]! ? [a, b] : [b, a];
    const ea = events[early]!;
    const eb = events[late]!;
    if (distance(eb.x - ea.x, eb.y - ea.y, p.metric) <= p.sameLocation) repeat[late] = 1;
  }
  const groups = new Map<number, number[]>();
  for (const i of sorted) {
    const root = find(parent, i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  const chains: Chain[] = [];
  const members: ChainMember[] = [];
  // Map iteration follows first insertion, i.e. the chain order of each group's first event.
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const chainId = chains.length + 1;
    const origin = events[group[0]!]!;
    let repeats = 0;
    group.forEach((index, position) => {
      const e = events[index]!;
      const role: ChainRole = position === 0 ? 'originator' : repeat[index] ? 'repeat' : 'near-repeat';
      if (role === 'repeat') repeats++;
      members.push({
        index, chainId, position, role, daysFromOriginator: e.day - origin.day,
        distanceFromOriginator: distance(e.x - origin.x, e.y - origin.y, p.metric),
      });
    });
    chains.push({
      chainId, size: group.length, originator: group[0]!, firstDay: origin.day, lastDay: events[group.at(-1)!]!.day,
      repeats, nearRepeats: group.length - 1 - repeats,
    });
  }
  return { n, links: links.length, chainedEvents: members.length, chains, members };
}
