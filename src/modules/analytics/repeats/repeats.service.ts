import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { incidentFilterSchema, incidentPoints, listIncidents, type IncidentFilter } from '../../police-data/index.js';
import { resolvePeriod, previousPeriod, monthsIn, type Period } from '../period.js';
import { dbProvenance, type AnalysisProvenance } from '../provenance.queries.js';
import { comparisonBlocked } from '../coverage.js';
import { analysedCoverage } from '../coverage.queries.js';
import { localCompute, type Compute } from '../compute.service.js';
import { placeKey, type RepeatPlace, type RepeatSummary } from './repeat-locations.js';
import type { RepeatQuery } from './repeats.schema.js';

/** Incident rows read per page when collecting labels (the most listIncidents allows with a bbox). */
const LABEL_PAGE = 5000;

const NO_DISTRICT_NOTE = 'Rows with no location have no LSOA or district, so with a district filter they are not counted at all.';

export const LABEL_NOTE =
  'Places are keyed on the published snap-point coordinates. The Location text is shown as a label only: ' +
  "several different points can share one (in January 2025, 655 Kent rows read 'On or near Parking Area' at 258 points).";

type Compared<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

/** A place; its previous-period figures are null when the comparison is not made. */
export interface LabelledPlace extends Compared<RepeatPlace, 'previousCount' | 'change' | 'changePercent' | 'qualifiedInPrevious'> {
  /** The Location text published at this point (the most frequent when it varies). */
  label: string | null;
  /** Other Location texts seen at the same point, if any. */
  otherLabels: string[];
}

export interface RepeatReport {
  period: Period;
  previousPeriod: Period;
  /** The comparison with the previous period; null when a month of it is missing (see comparisonReason). */
  comparison: { previousPeriod: Period } | null;
  /** Why no comparison was made; null when it was. */
  comparisonReason: string | null;
  rule: { minIncidents: number; windowMonths: number; description: string };
  summary: Compared<RepeatSummary, 'previousIncidents' | 'previousRepeatPlaces' | 'persistentRepeatPlaces'> & { noLocation: { period: number; previousPeriod: number | null } };
  places: LabelledPlace[];
  tiedBeyondLimit: number;
  provenance: AnalysisProvenance;
}

const filterOf = (q: RepeatQuery, p: Period): IncidentFilter =>
  incidentFilterSchema.parse({ from: p.from, to: p.to, force: q.force, category: q.category, district: q.district });

/**
 * The Location text of each listed place: the period's incident rows in the places' LSOAs and
 * bounding box, matched on the exact published coordinates; most frequent text first. A few pages
 * of rows however many places are listed, rather than one query per place.
 */
async function labelsFor(db: Db, filter: IncidentFilter, places: readonly RepeatPlace[]): Promise<Map<string, { label: string | null; otherLabels: string[] }>> {
  const texts = new Map<string, Map<string, number>>(places.map((p) => [placeKey(p), new Map()]));
  if (places.length) {
    const lsoa = places.every((p) => p.lsoaCode !== null) ? [...new Set(places.map((p) => p.lsoaCode!))] : [];
    const bbox = {
      minLon: Math.min(...places.map((p) => p.longitude)), maxLon: Math.max(...places.map((p) => p.longitude)),
      minLat: Math.min(...places.map((p) => p.latitude)), maxLat: Math.max(...places.map((p) => p.latitude)),
    };
    for (let offset = 0; ; offset += LABEL_PAGE) {
      const page = await listIncidents(db, { ...filter, lsoa, bbox }, LABEL_PAGE, offset);
      for (const item of page.items) {
        if (item.longitude === null || item.latitude === null) continue;
        const seen = texts.get(placeKey({ longitude: item.longitude, latitude: item.latitude }));
        if (seen) seen.set(item.location, (seen.get(item.location) ?? 0) + 1);
      }
      if (!page.hasMore) break;
    }
  }
  const out = new Map<string, { label: string | null; otherLabels: string[] }>();
  for (const [key, seen] of texts) {
    const sorted = [...seen].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
    out.set(key, { label: sorted[0] ?? null, otherLabels: sorted.slice(1) });
  }
  return out;
}

/** Repeat locations in imported street-level data, with labels and provenance. */
export async function repeatReport(db: Db, q: RepeatQuery, compute: Compute = localCompute): Promise<RepeatReport> {
  const coverage = await analysedCoverage(db, { force: q.force, district: q.district });
  const period = resolvePeriod(q.from, q.to, coverage.dataCutoff, q.window);
  if (!period) throw new AppError('not_found', 'No street-level crime data is imported yet: import data.police.uk street files first');
  const previous = previousPeriod(period);
  const blocked = comparisonBlocked(coverage, 'the previous period', previous);
  const rule = { minIncidents: q.min, windowMonths: q.window };
  const now = await incidentPoints(db, filterOf(q, period));
  const before = blocked ? { points: [], noLocation: 0 } : await incidentPoints(db, filterOf(q, previous));
  const result = await compute('repeats', { now: now.points, before: before.points, options: { period, previous, rule, limit: q.limit, all: q.all } });
  const labels = await labelsFor(db, filterOf(q, period), result.places);
  const places: LabelledPlace[] = result.places.map((p) => ({
    ...p,
    ...(blocked ? { previousCount: null, change: null, changePercent: null, qualifiedInPrevious: null } : {}),
    ...(labels.get(placeKey(p)) ?? { label: null, otherLabels: [] }),
  }));

  const description = `at least ${q.min} incidents of the same category within ${q.window} consecutive month${q.window === 1 ? '' : 's'}`;
  const notes = [
    LABEL_NOTE,
    `${now.noLocation} incident rows with no location were left out${blocked ? '' : ` (${before.noLocation} in the previous period)`}.`,
    `Repeat rule: ${description}; windows lie inside the period${monthsIn(period) < q.window ? ` (the period is shorter than ${q.window} months, so it is one window)` : ''}.`,
    blocked ? `No change is shown: ${blocked.replace(/^no comparison: /, '')}.` : `Change is against ${previous.from} to ${previous.to}, the period of the same length before.`,
  ];
  if (q.district.length) notes.push(NO_DISTRICT_NOTE);
  if (q.from === undefined && q.to === undefined) notes.push(`Period defaulted to the ${q.window} months ending at the data cut-off.`);
  if (q.all) notes.push('Every place is listed, ranked by count; qualifies says whether it meets the rule.');
  const provenance = await dbProvenance(
    db,
    'repeat-locations',
    filterOf(q, period),
    { min: q.min, window: q.window, limit: q.limit, all: q.all, previousFrom: previous.from, previousTo: previous.to },
    notes,
    { coverage, needed: [period, previous] },
  );
  return {
    period,
    previousPeriod: previous,
    comparison: blocked ? null : { previousPeriod: previous },
    comparisonReason: blocked,
    rule: { ...rule, description },
    summary: {
      ...result.summary,
      ...(blocked ? { previousIncidents: null, previousRepeatPlaces: null, persistentRepeatPlaces: null } : {}),
      noLocation: { period: now.noLocation, previousPeriod: blocked ? null : before.noLocation },
    },
    places,
    tiedBeyondLimit: result.tiedBeyondLimit,
    provenance,
  };
}
