/**
 * Counts of the youth module for the KPI catalogue (issue 18), in the caller's scope: workbooks
 * completed (by the date completed, one per workbook) by district and category, and the follow-up
 * measure of a quarter (the completed cohort, as the youth counts compute it) with its numerator
 * and denominator in total and by district.
 */
import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/module/context.js';
import { childScope } from './youth.access.js';
import { quarterlyCounts } from './youth.counts.js';

const lowered = (ds: readonly string[]) => sql.join(ds.map((d) => d.toLowerCase()));

/** Workbooks completed in [from, to], by district and category. */
export async function workbooksCompletedCounts(ctx: ServiceContext, q: { from: string; to: string; categories?: readonly string[] | undefined; districts?: readonly string[] | undefined }): Promise<{ district: string; category: string; count: number }[]> {
  const r = await sql<{ district: string; category: string; n: number }>`
    select y.district, y.category, count(*)::int as n from youth_workbook y
     where y.completed_on between ${q.from}::date and ${q.to}::date and ${childScope(ctx, 'y')}
       ${q.categories?.length ? sql`and y.category in (${sql.join([...q.categories])})` : sql``}
       ${q.districts?.length ? sql`and lower(y.district) in (${lowered(q.districts)})` : sql``}
     group by 1, 2 order by 1, 2`.execute(ctx.db);
  return r.rows.map((x) => ({ district: x.district, category: x.category, count: Number(x.n) }));
}

export interface FollowupShare { numerator: number; denominator: number; stillInWindow: number }

/** The follow-up measure of the completed cohort of a quarter ('2025Q3' or '2025-26Q2') as at a day. */
export async function followupForQuarter(ctx: ServiceContext, q: { quarter: string; asOf: string }): Promise<{ total: FollowupShare; byDistrict: Record<string, FollowupShare>; definition: string; configVersions: string[] }> {
  const counts = await quarterlyCounts(ctx, { quarter: q.quarter, asOf: q.asOf });
  const completed = counts.followup.find((f) => f.cohort === 'completed')!;
  const pick = (f: { numerator: number; denominator: number; stillInWindow: number }): FollowupShare => ({ numerator: f.numerator, denominator: f.denominator, stillInWindow: f.stillInWindow });
  return {
    total: pick(completed.combined),
    byDistrict: Object.fromEntries(Object.entries(completed.byDistrict.current).map(([d, f]) => [d, pick(f)])),
    definition: completed.combined.definition,
    configVersions: [...counts.provenance.configVersions],
  };
}

/** The latest day a workbook was completed in scope (the data cut-off); null when none. */
export async function workbooksLatestDate(ctx: ServiceContext): Promise<string | null> {
  const r = await sql<{ d: string | null }>`select to_char(max(y.completed_on), 'YYYY-MM-DD') as d from youth_workbook y where ${childScope(ctx, 'y')}`.execute(ctx.db);
  return r.rows[0]?.d ?? null;
}
