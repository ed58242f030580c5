/**
 * Counts for the quarterly report's youth section, each with its definition, period and as-of
 * date, and the follow-up measure per intervention type and combined (followup.ts), by category
 * and district against the previous period. Counts under the configured threshold (10) are flagged.
 */
import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/module/context.js';
import { formatQuarter, parseQuarter, quarterOf, shiftQuarter, type Quarter } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { describeFollowup, followUp, summarise, type Cohort, type FollowupResult, type InterventionFact } from './followup.js';
import { laterOutcomesFor } from './later-outcomes.js';
import { allow, childScope, districtScope } from './youth.access.js';
import { followupSettingsOn, smallCountOn, youthConfig } from './youth.config.js';
import { quarterQuerySchema } from './youth.schema.js';
import { today } from './youth.service.js';

export interface Cell { value: number; small: boolean }
const between = (d: string | null, q: { from: string; to: string }) => d !== null && d >= q.from && d <= q.to;

/** Follow-up figure without the per-child rows (those name no one, but stay server-side). */
const figure = (r: FollowupResult) => {
  const { children: _children, ...rest } = r;
  return { ...rest, definition: describeFollowup(r) };
};

export async function quarterlyCounts(ctx: ServiceContext, query: unknown) {
  allow(ctx, 'youth.counts');
  const q = parseOrThrow(quarterQuerySchema, query);
  const asOf = q.asOf ?? today(ctx);
  const quarter: Quarter = q.quarter ? parseQuarter(q.quarter) : quarterOf(asOf, 'financial');
  const prev = shiftQuarter(quarter, -1);
  const cfg = await youthConfig(ctx.db);
  const threshold = smallCountOn(cfg, asOf);
  const cell = (value: number): Cell => ({ value, small: value < threshold });
  const { settings, versions } = followupSettingsOn(cfg, asOf);
  const districtFilter = q.district ? sql<boolean>`lower(y.district) = ${q.district.toLowerCase()}` : sql<boolean>`true`;

  return ctx.tx(async (t) => {
    const [workbooks, referrals, deferred] = await Promise.all([
      t.db.selectFrom('youth_workbook as y').select(['y.person_id', 'y.category', 'y.district', 'y.status', 'y.started_on', 'y.completed_on', 'y.ended_on', 'y.created_by'])
        .where(childScope(t, 'y')).where(districtFilter).where('y.started_on', '<=', quarter.to).execute(),
      t.db.selectFrom('youth_referral as y').select(['y.person_id', 'y.programme', 'y.district', 'y.status', 'y.referred_on', 'y.completed_on', 'y.ended_on', 'y.created_by'])
        .where(childScope(t, 'y')).where(districtFilter).where('y.referred_on', '<=', quarter.to).execute(),
      t.db.selectFrom('youth_deferred as y').select(['y.person_id', 'y.district', 'y.state', 'y.offered_on', 'y.decided_on', 'y.completed_on', 'y.returned_on', 'y.created_by'])
        .where(childScope(t, 'y')).where(districtFilter).where('y.offered_on', '<=', quarter.to).execute(),
    ]);
    const lessons = t.db.selectFrom('youth_lesson as l').innerJoin('youth_school as y', 'y.id', 'l.school_id')
      .select(['l.deliverer', 'l.topic', 'y.district', 'l.students_reached', 'l.delivered_on', 'l.created_by'])
      .where(districtScope(t, 'y.district')).where(districtFilter).where('l.delivered_on', '>=', prev.from).where('l.delivered_on', '<=', quarter.to);
    const lessonRows = await lessons.execute();

    // Workbooks by category: completed in the quarter (and the previous), started and not completed apart.
    const categories = [...new Set(workbooks.map((w) => w.category))].sort();
    const byCategory = categories.map((category) => {
      const of = workbooks.filter((w) => w.category === category);
      return {
        category, completed: cell(of.filter((w) => between(w.completed_on, quarter)).length),
        previousCompleted: cell(of.filter((w) => between(w.completed_on, prev)).length),
        started: cell(of.filter((w) => between(w.started_on, quarter)).length),
        notCompleted: cell(of.filter((w) => between(w.ended_on, quarter)).length),
      };
    });
    const districts = [...new Set([...workbooks, ...referrals, ...deferred].map((w) => w.district))].sort();

    const programmes = [...new Set(referrals.map((r) => r.programme))].sort().map((programme) => {
      const of = referrals.filter((r) => r.programme === programme);
      return {
        programme, referred: cell(of.filter((r) => between(r.referred_on, quarter)).length), previousReferred: cell(of.filter((r) => between(r.referred_on, prev)).length),
        completed: cell(of.filter((r) => between(r.completed_on, quarter)).length), notCompleted: cell(of.filter((r) => between(r.ended_on, quarter)).length),
      };
    });
    const dq = (p: { from: string; to: string }) => ({
      offered: cell(deferred.filter((d) => between(d.offered_on, p)).length),
      accepted: cell(deferred.filter((d) => d.state !== 'offered' && d.state !== 'declined' && between(d.decided_on, p)).length),
      declined: cell(deferred.filter((d) => d.state === 'declined' && between(d.decided_on, p)).length),
      completed: cell(deferred.filter((d) => between(d.completed_on, p)).length),
      returned: cell(deferred.filter((d) => between(d.returned_on, p)).length),
    });

    const inQ = lessonRows.filter((l) => between(l.delivered_on, quarter));
    const group = (key: 'deliverer' | 'topic' | 'district') => [...new Set(inQ.map((l) => l[key]))].sort().map((k) => {
      const of = inQ.filter((l) => l[key] === k);
      const before = lessonRows.filter((l) => l[key] === k && between(l.delivered_on, prev));
      return { [key]: k, deliveries: cell(of.length), studentsReached: of.reduce((a, l) => a + l.students_reached, 0), previousStudentsReached: before.reduce((a, l) => a + l.students_reached, 0) };
    });

    // Follow-up measure: per type and combined, both cohorts, this quarter and the previous.
    const facts: InterventionFact[] = [
      ...workbooks.map((w) => ({ childId: w.person_id, type: 'workbook', startedOn: w.started_on, completedOn: w.completed_on, category: w.category, district: w.district })),
      ...referrals.map((r) => ({ childId: r.person_id, type: 'programme', startedOn: r.referred_on, completedOn: r.completed_on, category: r.programme, district: r.district })),
      ...deferred.map((d) => ({ childId: d.person_id, type: 'deferred_outcome', startedOn: d.offered_on, completedOn: d.completed_on, category: 'Deferred outcome', district: d.district })),
    ];
    const { outcomes, sources } = await laterOutcomesFor(t.db, [...new Set(facts.map((f) => f.childId))]);
    const measure = (cohort: Cohort, period: Quarter, type?: string) =>
      followUp({ cohort, period: { from: period.from, to: period.to }, asOf, settings, interventions: type ? facts.filter((f) => f.type === type) : facts, outcomes });
    const followup = (['completed', 'started'] as const).map((cohort) => {
      const combined = measure(cohort, quarter);
      const previous = measure(cohort, prev);
      const split = (key: 'category' | 'district', r: FollowupResult) => Object.fromEntries(
        [...new Set(r.children.map((c) => c[key] ?? 'not recorded'))].sort().map((k) => [k, figure(summarise({ ...r, settings, children: r.children.filter((c) => (c[key] ?? 'not recorded') === k) }))]),
      );
      return {
        cohort, combined: figure(combined), previous: figure(previous),
        byType: Object.fromEntries(['workbook', 'programme', 'deferred_outcome'].map((type) => [type, figure(measure(cohort, quarter, type))])),
        byCategory: { current: split('category', measure(cohort, quarter, 'workbook')), previous: split('category', measure(cohort, prev, 'workbook')) },
        byDistrict: { current: split('district', combined), previous: split('district', previous) },
      };
    });

    const demo = [...workbooks, ...referrals, ...deferred, ...lessonRows].some((r) => r.created_by === 'demo');
    await t.audit({ action: 'report', recordType: 'youth_counts', details: { quarter: formatQuarter(quarter), asOf, district: q.district ?? null } });
    return {
      quarter: formatQuarter(quarter), period: { from: quarter.from, to: quarter.to }, previousQuarter: formatQuarter(prev), previousPeriod: { from: prev.from, to: prev.to },
      asOf, smallCountThreshold: threshold,
      workbooks: {
        byCategory, total: { completed: cell(byCategory.reduce((a, c) => a + c.completed.value, 0)), previousCompleted: cell(byCategory.reduce((a, c) => a + c.previousCompleted.value, 0)),
          started: cell(byCategory.reduce((a, c) => a + c.started.value, 0)), notCompleted: cell(byCategory.reduce((a, c) => a + c.notCompleted.value, 0)) },
        byDistrict: districts.map((district) => ({ district, completed: cell(workbooks.filter((w) => w.district === district && between(w.completed_on, quarter)).length), previousCompleted: cell(workbooks.filter((w) => w.district === district && between(w.completed_on, prev)).length) })),
      },
      programmes, deferredOutcomes: { current: dq(quarter), previous: dq(prev) },
      lessons: { byDeliverer: group('deliverer'), byTopic: group('topic'), byDistrict: group('district'), deliveries: cell(inQ.length), studentsReached: inQ.reduce((a, l) => a + l.students_reached, 0) },
      followup,
      provenance: {
        definitions: {
          workbooks: 'A workbook counts in the quarter it was completed; those started and those closed as not completed in the quarter are shown apart.',
          programmes: 'Referrals by referral date; completions by completion date.',
          deferredOutcomes: 'Offered by offer date; accepted and declined by decision date; completed (Outcome 22 recorded) by completion date; returned (formal outcome chosen) by return date.',
          lessons: 'Deliveries by date; students reached is the sum of class sizes per delivery, not unique pupils.',
          followup: 'See each figure\'s definition.',
          smallCounts: `Counts under ${threshold} are flagged (small: true): child-level outputs; do not publish them unrounded.`,
        },
        filters: { district: q.district ?? null, scope: t.scope.kind },
        dataCutOff: asOf, configVersions: versions, outcomeSources: sources, demo,
      },
    };
  });
}
