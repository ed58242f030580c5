/**
 * Counts of the powers register for the KPI catalogue (issue 18), in the caller's districts:
 * acts within the rules by the London date of the act (one per record, as the report counts
 * them), and home visits after dispersal directions by the day the visit was made. One row per
 * district and act (or per district for visits); the kpis module sums them.
 */
import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/module/context.js';
import { districtCondition } from '../../platform/module/scope-sql.js';
import { REPORTED_ACTS } from './powers.report.js';

export interface PowersKpiRow { district: string; act: string; count: number }

const londonDate = sql`(occurred_at at time zone 'Europe/London')::date`;
const lowered = (ds: readonly string[]) => sql.join(ds.map((d) => d.toLowerCase()));

/** Acts recorded within the rules in [from, to] (London dates), by district and act. */
export async function powerActCounts(ctx: Pick<ServiceContext, 'db' | 'scope'>, q: { from: string; to: string; acts?: readonly string[] | undefined; districts?: readonly string[] | undefined }): Promise<PowersKpiRow[]> {
  const acts = q.acts?.length ? q.acts : REPORTED_ACTS.map((a) => a.type);
  const r = await sql<{ district: string; act: string; n: number }>`
    select district, record_type as act, count(*)::int as n from power_record
     where not outside_rules and record_type in (${sql.join([...acts])}) and ${londonDate} between ${q.from}::date and ${q.to}::date
       and ${districtCondition(ctx.scope, 'district')} ${q.districts?.length ? sql`and lower(district) in (${lowered(q.districts)})` : sql``}
     group by 1, 2 order by 1, 2`.execute(ctx.db);
  return r.rows.map((x) => ({ district: x.district, act: x.act, count: Number(x.n) }));
}

/** Home visits after dispersal directions to children, made in [from, to], by district. */
export async function homeVisitCounts(ctx: Pick<ServiceContext, 'db' | 'scope'>, q: { from: string; to: string; districts?: readonly string[] | undefined }): Promise<{ district: string; count: number }[]> {
  const r = await sql<{ district: string; n: number }>`
    select district, count(*)::int as n from power_task
     where kind = 'home_visit' and visit_made_on between ${q.from}::date and ${q.to}::date and ${districtCondition(ctx.scope, 'district')}
       ${q.districts?.length ? sql`and lower(district) in (${lowered(q.districts)})` : sql``}
     group by 1 order by 1`.execute(ctx.db);
  return r.rows.map((x) => ({ district: x.district, count: Number(x.n) }));
}

/** The latest London date of an act or a visit in the register (the data cut-off); null when empty. */
export async function powersLatestDate(ctx: Pick<ServiceContext, 'db' | 'scope'>): Promise<string | null> {
  const r = await sql<{ d: string | null }>`
    select greatest((select to_char(max(${londonDate}), 'YYYY-MM-DD') from power_record where ${districtCondition(ctx.scope, 'district')}),
                    (select to_char(max(visit_made_on), 'YYYY-MM-DD') from power_task where kind = 'home_visit' and ${districtCondition(ctx.scope, 'district')})) as d`.execute(ctx.db);
  return r.rows[0]?.d ?? null;
}
