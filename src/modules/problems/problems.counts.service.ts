import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { countIncidents, incidentFilterSchema, incidentPoints, type IncidentFilter } from '../police-data/index.js';
import { repeatLocations } from '../analytics/repeats/index.js';
import { previousPeriod, resolvePeriod, type Period } from '../analytics/index.js';
import { dbProvenance, type AnalysisProvenance } from '../analytics/index.js';
import { analysedCoverage, comparisonBlocked } from '../analytics/index.js';
import { poissonETest } from '../analytics/trends/index.js';
import { visibleProblem } from './problems.access.js';
import type { Problem } from './problem.js';
import { type Actor, actorName } from '../../platform/policy.js';

/** Months the repeat measures and linked counts cover when the saved filter gives no period. */
const DEFAULT_MONTHS = 3;

export interface ProblemCounts {
  period: Period;
  filter: Record<string, unknown>;
  total: number;
  byMonth: { month: string; count: number }[];
  byCategory: { category: string; count: number }[];
  /** Period on period: the same filter over the period just before, with the Poisson e-test of the change. */
  change: { previousPeriod: Period; previousTotal: number | null; changePct: number | null; p: number | null; reading: string };
  /** The monthly profile: peak and mean month (data.police.uk publishes the month only). */
  temporal: { peakMonth: string | null; peakCount: number; meanPerMonth: number; note: string };
  repeats: {
    rule: string;
    places: number;
    repeatPlaces: number;
    shareAtRepeatPlaces: number | null;
    /** Null when the period before is not fully imported. */
    persistentRepeatPlaces: number | null;
    top: { rank: number; longitude: number; latitude: number; lsoaCode: string | null; count: number; previousCount: number | null; qualifies: boolean }[];
  };
  provenance: AnalysisProvenance;
}

/**
 * The change on the period before (e-test, two-sided); not made when a month of that period is
 * missing for a force analysed (`blocked` says why).
 */
export function periodChange(total: number, previousTotal: number, previous: Period, blocked: string | null): ProblemCounts['change'] {
  if (blocked) return { previousPeriod: previous, previousTotal: null, changePct: null, p: null, reading: blocked };
  const changePct = previousTotal === 0 ? null : (100 * (total - previousTotal)) / previousTotal;
  const p = total + previousTotal === 0 ? null : poissonETest({ k1: total, k2: previousTotal }).p;
  const dir = total > previousTotal ? 'up' : total < previousTotal ? 'down' : 'no change';
  const reading = `${dir} on ${previous.from}..${previous.to} (${previousTotal} → ${total}${changePct === null ? '' : `, ${changePct > 0 ? '+' : ''}${changePct.toFixed(0)}%`}); ` +
    (p === null ? 'no incidents in either period' : `${p < 0.05 ? 'significant' : 'not significant'} at 0.05 (e-test p = ${p.toPrecision(2)})`);
  return { previousPeriod: previous, previousTotal, changePct, p, reading };
}

function filterOf(p: Problem, period: Period): IncidentFilter {
  return incidentFilterSchema.parse({ district: p.filter.district, lsoa: p.filter.lsoa, category: p.filter.category, from: period.from, to: period.to });
}

/**
 * The problem's linked incidents, counted live from the incident data through its saved filter
 * (so they refresh after every import), with the repeat-location measures and monthly profile of
 * the analysis engine for the same filter.
 */
export async function problemCounts(db: Db, p: Problem): Promise<ProblemCounts> {
  const coverage = await analysedCoverage(db, { district: p.filter.district, lsoa: p.filter.lsoa });
  const period = resolvePeriod(p.filter.from, p.filter.to, coverage.dataCutoff, DEFAULT_MONTHS) ?? { from: p.filter.from ?? '1970-01', to: p.filter.to ?? '1970-01' };
  const f = filterOf(p, period);
  const byMonth = (await countIncidents(db, 'month', f)).rows.map((r) => ({ month: r.key ?? '', count: r.count })).sort((a, b) => a.month.localeCompare(b.month));
  const byCategory = (await countIncidents(db, 'category', f)).rows.map((r) => ({ category: r.key ?? '(none)', count: r.count })).sort((a, b) => b.count - a.count);
  const total = byMonth.reduce((n, r) => n + r.count, 0);
  const peak = byMonth.reduce<{ month: string; count: number } | null>((best, r) => (!best || r.count > best.count ? r : best), null);
  const previous = previousPeriod(period);
  const blocked = comparisonBlocked(coverage, 'the period before', previous);
  const rule = { minIncidents: 3, windowMonths: 3 };
  const now = await incidentPoints(db, f);
  const before = blocked ? { points: [] } : await incidentPoints(db, filterOf(p, previous));
  const rep = repeatLocations(now.points, before.points, { period, previous, rule, limit: 10, all: false });
  const months = byMonth.length || 1;
  return {
    period, filter: { ...p.filter, from: period.from, to: period.to }, total, byMonth, byCategory,
    change: periodChange(total, blocked ? 0 : (await countIncidents(db, 'month', filterOf(p, previous))).total, previous, blocked),
    temporal: {
      peakMonth: peak?.month ?? null, peakCount: peak?.count ?? 0, meanPerMonth: total / months,
      note: 'data.police.uk publishes the month of each incident only: hour-of-day and day-of-week profiles need force incident data.',
    },
    repeats: {
      rule: `${rule.minIncidents}+ incidents of one category within ${rule.windowMonths} months at one snap point`,
      places: rep.summary.places, repeatPlaces: rep.summary.repeatPlaces, shareAtRepeatPlaces: rep.summary.shareAtRepeatPlaces,
      persistentRepeatPlaces: blocked ? null : rep.summary.persistentRepeatPlaces,
      top: rep.places.map((x) => ({ rank: x.rank, longitude: x.longitude, latitude: x.latitude, lsoaCode: x.lsoaCode, count: x.count, previousCount: blocked ? null : x.previousCount, qualifies: x.qualifies })),
    },
    provenance: await dbProvenance(db, 'problem-counts', f, { period, previousPeriod: previous, repeatRule: rule }, ['Counted live from the imported incident data with the problem\'s saved filter.'], { coverage, needed: [period, previous] }),
  };
}

/** GET /api/problems/{id}/counts: the linked incident counts of a visible problem (audited as a view). */
export async function getProblemCounts(db: Db, auditKey: Buffer, actor: Actor, id: number): Promise<ProblemCounts> {
  return db.transaction().execute(async (trx) => {
    const p = await visibleProblem(trx, actor, 'problems.read', id);
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'view', recordType: 'problem', recordId: String(id), details: { part: 'counts' } });
    return problemCounts(trx, p);
  });
}
