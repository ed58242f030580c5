import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { incidentColumns, stopSearchEvents, type IncidentFilter, type StopSearchEvent } from '../../police-data/index.js';
import type { Compute } from '../compute.service.js';
import { dbProvenance, type AnalysisProvenance } from '../provenance.queries.js';
import { nearRepeatChains, type ChainMember, type ChainParameters, type ChainsResult } from './chains.js';
import { dayNumber, formatTime } from './event-file.js';
import { knoxTestParallel, type ParallelOptions } from './knox-parallel.service.js';
import { describeParameters, knoxParameters, knoxReport, type KnoxOptionValues, type KnoxReport } from './knox-report.js';

/**
 * Near repeats on imported data. Street-level crime is dated by month only, so its Knox test runs
 * in months (with a warning) and it cannot form chains; stop-and-search records carry a date and
 * time and support day bands and chains.
 */
export const nearRepeatSources = ['street', 'stop-search'] as const;
export type NearRepeatSource = (typeof nearRepeatSources)[number];

const STOP_SEARCH_SOURCE = 'data.police.uk stop and search (imported)';
const NO_LOCATION_NOTE = (n: number) => `${n} record${n === 1 ? '' : 's'} without a location left out.`;

export const CHAINS_NEED_DAYS =
  'near-repeat chains need dates to the day, but street-level crime is published by month only (every event of a month would look simultaneous): use --source stop-search (dates and times), or --input FILE with daily dates';

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (in UK time) of a timestamp, as whole days since 1970-01-01. */
export function ukDay(at: Date): number {
  const [y, m, d] = londonDate.format(at).split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, d)!;
}

/** Stop-search filters are month range and force; the others do not apply to searches. */
function stopSearchFilter(f: IncidentFilter) {
  for (const key of ['category', 'district', 'lsoa', 'outcome'] as const) {
    if (f[key].length) throw new AppError('validation', `${key}: does not apply to stop-and-search records (use from, to, force)`);
  }
  if (f.bbox) throw new AppError('validation', 'bbox: does not apply to stop-and-search records (use from, to, force)');
  return { from: f.from, to: f.to, force: f.force };
}

async function stopSearchSorted(db: Db, f: IncidentFilter): Promise<{ events: StopSearchEvent[]; noLocation: number }> {
  const { events, noLocation } = await stopSearchEvents(db, stopSearchFilter(f));
  // A fixed order, so chain originators on the same day and time do not depend on the query plan.
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.easting - b.easting || a.northing - b.northing
    || a.searchType.localeCompare(b.searchType) || (a.objectOfSearch ?? '').localeCompare(b.objectOfSearch ?? '')
    || (a.outcome ?? '').localeCompare(b.outcome ?? ''));
  return { events, noLocation };
}

async function provenanceFor(db: Db, analysis: string, source: NearRepeatSource, f: IncidentFilter, parameters: Record<string, unknown>,
  notes: string[], lastDay: number | null): Promise<AnalysisProvenance> {
  // Missing months are judged on the street files; stop-search files are dated to the day and judged by their own cut-off.
  const p = await dbProvenance(db, analysis, source === 'stop-search' ? stopSearchFilter(f) : f, parameters, notes, source === 'stop-search' ? { needed: [] } : {});
  if (source === 'street') return p;
  return { ...p, source: STOP_SEARCH_SOURCE, dataCutoff: lastDay === null ? null : formatTime(lastDay, 'day') };
}

/** The Knox test on imported street crime (months) or stop and search (days). */
export async function knoxOnImported(db: Db, source: NearRepeatSource, f: IncidentFilter, options: KnoxOptionValues,
  names: { sBands: string; tBands: string }, run: ParallelOptions & { compute?: Compute | undefined } = {}): Promise<KnoxReport> {
  const unit = source === 'street' ? 'month' : 'day';
  const parameters = knoxParameters(options, unit, names);
  let x: Float64Array;
  let y: Float64Array;
  let t: Float64Array;
  let noLocation: number;
  if (source === 'street') {
    const got = await incidentColumns(db, f);
    x = got.easting;
    y = got.northing;
    t = got.month; // year * 12 + month - 1, as monthNumber
    noLocation = got.noLocation;
  } else {
    const got = await stopSearchSorted(db, f);
    x = Float64Array.from(got.events, (e) => e.easting);
    y = Float64Array.from(got.events, (e) => e.northing);
    t = Float64Array.from(got.events, (e) => ukDay(e.occurredAt));
    noLocation = got.noLocation;
  }
  let lastDay: number | null = null;
  for (const v of t) lastDay = lastDay === null ? v : Math.max(lastDay, v);
  const result = run.compute
    ? await run.compute('knox', { x, y, t, parameters, maxWork: run.maxWork })
    : await knoxTestParallel(Array.from(x, (xv, k) => ({ x: xv, y: y[k]!, t: t[k]! })), parameters, run);
  const notes = noLocation ? [NO_LOCATION_NOTE(noLocation)] : [];
  const provenance = await provenanceFor(db, 'knox', source, f, describeParameters(parameters, unit), notes, lastDay);
  return knoxReport(result, unit, provenance, []);
}

export interface StopSearchChainMember extends ChainMember {
  occurredAt: string;
  date: string;
  easting: number;
  northing: number;
  searchType: string;
  objectOfSearch: string | null;
  outcome: string | null;
}

export interface StopSearchChains extends Omit<ChainsResult, 'members'> {
  members: StopSearchChainMember[];
  parameters: ChainParameters;
  provenance: AnalysisProvenance;
}

/** Near-repeat chains; only stop and search (day-level) data can form them. */
export async function chainsOnImported(db: Db, source: NearRepeatSource, f: IncidentFilter, parameters: ChainParameters,
  compute?: Compute): Promise<StopSearchChains> {
  if (source === 'street') throw new AppError('validation', CHAINS_NEED_DAYS);
  const { events, noLocation } = await stopSearchSorted(db, f);
  const days = events.map((e) => ukDay(e.occurredAt));
  const chainEvents = events.map((e, i) => ({ x: e.easting, y: e.northing, day: days[i]!, at: e.occurredAt.getTime() }));
  const result = compute ? await compute('chains', { events: chainEvents, parameters }) : nearRepeatChains(chainEvents, parameters);
  const members = result.members.map((m) => {
    const e = events[m.index]!;
    return {
      ...m, occurredAt: e.occurredAt.toISOString(), date: formatTime(days[m.index]!, 'day'), easting: e.easting, northing: e.northing,
      searchType: e.searchType, objectOfSearch: e.objectOfSearch, outcome: e.outcome,
    };
  });
  const notes = noLocation ? [NO_LOCATION_NOTE(noLocation)] : [];
  const lastDay = days.length ? days.reduce((m, d) => Math.max(m, d), -Infinity) : null;
  const provenance = await provenanceFor(db, 'near-repeat chains', source, f, { ...parameters, timeUnit: 'day', distanceUnit: 'm' }, notes, lastDay);
  return { ...result, members, parameters, provenance };
}
