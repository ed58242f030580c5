/** Cohorts and their memberships: selection and de-selection with reasons, lead officer and agency, review dates. */
import { sql } from 'kysely';
import { loadConfig } from '../../platform/config-store/index.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, ruleRefused } from '../../platform/errors.js';
import type { DueItem } from '../../platform/lifecycle/due.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { londonDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { cohortTypeFinding, membershipFindings } from './cohort-rules.js';
import { assertOwnDistrict, assertPerson, can, districtScope, knownDistrict, personName } from './offenders.access.js';
import { memberUpdateSchema, newCohortSchema, newMemberSchema } from './offenders.schema.js';

export interface CohortSummary { id: number; name: string; type: string; district: string; description: string | null; active: boolean; members: number }
export interface Membership {
  id: number; cohortId: number; cohortName: string; cohortType: string; personId: number; personName: string;
  selectedOn: string; selectionReason: string; deselectedOn: string | null; deselectionReason: string | null;
  leadOfficer: { id: number; name: string } | null; leadAgency: { id: number; name: string } | null;
  nextReviewDue: string | null; reviewOverdue: boolean; current: boolean;
}
export interface CohortDetail extends CohortSummary { memberships: Membership[] }

const today = (ctx: ServiceContext) => londonDate(ctx.now());

async function cohortTypes(db: Db, on: string): Promise<string[]> {
  return (await loadConfig(db)).valueAt('offenders.cohort_types', on).value as string[];
}

export async function listCohorts(ctx: ServiceContext, query: { district?: string } = {}): Promise<CohortSummary[]> {
  can(ctx, 'offenders.read');
  const on = today(ctx);
  const r = await sql<{ id: number; name: string; cohort_type: string; district: string; description: string | null; active: boolean; members: number }>`
    select c.id, c.name, c.cohort_type, c.district, c.description, c.active,
      (select count(*)::int from offender_cohort_member m where m.cohort_id = c.id and m.selected_on <= ${on} and (m.deselected_on is null or m.deselected_on >= ${on})) as members
    from offender_cohort c
    where ${districtScope(ctx, sql`c.district`)} ${query.district ? sql`and lower(c.district) = ${query.district.toLowerCase()}` : sql``}
    order by c.district, c.name`.execute(ctx.db);
  return r.rows.map((c) => ({ id: Number(c.id), name: c.name, type: c.cohort_type, district: c.district, description: c.description, active: c.active, members: c.members }));
}

export async function createCohort(ctx: ServiceContext, input: unknown): Promise<CohortDetail> {
  can(ctx, 'offenders.manage');
  const v = parseOrThrow(newCohortSchema, input);
  const district = await knownDistrict(ctx.db, v.district);
  assertOwnDistrict(ctx, district);
  const types = await cohortTypes(ctx.db, today(ctx));
  const f = cohortTypeFinding(v.type, types);
  if (f.length) throw ruleRefused(f[0]!.message, f);
  const type = types.find((t) => t.toLowerCase() === v.type.toLowerCase())!;
  const id = await ctx.tx(async (t) => {
    const clash = await t.db.selectFrom('offender_cohort').select('id').where(sql<boolean>`lower(district) = ${district.toLowerCase()} and lower(name) = ${v.name.toLowerCase()}`).executeTakeFirst();
    if (clash) throw new AppError('conflict', `name: ${district} already has a cohort called '${v.name}' (cohort ${clash.id})`);
    const r = await t.db.insertInto('offender_cohort').values({ name: v.name, cohort_type: type, district, description: v.description ?? null, created_by: actorLabel(ctx) }).returning('id').executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'offender_cohort', recordId: String(r.id), details: { name: v.name, type, district } });
    return Number(r.id);
  });
  return getCohort(ctx, id);
}

export const actorLabel = (ctx: ServiceContext) => (ctx.actor.kind === 'cli' ? ctx.actor.name : `user:${ctx.actor.principal.username}`);

async function cohortRow(db: Db, ctx: ServiceContext, id: number) {
  const c = await db.selectFrom('offender_cohort').selectAll().where('id', '=', id).where(districtScope(ctx, sql`district`)).executeTakeFirst();
  if (!c) throw new AppError('not_found', `No cohort ${id}`);
  return c;
}

const membershipSelect = (on: string) => sql`
  select m.*, c.name as cohort_name, c.cohort_type, c.district, ${personName} as person_name,
    coalesce(u.display_name, u.username) as lead_officer_name, a.name as lead_agency_name,
    (m.selected_on <= ${on} and (m.deselected_on is null or m.deselected_on >= ${on})) as current
  from offender_cohort_member m join offender_cohort c on c.id = m.cohort_id
  left join app_user u on u.id = m.lead_officer_id left join partner_agency a on a.id = m.lead_agency_id`;

type MemberRow = {
  id: number; cohort_id: number; cohort_name: string; cohort_type: string; person_id: number; person_name: string; selected_on: string; selection_reason: string;
  deselected_on: string | null; deselection_reason: string | null; lead_officer_id: number | null; lead_officer_name: string | null;
  lead_agency_id: number | null; lead_agency_name: string | null; next_review_due: string | null; current: boolean; district: string;
};

const toMembership = (m: MemberRow, on: string): Membership => ({
  id: Number(m.id), cohortId: Number(m.cohort_id), cohortName: m.cohort_name, cohortType: m.cohort_type, personId: Number(m.person_id), personName: m.person_name,
  selectedOn: m.selected_on, selectionReason: m.selection_reason, deselectedOn: m.deselected_on, deselectionReason: m.deselection_reason,
  leadOfficer: m.lead_officer_id === null ? null : { id: Number(m.lead_officer_id), name: m.lead_officer_name ?? '' },
  leadAgency: m.lead_agency_id === null ? null : { id: Number(m.lead_agency_id), name: m.lead_agency_name ?? '' },
  nextReviewDue: m.next_review_due, reviewOverdue: m.deselected_on === null && m.next_review_due !== null && m.next_review_due < on, current: m.current,
});

/** One cohort with its memberships (a view of the people in it: audited). */
export async function getCohort(ctx: ServiceContext, id: number): Promise<CohortDetail> {
  can(ctx, 'offenders.read');
  const on = today(ctx);
  return ctx.tx(async (t) => {
    const c = await cohortRow(t.db, ctx, id);
    const rows = (await sql<MemberRow>`${membershipSelect(on)} where m.cohort_id = ${id} order by m.deselected_on nulls first, m.selected_on desc, m.id`.execute(t.db)).rows;
    await t.audit({ action: 'view', recordType: 'offender_cohort', recordId: String(id), details: { people: rows.length } });
    const memberships = rows.map((m) => toMembership(m, on));
    return { id: Number(c.id), name: c.name, type: c.cohort_type, district: c.district, description: c.description, active: c.active, members: memberships.filter((m) => m.current).length, memberships };
  });
}

/** Memberships of one person in the cohorts the actor can see. */
export async function membershipsOf(ctx: ServiceContext, db: Db, personId: number): Promise<Membership[]> {
  const on = today(ctx);
  const rows = (await sql<MemberRow>`${membershipSelect(on)} where m.person_id = ${personId} and ${districtScope(ctx, sql`c.district`)} order by m.selected_on desc`.execute(db)).rows;
  return rows.map((m) => toMembership(m, on));
}

async function checkLead(db: Db, officer: number | null | undefined, agency: number | null | undefined) {
  if (officer != null && !(await db.selectFrom('app_user').select('id').where('id', '=', officer).executeTakeFirst())) throw new AppError('validation', `leadOfficerId: no account ${officer}`);
  if (agency != null && !(await db.selectFrom('partner_agency').select('id').where('id', '=', agency).executeTakeFirst())) throw new AppError('validation', `leadAgencyId: no partner agency ${agency}`);
}

export async function addMember(ctx: ServiceContext, cohortId: number, input: unknown): Promise<CohortDetail> {
  can(ctx, 'offenders.write');
  const v = parseOrThrow(newMemberSchema, input);
  await ctx.tx(async (t) => {
    const c = await cohortRow(t.db, ctx, cohortId);
    await assertPerson(ctx, t.db, v.personId);
    await checkLead(t.db, v.leadOfficerId, v.leadAgencyId);
    const others = await t.db.selectFrom('offender_cohort_member').select(['id', 'selected_on as selectedOn', 'deselected_on as deselectedOn']).where('cohort_id', '=', cohortId).where('person_id', '=', v.personId).execute();
    const f = membershipFindings({ selectedOn: v.selectedOn, selectionReason: v.selectionReason, deselectedOn: null, deselectionReason: null, others });
    if (f.length) throw ruleRefused(`The person cannot be selected into ${c.name}: ${f.map((x) => x.message).join('; ')}`, f);
    const r = await t.db.insertInto('offender_cohort_member').values({
      cohort_id: cohortId, person_id: v.personId, selected_on: v.selectedOn, selection_reason: v.selectionReason,
      lead_officer_id: v.leadOfficerId ?? null, lead_agency_id: v.leadAgencyId ?? null, next_review_due: v.nextReviewDue ?? null, created_by: actorLabel(ctx),
    }).returning('id').executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'offender_cohort_member', recordId: String(r.id), details: { cohortId, personId: v.personId, selectedOn: v.selectedOn } });
  });
  return getCohort(ctx, cohortId);
}

/** De-selection (date and reason), lead officer or agency, next review date. */
export async function updateMember(ctx: ServiceContext, cohortId: number, memberId: number, input: unknown): Promise<CohortDetail> {
  can(ctx, 'offenders.write');
  const v = parseOrThrow(memberUpdateSchema, input);
  await ctx.tx(async (t) => {
    const c = await cohortRow(t.db, ctx, cohortId);
    const m = await t.db.selectFrom('offender_cohort_member').selectAll().where('id', '=', memberId).where('cohort_id', '=', cohortId).executeTakeFirst();
    if (!m) throw new AppError('not_found', `No membership ${memberId} in cohort ${cohortId}`);
    if (m.deselected_on !== null && v.deselectedOn !== undefined) throw new AppError('conflict', `The person was already de-selected on ${m.deselected_on}`);
    await checkLead(t.db, v.leadOfficerId, v.leadAgencyId);
    const deselectedOn = v.deselectedOn ?? m.deselected_on;
    const deselectionReason = v.deselectionReason ?? m.deselection_reason;
    const others = await t.db.selectFrom('offender_cohort_member').select(['id', 'selected_on as selectedOn', 'deselected_on as deselectedOn'])
      .where('cohort_id', '=', cohortId).where('person_id', '=', m.person_id).where('id', '<>', memberId).execute();
    const f = membershipFindings({ selectedOn: m.selected_on, selectionReason: m.selection_reason, deselectedOn, deselectionReason, others });
    if (f.length) throw ruleRefused(`The membership of ${c.name} cannot be changed: ${f.map((x) => x.message).join('; ')}`, f);
    await t.db.updateTable('offender_cohort_member').set({
      deselected_on: deselectedOn, deselection_reason: deselectionReason,
      ...(v.leadOfficerId !== undefined ? { lead_officer_id: v.leadOfficerId } : {}),
      ...(v.leadAgencyId !== undefined ? { lead_agency_id: v.leadAgencyId } : {}),
      ...(v.nextReviewDue !== undefined ? { next_review_due: v.nextReviewDue } : {}),
      updated_at: new Date(),
    }).where('id', '=', memberId).execute();
    await t.audit({ action: 'update', recordType: 'offender_cohort_member', recordId: String(memberId), details: { cohortId, ...v } });
  });
  return getCohort(ctx, cohortId);
}

/** Reviews of current memberships due up to `until` (HubModule.due). */
export async function membershipReviewsDue(ctx: ServiceContext, window: { asOf: string; until: string }): Promise<DueItem[]> {
  if (ctx.scope.kind === 'agency' || ctx.scope.kind === 'none') return [];
  const r = await sql<{ id: number; cohort_id: number; cohort_name: string; district: string; next_review_due: string; owner: string | null }>`
    select m.id, m.cohort_id, c.name as cohort_name, c.district, m.next_review_due::text as next_review_due, coalesce(u.display_name, u.username) as owner
    from offender_cohort_member m join offender_cohort c on c.id = m.cohort_id left join app_user u on u.id = m.lead_officer_id
    where m.deselected_on is null and m.next_review_due is not null and m.next_review_due <= ${window.until} and ${districtScope(ctx, sql`c.district`)}
    order by m.next_review_due, m.id`.execute(ctx.db);
  return r.rows.map((x) => ({
    source: 'offenders', kind: 'cohort_review', recordType: 'offender_cohort', recordId: Number(x.cohort_id), itemId: Number(x.id),
    what: `Review a member of the cohort ${x.cohort_name}`, district: x.district, owner: x.owner, due: x.next_review_due,
  }));
}
