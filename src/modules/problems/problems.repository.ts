import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { deliveryOf, type Problem, type ProblemAction, type StageMove, type StoredAssessment } from './problem.js';
import { problemFilterSchema, type ProblemFields, type Stage } from './problems.schema.js';

const json = <T>(v: unknown, fallback: T): T => (v === null || v === undefined ? fallback : ((typeof v === 'string' ? JSON.parse(v) : v) as T));
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toProblem(r: any): Problem {
  const areas = json<Record<string, string[]>>(r.eval_areas, {});
  return {
    id: Number(r.id), title: r.title, district: r.district, statementType: r.statement_type, stage: r.stage,
    createdBy: r.created_by, createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!,
    objectiveTarget: r.objective_target, baselineFrom: r.baseline_from, baselineTo: r.baseline_to,
    ownerId: r.owner_id === null ? null : Number(r.owner_id), reviewDate: r.review_date,
    statement: r.statement, whyProblem: r.why_problem, filter: problemFilterSchema.parse(json(r.filter, {})),
    pickedFrom: r.picked_from, pickedTo: r.picked_to, source: json(r.source, null),
    offender: r.offender, victimTarget: r.victim_target, placeDescription: r.place_description,
    handler: r.handler, guardian: r.guardian, manager: r.manager, dataSources: r.data_sources, hypotheses: r.hypotheses,
    evalStart: r.eval_start, evalPreMonths: r.eval_pre_months, evalPostMonths: r.eval_post_months,
    areaTreated: areas.treated ?? [], areaControl: areas.control ?? [], areaDispTreated: areas.dispTreated ?? [], areaDispControl: areas.dispControl ?? [],
    harmWeights: json(r.harm_weights, {}), outcome: r.outcome, outcomeDetail: r.outcome_detail, lessons: r.lessons,
    closureReason: r.closure_reason, closedAt: iso(r.closed_at), goodPractice: r.good_practice,
  };
}

const COLUMN: Record<string, string> = {
  title: 'title', statementType: 'statement_type', objectiveTarget: 'objective_target', baselineFrom: 'baseline_from', baselineTo: 'baseline_to',
  ownerId: 'owner_id', reviewDate: 'review_date', statement: 'statement', whyProblem: 'why_problem', offender: 'offender', victimTarget: 'victim_target',
  placeDescription: 'place_description', handler: 'handler', guardian: 'guardian', manager: 'manager', dataSources: 'data_sources', hypotheses: 'hypotheses',
  evalStart: 'eval_start', evalPreMonths: 'eval_pre_months', evalPostMonths: 'eval_post_months', outcome: 'outcome', outcomeDetail: 'outcome_detail',
  lessons: 'lessons', goodPractice: 'good_practice',
};

/** The column values of a set of changed fields (the LSOA sets merged into eval_areas). */
export function columnsOf(f: ProblemFields, before: Problem | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined) continue;
    const col = COLUMN[k];
    if (col) out[col] = typeof v === 'string' && v.trim() === '' ? null : v;
  }
  if (f.filter) out.filter = JSON.stringify(f.filter);
  if (f.harmWeights) out.harm_weights = JSON.stringify(f.harmWeights);
  if (f.areaTreated || f.areaControl || f.areaDispTreated || f.areaDispControl) {
    out.eval_areas = JSON.stringify({
      treated: f.areaTreated ?? before?.areaTreated ?? [], control: f.areaControl ?? before?.areaControl ?? [],
      dispTreated: f.areaDispTreated ?? before?.areaDispTreated ?? [], dispControl: f.areaDispControl ?? before?.areaDispControl ?? [],
    });
  }
  return out;
}

export async function insertProblem(db: Db, cols: Record<string, unknown>): Promise<number> {
  const r = await db.insertInto('problem').values(cols as never).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateProblem(db: Db, id: number, cols: Record<string, unknown>): Promise<void> {
  await db.updateTable('problem').set({ ...cols, updated_at: sql`now()` } as never).where('id', '=', id).execute();
}

export async function findProblem(db: Db, id: number, lock = false): Promise<Problem | null> {
  let q = db.selectFrom('problem').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toProblem(r) : null;
}

/** Who may see which problems: every district, some districts, or those where an agency has an action. */
export type ProblemScope = { all: true } | { districts: string[] } | { agency: string | null };

export function scopeWhere(scope: ProblemScope) {
  if ('all' in scope) return sql<boolean>`true`;
  if ('districts' in scope) return scope.districts.length ? sql<boolean>`p.district in (${sql.join(scope.districts)})` : sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from problem_action a join partner_agency g on g.id = a.partner_agency_id where a.problem_id = p.id and g.name = ${scope.agency})`;
}

export async function inScope(db: Db, id: number, scope: ProblemScope): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from problem p where p.id = ${id} and ${scopeWhere(scope)}`.execute(db);
  return r.rows[0]!.n > 0;
}

export interface BoardRow {
  id: number;
  title: string;
  district: string;
  statementType: string;
  stage: Stage;
  ownerId: number | null;
  owner: string | null;
  reviewDate: string | null;
  openActions: number;
  updatedAt: string;
}

export async function listBoard(db: Db, scope: ProblemScope, q: { stage?: string | undefined; district?: string | undefined; limit: number }): Promise<BoardRow[]> {
  const r = await sql<Record<string, unknown>>`
    select p.id, p.title, p.district, p.statement_type, p.stage, p.owner_id, coalesce(u.display_name, u.username) as owner, p.review_date, p.updated_at,
      (select count(*)::int from problem_action a where a.problem_id = p.id and a.status = 'open') as open_actions
    from problem p left join app_user u on u.id = p.owner_id
    where ${scopeWhere(scope)}
      ${q.stage ? sql`and p.stage = ${q.stage}` : sql``}
      ${q.district ? sql`and p.district = ${q.district}` : sql``}
    order by p.updated_at desc, p.id desc
    limit ${q.limit}`.execute(db);
  return r.rows.map((x) => ({
    id: Number(x.id), title: String(x.title), district: String(x.district), statementType: String(x.statement_type), stage: x.stage as Stage,
    ownerId: x.owner_id === null ? null : Number(x.owner_id), owner: (x.owner as string | null) ?? null, reviewDate: (x.review_date as string | null) ?? null,
    openActions: Number(x.open_actions), updatedAt: iso(x.updated_at as Date)!,
  }));
}

export async function insertStageMove(db: Db, problemId: number, from: Stage | null, to: Stage, actor: string, note: string | null): Promise<void> {
  await db.insertInto('problem_stage_history').values({ problem_id: problemId, from_stage: from, to_stage: to, actor, note }).execute();
}

export async function stageHistory(db: Db, problemId: number): Promise<StageMove[]> {
  const rows = await db.selectFrom('problem_stage_history').selectAll().where('problem_id', '=', problemId).orderBy('id').execute();
  return rows.map((r) => ({ fromStage: r.from_stage as Stage | null, toStage: r.to_stage as Stage, actor: r.actor, at: iso(r.at)!, note: r.note }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toAction = (r: any): ProblemAction => ({
  id: Number(r.id), problemId: Number(r.problem_id), description: r.description, ownerId: r.owner_id === null ? null : Number(r.owner_id),
  ownerUsername: r.owner_username ?? null,
  partnerAgencyId: r.partner_agency_id === null ? null : Number(r.partner_agency_id), partnerAgency: r.agency_name ?? null,
  mechanism: r.mechanism, dueDate: r.due_date, status: r.status, createdAt: iso(r.created_at)!, completedAt: iso(r.completed_at),
});

export async function listActions(db: Db, problemId: number): Promise<ProblemAction[]> {
  const r = await sql`select a.*, g.name as agency_name, u.username as owner_username from problem_action a
    left join partner_agency g on g.id = a.partner_agency_id left join app_user u on u.id = a.owner_id
    where a.problem_id = ${problemId} order by a.id`.execute(db);
  return r.rows.map(toAction);
}

export async function findAction(db: Db, problemId: number, actionId: number): Promise<ProblemAction | null> {
  const r = await sql`select a.*, g.name as agency_name, u.username as owner_username from problem_action a
    left join partner_agency g on g.id = a.partner_agency_id left join app_user u on u.id = a.owner_id
    where a.problem_id = ${problemId} and a.id = ${actionId}`.execute(db);
  return r.rows[0] ? toAction(r.rows[0]) : null;
}

export async function insertAction(db: Db, cols: Record<string, unknown>): Promise<number> {
  const r = await db.insertInto('problem_action').values(cols as never).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateAction(db: Db, id: number, cols: Record<string, unknown>): Promise<void> {
  await db.updateTable('problem_action').set({ ...cols, updated_at: sql`now()` } as never).where('id', '=', id).execute();
}

export async function agencyExists(db: Db, id: number): Promise<boolean> {
  return (await sql<{ n: number }>`select count(*)::int as n from partner_agency where id = ${id}`.execute(db)).rows[0]!.n > 0;
}

/** The id of an account by username (case-insensitive), or null. */
export async function userIdByName(db: Db, username: string): Promise<number | null> {
  const r = await db.selectFrom('app_user').select('id').where('username', '=', username.toLowerCase()).executeTakeFirst();
  return r ? Number(r.id) : null;
}

export async function userExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('app_user').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertAssessment(db: Db, a: { problemId: number; by: string; design: unknown; result: unknown; delivery: unknown; warnings: string[] }): Promise<number> {
  const r = await db.insertInto('problem_assessment').values({
    problem_id: a.problemId, computed_by: a.by, design: JSON.stringify(a.design), result: JSON.stringify(a.result),
    delivery: JSON.stringify(a.delivery), warnings: JSON.stringify(a.warnings),
  }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function latestAssessment(db: Db, problemId: number): Promise<StoredAssessment | null> {
  const r = await db.selectFrom('problem_assessment').selectAll().where('problem_id', '=', problemId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!r) return null;
  return {
    id: Number(r.id), computedAt: iso(r.computed_at)!, computedBy: r.computed_by, design: json(r.design, {}), result: json(r.result, {}),
    delivery: json(r.delivery, deliveryOf([])), warnings: json(r.warnings, []),
  };
}
