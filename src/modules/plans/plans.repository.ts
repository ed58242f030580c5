import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { PlanStatus, RiskLevel, SubjectKind, WorkStatus } from './plan-rules.js';
import { YOUTH_AGENCY_KINDS } from './plan-rules.js';
import { inPlanScope, type PlanScope } from './plans.scope.js';

/** SQL of the plans module. Reads of people, agencies and accounts go by id only. */

export interface PlanRow {
  id: number;
  person_id: number;
  subject_kind: SubjectKind;
  district: string;
  owner_id: number;
  summary: string;
  status: PlanStatus;
  next_review_due: string | null;
  youth_partner_waiver: string | null;
  closing_reason: string | null;
  closed_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const planColumns = [
  'plan.id', 'plan.person_id', 'plan.subject_kind', 'plan.district', 'plan.owner_id', 'plan.summary', 'plan.status',
  'plan.next_review_due', 'plan.youth_partner_waiver', 'plan.closing_reason', 'plan.closed_at', 'plan.created_by',
  'plan.created_at', 'plan.updated_at',
] as const;

/** The plan if it exists and is in scope (locked for update when `forUpdate`). */
export async function findPlan(db: Db, id: number, scope: PlanScope, forUpdate = false): Promise<PlanRow | undefined> {
  let q = db.selectFrom('plan').select(planColumns).where('plan.id', '=', id).where(inPlanScope(scope));
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export interface PlanListFilter {
  status?: PlanStatus | undefined;
  district?: string | undefined;
  personId?: number | undefined;
  ownerId?: number | undefined;
  limit: number;
}

export async function listPlans(db: Db, scope: PlanScope, f: PlanListFilter) {
  let q = db
    .selectFrom('plan')
    .innerJoin('app_user as owner', 'owner.id', 'plan.owner_id')
    .select([...planColumns, 'owner.username as owner_username'])
    .where(inPlanScope(scope));
  if (f.status) q = q.where('plan.status', '=', f.status);
  if (f.district) q = q.where('plan.district', '=', f.district);
  if (f.personId) q = q.where('plan.person_id', '=', f.personId);
  if (f.ownerId) q = q.where('plan.owner_id', '=', f.ownerId);
  return q.orderBy('plan.next_review_due', (o) => o.asc().nullsLast()).orderBy('plan.id', 'desc').limit(f.limit).execute();
}

export async function insertPlan(db: Db, v: {
  person_id: number; subject_kind: SubjectKind; district: string; owner_id: number; summary: string;
  next_review_due: string | null; youth_partner_waiver: string | null; created_by: string;
}): Promise<number> {
  const r = await db.insertInto('plan').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePlan(db: Db, id: number, patch: Partial<{
  summary: string; owner_id: number; district: string; next_review_due: string | null; youth_partner_waiver: string | null;
  status: PlanStatus; closing_reason: string | null; closed_at: Date | null;
}>): Promise<void> {
  await db.updateTable('plan').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function insertStatusHistory(db: Db, v: { plan_id: number; from_status: PlanStatus | null; to_status: PlanStatus; reason: string | null; actor: string }) {
  await db.insertInto('plan_status_history').values(v).execute();
}

export const riskFactors = (db: Db, planId: number) =>
  db.selectFrom('plan_risk_factor').select(['id', 'factor', 'level', 'note', 'created_by', 'created_at', 'updated_at']).where('plan_id', '=', planId).orderBy('id').execute();

export const reviews = (db: Db, planId: number) =>
  db.selectFrom('plan_review').select(['id', 'reviewed_by', 'reviewed_on', 'outcome', 'next_review_due', 'created_at']).where('plan_id', '=', planId).orderBy('reviewed_on', 'desc').orderBy('id', 'desc').execute();

export const statusHistory = (db: Db, planId: number) =>
  db.selectFrom('plan_status_history').select(['id', 'from_status', 'to_status', 'reason', 'actor', 'at']).where('plan_id', '=', planId).orderBy('id').execute();

export interface WorkRow {
  id: number;
  what: string;
  delivered_by: string | null;
  agency_id: number | null;
  agency_name: string | null;
  agency_kind: string | null;
  mechanism: string;
  due_date: string | null;
  status: WorkStatus;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export async function interventions(db: Db, planId: number): Promise<WorkRow[]> {
  const r = await sql<WorkRow>`select i.id, i.what, i.delivered_by, i.agency_id, a.name as agency_name, a.kind as agency_kind, i.mechanism,
      i.due_date, i.status, i.created_by, i.created_at, i.updated_at
    from plan_intervention i left join partner_agency a on a.id = i.agency_id where i.plan_id = ${planId} order by i.id`.execute(db);
  return r.rows;
}

export interface PartnerActionRow {
  id: number;
  agency_id: number;
  agency_name: string;
  agency_kind: string;
  action: string;
  childrens_services: boolean;
  due_date: string | null;
  status: WorkStatus;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export async function partnerActions(db: Db, planId: number): Promise<PartnerActionRow[]> {
  const r = await sql<PartnerActionRow>`select pa.id, pa.agency_id, a.name as agency_name, a.kind as agency_kind, pa.action, pa.childrens_services,
      pa.due_date, pa.status, pa.created_by, pa.created_at, pa.updated_at
    from plan_partner_action pa join partner_agency a on a.id = pa.agency_id where pa.plan_id = ${planId} order by pa.id`.execute(db);
  return r.rows;
}

/** Counts the rules need: live interventions and youth / children's services partner actions. */
export async function ruleCounts(db: Db, planId: number): Promise<{ liveInterventions: number; youthPartnerActions: number; riskLevels: RiskLevel[] }> {
  const r = await sql<{ live: number; youth: number }>`select
      (select count(*) from plan_intervention where plan_id = ${planId} and status <> 'cancelled')::int8 as live,
      (select count(*) from plan_partner_action pa join partner_agency a on a.id = pa.agency_id
        where pa.plan_id = ${planId} and pa.status <> 'cancelled'
          and (pa.childrens_services or a.kind in (${sql.join([...YOUTH_AGENCY_KINDS])})))::int8 as youth`.execute(db);
  const levels = await db.selectFrom('plan_risk_factor').select('level').where('plan_id', '=', planId).execute();
  return { liveInterventions: Number(r.rows[0]!.live), youthPartnerActions: Number(r.rows[0]!.youth), riskLevels: levels.map((l) => l.level) };
}

export interface PersonForPlan {
  id: number;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  merged_into: number | null;
}

/** The person a plan is about (name and date of birth for the plan page and the child rule). */
export async function personForPlan(db: Db, id: number): Promise<PersonForPlan | undefined> {
  const r = await sql<PersonForPlan>`select id, given_name, family_name, date_of_birth::text as date_of_birth, merged_into from person where id = ${id}`.execute(db);
  return r.rows[0];
}

export async function userByName(db: Db, username: string) {
  return db.selectFrom('app_user').select(['id', 'username', 'display_name', 'role', 'disabled_at']).where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function userById(db: Db, id: number) {
  return db.selectFrom('app_user').select(['id', 'username', 'display_name']).where('id', '=', id).executeTakeFirst();
}
