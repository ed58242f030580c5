/** Top N lists (recency-frequency-gravity) and the counts for the quarterly report. */
import { sql } from 'kysely';
import { loadConfig } from '../../platform/config-store/index.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { addDays, londonDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { assertOwnDistrict, can, districtScope, knownDistrict } from './offenders.access.js';
import { countsQuery, topQuery } from './offenders.schema.js';
import { peopleOffenceSource } from './sources.js';
import { enforcementOf } from '../powers/index.js';
import { rankOffenders, scoringOf, scoringStatement, type RankedPerson } from './top-n.js';

export interface TopEntry extends RankedPerson {
  name: string;
  interventions: string[];
  /** Enforcement acts in the powers register against the person in the period (newest first). */
  enforcement: { recordId: number; type: string; on: string; what: string }[];
}

export async function topOffenders(ctx: ServiceContext, query: unknown) {
  can(ctx, 'offenders.read');
  const q = parseOrThrow(topQuery, query);
  const district = await knownDistrict(ctx.db, q.district);
  assertOwnDistrict(ctx, district);
  const to = q.to ?? londonDate(ctx.now());
  const n = q.n ? Math.max(1, Number(q.n)) : 20;
  const setting = (await loadConfig(ctx.db)).valueAt('offenders.top_n_scoring', to);
  const scoring = scoringOf(setting.value);
  const period = { from: addDays(to, -(scoring.lookbackDays - 1)), to };
  const source = peopleOffenceSource(ctx.db);
  const ranked = rankOffenders(await source.offences({ district, ...period, categories: scoring.categories }), scoring, period, n);
  const ids = ranked.map((r) => r.personId);
  const names = new Map<number, string>();
  const interventions = new Map<number, string[]>();
  if (ids.length) {
    const list = sql.join(ids);
    for (const r of (await sql<{ id: number; name: string }>`select id, given_name || ' ' || family_name as name from person where id in (${list})`.execute(ctx.db)).rows) names.set(Number(r.id), r.name);
    const rows = (await sql<{ person_id: number; what: string }>`
      select m.person_id, 'Cohort: ' || c.name || ' (' || c.cohort_type || ') since ' || m.selected_on::text as what
        from offender_cohort_member m join offender_cohort c on c.id = m.cohort_id
        where m.person_id in (${list}) and m.deselected_on is null and ${districtScope(ctx, sql`c.district`)}
      union all
      select a.person_id, t.funder || ' ' || t.tag_type || ' tag since ' || a.allocated_on::text
        from offender_tag_allocation a join offender_tag t on t.id = a.tag_id
        where a.person_id in (${list}) and a.ended_on is null and ${districtScope(ctx, sql`t.district`)}`.execute(ctx.db)).rows;
    for (const r of rows) interventions.set(Number(r.person_id), [...(interventions.get(Number(r.person_id)) ?? []), r.what.replace(' gps ', ' GPS ').replace(' alcohol ', ' alcohol ')]);
  }
  const enforcement = await enforcementOf(ctx, ids, to, scoring.lookbackDays);
  await ctx.tx((t) => t.audit({ action: 'view', recordType: 'person', recordId: 'top-n', purpose: 'top N offender list', details: { district, to, n, people: ids } }));
  return {
    district, period, n,
    people: ranked.map((r) => ({ ...r, name: names.get(r.personId) ?? '', interventions: interventions.get(r.personId) ?? [], enforcement: (enforcement.get(r.personId) ?? []).map(({ endsAt: _e, ...x }) => x) })) as TopEntry[],
    provenance: { source: source.name, limits: source.limits, enforcement: `Acts recorded in the ASB powers register against each person from ${period.from} to ${period.to} in your districts: dispersal directions, community protection warnings and notices, their breaches and fixed penalties, vehicle warnings and seizures.`, scoring: scoringStatement(scoring, period), scoringVersion: setting.versionId, scoringSource: setting.source },
  };
}

/** Counts for the quarterly report: tags in use by funder, the inventory, cohort sizes. */
export async function offenderCounts(ctx: ServiceContext, query: unknown) {
  can(ctx, 'offenders.read');
  const q = parseOrThrow(countsQuery, query);
  const asOf = q.asOf ?? londonDate(ctx.now());
  const inUse = (await sql<{ funder: string; tag_type: string; n: number }>`
    select a.funder, t.tag_type, count(*)::int as n from offender_tag_allocation a join offender_tag t on t.id = a.tag_id
    where a.allocated_on <= ${asOf} and (a.ended_on is null or a.ended_on > ${asOf}) and ${districtScope(ctx, sql`t.district`)}
    group by 1, 2 order by 1, 2`.execute(ctx.db)).rows;
  const inventory = (await sql<{ funder: string; status: string; n: number }>`
    select funder, status, count(*)::int as n from offender_tag where ${districtScope(ctx, sql`district`)} group by 1, 2 order by 1, 2`.execute(ctx.db)).rows;
  const cohorts = (await sql<{ cohort_type: string; district: string; n: number }>`
    select c.cohort_type, c.district, count(m.id)::int as n from offender_cohort c
    left join offender_cohort_member m on m.cohort_id = c.id and m.selected_on <= ${asOf} and (m.deselected_on is null or m.deselected_on >= ${asOf})
    where ${districtScope(ctx, sql`c.district`)} group by 1, 2 order by 1, 2`.execute(ctx.db)).rows;
  const demo = (await sql<{ d: boolean }>`select exists (select 1 from offender_tag where created_by = 'demo' union all select 1 from offender_cohort where created_by = 'demo') as d`.execute(ctx.db)).rows[0]!.d;
  return {
    asOf,
    tagsInUseByFunder: inUse.map((r) => ({ funder: r.funder, type: r.tag_type, count: r.n })),
    inventory: inventory.map((r) => ({ funder: r.funder, status: r.status, count: r.n })),
    cohortSizes: cohorts.map((r) => ({ type: r.cohort_type, district: r.district, members: r.n })),
    provenance: {
      source: 'Prevention Hub offender management records (cohorts, tag inventory and allocations)',
      definitions: ['A tag is in use on a day when an allocation started on or before it and had not ended by it.', 'A cohort member counts on a day between selection and de-selection, both included.'],
      filters: { asOf, scope: ctx.scope.kind === 'districts' ? ctx.scope.districts : ctx.scope.kind },
      dataCutoff: asOf, demo,
    },
  };
}
