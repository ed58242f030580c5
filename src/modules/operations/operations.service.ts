/** Named operations: the operations, their deployments (venues, tactics), results and feedback. */
import { sql, type RawBuilder } from 'kysely';
import { loadConfig } from '../../platform/config-store/index.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, ruleRefused } from '../../platform/errors.js';
import { scopeHasDistrict, type ServiceContext } from '../../platform/module/context.js';
import { authorize } from '../../platform/policy.js';
import { londonDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { assertPersonVisible, knownDistricts, viewerOf, visibleCondition } from '../people/index.js';
import { operationsPolicy, type OperationsAction } from './operations.policy.js';
import { canonicalTactics, deploymentFindings, isPublishable, resultsDueOn, resultsFindings } from './operations.rules.js';
import { consentSchema, listQuery, newDeploymentSchema, newFeedbackSchema, newOperationSchema, operationUpdateSchema, resultsSchema } from './operations.schema.js';

export interface Results { arrests: number; stopSearches: number; outOfCourtResolutions: number; engagements: number; intelligenceSubmissions: number; seizures: number }
export const RESULT_KEYS = ['arrests', 'stopSearches', 'outOfCourtResolutions', 'engagements', 'intelligenceSubmissions', 'seizures'] as const satisfies readonly (keyof Results)[];
export const RESULT_LABELS: Record<keyof Results, string> = {
  arrests: 'Arrests', stopSearches: 'Stop searches', outOfCourtResolutions: 'Out-of-court resolutions', engagements: 'Engagements',
  intelligenceSubmissions: 'Intelligence submissions', seizures: 'Seizures',
};
export const zeroResults = (): Results => ({ arrests: 0, stopSearches: 0, outOfCourtResolutions: 0, engagements: 0, intelligenceSubmissions: 0, seizures: 0 });
export function addResults(a: Results, b: Results): Results {
  const out = zeroResults();
  for (const k of RESULT_KEYS) out[k] = a[k] + b[k];
  return out;
}

export interface Venue { id: number; name: string | null; address: string | null; district: string; lat: number | null; lon: number | null }
export interface Deployment {
  id: number; operationId: number; deployedOn: string; startTime: string; endTime: string; district: string; tactics: string[]; notes: string | null;
  venues: Venue[]; results: (Results & { seizureNotes: string | null; notes: string | null; recordedBy: string; recordedAt: string }) | null;
  /** The day results are due when none are recorded yet and the deployment has happened. */
  resultsDue: string | null;
}
export interface Feedback {
  id: number; deploymentId: number | null; sourceKind: string; attribution: string; quote: string; receivedOn: string; district: string;
  consentToPublish: boolean; consentRecordedOn: string | null; publishable: boolean;
  /** Who gave it (never shown to partners, never printed). */
  givenByName?: string | null; personId?: number | null;
}
export interface OperationSummary {
  id: number; name: string; title: string; kind: 'operation' | 'project'; objectives: string; districts: string[]; startsOn: string; endsOn: string | null;
  lead: { id: number; name: string } | null; deployments: number; withResults: number; totals: Results;
}
export interface OperationDetail extends OperationSummary { deploymentList: Deployment[]; feedback: Feedback[]; /** operations.tactics in force today (for the forms). */ tacticsList: string[] }

const today = (ctx: ServiceContext) => londonDate(ctx.now());
export const actorLabel = (ctx: ServiceContext) => (ctx.actor.kind === 'cli' ? ctx.actor.name : `user:${ctx.actor.principal.username}`);
export const titleOf = (o: { name: string; kind: string }) => `${o.kind === 'project' ? 'Project' : 'Operation'} ${o.name}`;

export function can(ctx: ServiceContext, action: OperationsAction): void {
  if (ctx.actor.kind === 'user') authorize(operationsPolicy, action, ctx.actor.principal);
}
const seesFeedbackDetail = (ctx: ServiceContext) => ctx.actor.kind === 'cli' || (operationsPolicy['operations.feedback.read'] as readonly string[]).includes(ctx.actor.principal.role);

/** Condition on a district column: officers and supervisors their districts; partners (read only) and the rest every district. */
export function districtIn(ctx: Pick<ServiceContext, 'scope'>, column: RawBuilder<unknown>): RawBuilder<boolean> {
  const s = ctx.scope;
  if (s.kind === 'all' || s.kind === 'agency') return sql<boolean>`true`;
  if (s.kind === 'districts' && s.districts.length > 0) return sql<boolean>`lower(${column}) in (${sql.join(s.districts.map((d) => d.toLowerCase()))})`;
  return sql<boolean>`false`;
}
/** An operation is seen when one of its districts is. */
function operationVisible(ctx: ServiceContext, alias = 'o'): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from unnest(${sql.ref(`${alias}.districts`)}) as od(d) where ${districtIn(ctx, sql`od.d`)})`;
}
function assertOwnDistrict(ctx: ServiceContext, district: string, field = 'district'): void {
  if (!scopeHasDistrict(ctx.scope, district)) throw new AppError('forbidden', `${field}: ${district} is not one of your districts`);
}
async function knownDistrict(db: Db, district: string, field: string): Promise<string> {
  const known = await knownDistricts(db);
  if (known.length === 0) return district;
  const hit = known.find((k) => k.toLowerCase() === district.toLowerCase());
  if (!hit) throw new AppError('validation', `${field}: unknown district '${district}' (choose one of the ${known.length} known districts)`);
  return hit;
}
async function tacticsList(db: Db, on: string): Promise<string[]> {
  return (await loadConfig(db)).valueAt('operations.tactics', on).value as string[];
}
async function checkLead(db: Db, leadUserId: number | null | undefined) {
  if (leadUserId != null && !(await db.selectFrom('app_user').select('id').where('id', '=', leadUserId).executeTakeFirst())) throw new AppError('validation', `leadUserId: no account ${leadUserId}`);
}

type OpRow = { id: number; name: string; kind: 'operation' | 'project'; objectives: string; districts: string[]; starts_on: string; ends_on: string | null; lead_user_id: number | null; lead_name: string | null };
const opSelect = sql`select o.id, o.name, o.kind, o.objectives, o.districts, o.starts_on::text as starts_on, o.ends_on::text as ends_on, o.lead_user_id, coalesce(u.display_name, u.username) as lead_name
  from operation o left join app_user u on u.id = o.lead_user_id`;

type ResultRow = { deployment_id: number; arrests: number; stop_searches: number; out_of_court_resolutions: number; engagements: number; intelligence_submissions: number; seizures: number };
const resultsOf = (r: ResultRow): Results => ({
  arrests: r.arrests, stopSearches: r.stop_searches, outOfCourtResolutions: r.out_of_court_resolutions, engagements: r.engagements,
  intelligenceSubmissions: r.intelligence_submissions, seizures: r.seizures,
});

/** Deployments (with venues and results) of some operations, within the context's districts and an optional period. */
export async function deploymentsOf(ctx: ServiceContext, db: Db, operationIds: readonly number[], period: { from?: string | undefined; to?: string | undefined } = {}): Promise<Deployment[]> {
  if (operationIds.length === 0) return [];
  const dueDays = (await loadConfig(db)).valueAt('operations.results_due_days', today(ctx)).value as number;
  const rows = (await sql<{ id: number; operation_id: number; deployed_on: string; start_time: string; end_time: string; district: string; tactics: string[]; notes: string | null }>`
    select d.id, d.operation_id, d.deployed_on::text as deployed_on, d.start_time, d.end_time, d.district, d.tactics, d.notes from operation_deployment d
    where d.operation_id in (${sql.join(operationIds)}) and ${districtIn(ctx, sql`d.district`)}
      ${period.from ? sql`and d.deployed_on >= ${period.from}` : sql``} ${period.to ? sql`and d.deployed_on <= ${period.to}` : sql``}
    order by d.deployed_on, d.start_time, d.id`.execute(db)).rows;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const venues = (await sql<{ deployment_id: number; id: number; name: string | null; address: string | null; district: string; lat: number | null; lon: number | null }>`
    select v.deployment_id, p.id, p.name, p.address, p.district, p.lat, p.lon from operation_deployment_venue v join place p on p.id = v.place_id
    where v.deployment_id in (${sql.join(ids)}) order by p.name nulls last, p.id`.execute(db)).rows;
  const results = (await sql<ResultRow & { seizure_notes: string | null; notes: string | null; recorded_by: string; recorded_at: Date }>`
    select * from operation_result where deployment_id in (${sql.join(ids)})`.execute(db)).rows;
  const on = today(ctx);
  return rows.map((d) => {
    const r = results.find((x) => Number(x.deployment_id) === Number(d.id));
    const due = resultsDueOn(d.deployed_on, dueDays);
    return {
      id: Number(d.id), operationId: Number(d.operation_id), deployedOn: d.deployed_on, startTime: d.start_time, endTime: d.end_time, district: d.district, tactics: d.tactics, notes: d.notes,
      venues: venues.filter((v) => Number(v.deployment_id) === Number(d.id)).map((v) => ({ id: Number(v.id), name: v.name, address: v.address, district: v.district, lat: v.lat, lon: v.lon })),
      results: r ? { ...resultsOf(r), seizureNotes: r.seizure_notes, notes: r.notes, recordedBy: r.recorded_by, recordedAt: new Date(r.recorded_at).toISOString() } : null,
      resultsDue: r || d.deployed_on > on ? null : due,
    };
  });
}

function summarise(o: OpRow, deployments: readonly Deployment[]): OperationSummary {
  const mine = deployments.filter((d) => d.operationId === Number(o.id));
  return {
    id: Number(o.id), name: o.name, title: titleOf(o), kind: o.kind, objectives: o.objectives, districts: o.districts, startsOn: o.starts_on, endsOn: o.ends_on,
    lead: o.lead_user_id === null ? null : { id: Number(o.lead_user_id), name: o.lead_name ?? '' },
    deployments: mine.length, withResults: mine.filter((d) => d.results).length,
    totals: mine.reduce((t, d) => (d.results ? addResults(t, d.results) : t), zeroResults()),
  };
}

export async function listOperations(ctx: ServiceContext, query: unknown = {}): Promise<OperationSummary[]> {
  can(ctx, 'operations.read');
  const q = parseOrThrow(listQuery, query);
  const on = today(ctx);
  const ops = (await sql<OpRow>`${opSelect} where ${operationVisible(ctx)}
    ${q.district ? sql`and exists (select 1 from unnest(o.districts) as x(d) where lower(x.d) = ${q.district.toLowerCase()})` : sql``}
    ${q.current === 'true' ? sql`and o.starts_on <= ${on} and (o.ends_on is null or o.ends_on >= ${on})` : q.current === 'false' ? sql`and (o.starts_on > ${on} or o.ends_on < ${on})` : sql``}
    order by o.starts_on desc, o.name`.execute(ctx.db)).rows;
  const deployments = await deploymentsOf(ctx, ctx.db, ops.map((o) => Number(o.id)));
  return ops.map((o) => summarise(o, deployments));
}

export async function operationRow(ctx: ServiceContext, db: Db, id: number): Promise<OpRow> {
  const o = (await sql<OpRow>`${opSelect} where o.id = ${id} and ${operationVisible(ctx)}`.execute(db)).rows[0];
  if (!o) throw new AppError('not_found', `No operation ${id}`);
  return o;
}

async function feedbackOf(ctx: ServiceContext, db: Db, operationId: number): Promise<Feedback[]> {
  const on = today(ctx);
  const rows = (await sql<{ id: number; deployment_id: number | null; source_kind: string; attribution: string; given_by_name: string | null; person_id: number | null; quote: string; received_on: string; district: string; consent_to_publish: boolean; consent_recorded_on: string | null }>`
    select id, deployment_id, source_kind, attribution, given_by_name, person_id, quote, received_on::text as received_on, district, consent_to_publish, consent_recorded_on::text as consent_recorded_on
    from operation_feedback where operation_id = ${operationId} and ${districtIn(ctx, sql`district`)} order by received_on desc, id desc`.execute(db)).rows;
  const detail = seesFeedbackDetail(ctx);
  return rows
    .map((f) => {
      const base: Feedback = {
        id: Number(f.id), deploymentId: f.deployment_id === null ? null : Number(f.deployment_id), sourceKind: f.source_kind, attribution: f.attribution, quote: f.quote,
        receivedOn: f.received_on, district: f.district, consentToPublish: f.consent_to_publish, consentRecordedOn: f.consent_recorded_on,
        publishable: isPublishable({ consentToPublish: f.consent_to_publish, consentRecordedOn: f.consent_recorded_on, receivedOn: f.received_on }, on),
      };
      return detail ? { ...base, givenByName: f.given_by_name, personId: f.person_id === null ? null : Number(f.person_id) } : base;
    })
    .filter((f) => detail || f.publishable);
}

/** One operation with its deployments, venues, results and feedback (audited view: feedback can name people). */
export async function getOperation(ctx: ServiceContext, id: number): Promise<OperationDetail> {
  can(ctx, 'operations.read');
  return ctx.tx(async (t) => {
    const o = await operationRow(ctx, t.db, id);
    const deploymentList = await deploymentsOf(ctx, t.db, [id]);
    const feedback = await feedbackOf(ctx, t.db, id);
    const personIds = feedback.flatMap((f) => (f.personId ? [f.personId] : []));
    await t.audit({ action: 'view', recordType: 'operation', recordId: String(id), details: { deployments: deploymentList.length, feedback: feedback.length }, ...(personIds.length ? { personIds } : {}) });
    return { ...summarise(o, deploymentList), deploymentList, feedback, tacticsList: await tacticsList(t.db, today(ctx)) };
  });
}

export async function createOperation(ctx: ServiceContext, input: unknown): Promise<OperationDetail> {
  can(ctx, 'operations.manage');
  const v = parseOrThrow(newOperationSchema, input);
  const districts: string[] = [];
  for (const [i, d] of v.districts.entries()) {
    const k = await knownDistrict(ctx.db, d, `districts.${i}`);
    assertOwnDistrict(ctx, k, `districts.${i}`);
    if (!districts.some((x) => x.toLowerCase() === k.toLowerCase())) districts.push(k);
  }
  const id = await ctx.tx(async (t) => {
    await checkLead(t.db, v.leadUserId);
    const clash = await t.db.selectFrom('operation').select(['id', 'kind']).where(sql<boolean>`lower(name) = ${v.name.toLowerCase()}`).executeTakeFirst();
    if (clash) throw new AppError('conflict', `name: there is already an operation called ${v.name} (operation ${clash.id})`);
    const r = await t.db.insertInto('operation').values({
      name: v.name, kind: v.kind, objectives: v.objectives, districts, starts_on: v.startsOn, ends_on: v.endsOn ?? null, lead_user_id: v.leadUserId ?? null, created_by: actorLabel(ctx),
    }).returning('id').executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'operation', recordId: String(r.id), details: { name: v.name, kind: v.kind, districts, startsOn: v.startsOn, endsOn: v.endsOn ?? null } });
    return Number(r.id);
  });
  return getOperation(ctx, id);
}

/** Objectives, end date, lead or districts; deployments already recorded must stay within them. */
export async function updateOperation(ctx: ServiceContext, id: number, input: unknown): Promise<OperationDetail> {
  can(ctx, 'operations.manage');
  const v = parseOrThrow(operationUpdateSchema, input);
  let districts: string[] | undefined;
  if (v.districts) {
    districts = [];
    for (const [i, d] of v.districts.entries()) {
      const k = await knownDistrict(ctx.db, d, `districts.${i}`);
      if (!districts.some((x) => x.toLowerCase() === k.toLowerCase())) districts.push(k);
    }
  }
  await ctx.tx(async (t) => {
    const o = await operationRow(ctx, t.db, id);
    for (const d of o.districts) assertOwnDistrict(ctx, d, 'districts');
    for (const [i, d] of (districts ?? []).entries()) assertOwnDistrict(ctx, d, `districts.${i}`);
    await checkLead(t.db, v.leadUserId);
    const endsOn = v.endsOn === undefined ? o.ends_on : v.endsOn;
    if (endsOn !== null && endsOn < o.starts_on) throw new AppError('validation', `endsOn: must be on or after the start (${o.starts_on})`);
    const outside = (await sql<{ id: number; deployed_on: string; district: string }>`select id, deployed_on::text as deployed_on, district from operation_deployment where operation_id = ${id}`.execute(t.db)).rows
      .flatMap((d) => deploymentFindings({ deployedOn: d.deployed_on, district: d.district, startTime: '00:00', endTime: '01:00', tactics: [], knownTactics: [], operation: { name: o.name, startsOn: o.starts_on, endsOn, districts: districts ?? o.districts } })
        .map((f) => ({ ...f, message: `Deployment ${d.id}: ${f.message}` })));
    if (outside.length) throw ruleRefused(`Operation ${o.name} would no longer cover its recorded deployments`, outside);
    await t.db.updateTable('operation').set({
      ...(v.objectives !== undefined ? { objectives: v.objectives } : {}),
      ...(v.endsOn !== undefined ? { ends_on: v.endsOn } : {}),
      ...(v.leadUserId !== undefined ? { lead_user_id: v.leadUserId } : {}),
      ...(districts ? { districts } : {}),
      updated_at: new Date(),
    }).where('id', '=', id).execute();
    await t.audit({ action: 'update', recordType: 'operation', recordId: String(id), details: { changed: Object.keys(v), ...(districts ? { districts } : {}), ...(v.endsOn !== undefined ? { endsOn: v.endsOn } : {}) } });
  });
  return getOperation(ctx, id);
}

async function checkVenues(ctx: ServiceContext, db: Db, placeIds: readonly number[], district: string): Promise<void> {
  if (placeIds.length === 0) return;
  const viewer = ctx.actor.kind === 'user' ? await viewerOf(db, ctx.actor.principal) : null;
  for (const [i, id] of placeIds.entries()) {
    const p = (await sql<{ id: number; district: string; premises_type: string; merged_into: number | null; visible: boolean }>`
      select p.id, p.district, p.premises_type, p.merged_into, ${viewer ? visibleCondition('place', viewer) : sql<boolean>`true`} as visible from place p where p.id = ${id}`.execute(db)).rows[0];
    if (!p || !p.visible) throw new AppError('validation', `venues.${i}: no place ${id} in your scope`);
    if (p.merged_into !== null) throw new AppError('validation', `venues.${i}: place ${id} was merged into ${p.merged_into}; use that record`);
    if (p.premises_type === 'residential') throw new AppError('validation', `venues.${i}: place ${id} is a home, not a venue`);
    if (p.district.toLowerCase() !== district.toLowerCase()) throw new AppError('validation', `venues.${i}: place ${id} is in ${p.district}, not ${district}`);
  }
}

export async function addDeployment(ctx: ServiceContext, operationId: number, input: unknown): Promise<Deployment> {
  can(ctx, 'operations.write');
  const v = parseOrThrow(newDeploymentSchema, input);
  const district = await knownDistrict(ctx.db, v.district, 'district');
  const venues = [...new Set(v.venues)];
  const id = await ctx.tx(async (t) => {
    const o = await operationRow(ctx, t.db, operationId);
    assertOwnDistrict(ctx, district);
    const known = await tacticsList(t.db, v.deployedOn);
    const f = deploymentFindings({ deployedOn: v.deployedOn, district, startTime: v.startTime, endTime: v.endTime, tactics: v.tactics, knownTactics: known, operation: { name: o.name, startsOn: o.starts_on, endsOn: o.ends_on, districts: o.districts } });
    if (f.length) throw ruleRefused(`The deployment cannot be recorded: ${f.map((x) => x.message).join('; ')}`, f);
    await checkVenues(ctx, t.db, venues, district);
    const tactics = canonicalTactics(v.tactics, known);
    const r = await t.db.insertInto('operation_deployment').values({
      operation_id: operationId, deployed_on: v.deployedOn, start_time: v.startTime, end_time: v.endTime, district, tactics, notes: v.notes ?? null, created_by: actorLabel(ctx),
    }).returning('id').executeTakeFirstOrThrow();
    if (venues.length) await t.db.insertInto('operation_deployment_venue').values(venues.map((p) => ({ deployment_id: Number(r.id), place_id: p }))).execute();
    await t.audit({ action: 'create', recordType: 'operation_deployment', recordId: String(r.id), details: { operationId, deployedOn: v.deployedOn, district, tactics, venues } });
    return Number(r.id);
  });
  return getDeployment(ctx, id);
}

async function deploymentRow(ctx: ServiceContext, db: Db, id: number) {
  const d = (await sql<{ id: number; operation_id: number; deployed_on: string; district: string }>`
    select d.id, d.operation_id, d.deployed_on::text as deployed_on, d.district from operation_deployment d where d.id = ${id} and ${districtIn(ctx, sql`d.district`)}`.execute(db)).rows[0];
  if (!d) throw new AppError('not_found', `No deployment ${id}`);
  return d;
}

export async function getDeployment(ctx: ServiceContext, id: number): Promise<Deployment> {
  can(ctx, 'operations.read');
  const d = await deploymentRow(ctx, ctx.db, id);
  return (await deploymentsOf(ctx, ctx.db, [Number(d.operation_id)])).find((x) => x.id === id)!;
}

/** Records (or corrects) the results of a deployment that has happened; a correction is audited with what it changed. */
export async function recordResults(ctx: ServiceContext, deploymentId: number, input: unknown): Promise<Deployment> {
  can(ctx, 'operations.write');
  const v = parseOrThrow(resultsSchema, input);
  await ctx.tx(async (t) => {
    const d = await deploymentRow(ctx, t.db, deploymentId);
    assertOwnDistrict(ctx, d.district);
    const f = resultsFindings({ deployedOn: d.deployed_on, today: today(ctx) });
    if (f.length) throw ruleRefused(f[0]!.message, f);
    const values = {
      arrests: v.arrests, stop_searches: v.stopSearches, out_of_court_resolutions: v.outOfCourtResolutions, engagements: v.engagements,
      intelligence_submissions: v.intelligenceSubmissions, seizures: v.seizures, seizure_notes: v.seizureNotes ?? null, notes: v.notes ?? null,
    };
    const before = await t.db.selectFrom('operation_result').selectAll().where('deployment_id', '=', deploymentId).executeTakeFirst();
    if (before) {
      const changed = RESULT_KEYS.filter((k) => resultsOf(before as unknown as ResultRow)[k] !== v[k]);
      if (changed.length === 0 && before.seizure_notes === values.seizure_notes && before.notes === values.notes) return; // the same results again: nothing changes
      await t.db.updateTable('operation_result').set({ ...values, recorded_by: actorLabel(ctx), updated_at: new Date() }).where('deployment_id', '=', deploymentId).execute();
      await t.audit({ action: 'update', recordType: 'operation_result', recordId: String(deploymentId), details: { changed: Object.fromEntries(changed.map((k) => [k, { from: resultsOf(before as unknown as ResultRow)[k], to: v[k] }])) } });
    } else {
      await t.db.insertInto('operation_result').values({ deployment_id: deploymentId, ...values, recorded_by: actorLabel(ctx) }).execute();
      await t.audit({ action: 'create', recordType: 'operation_result', recordId: String(deploymentId), details: Object.fromEntries(RESULT_KEYS.map((k) => [k, v[k]])) });
    }
  });
  return getDeployment(ctx, deploymentId);
}

export async function addFeedback(ctx: ServiceContext, operationId: number, input: unknown): Promise<Feedback> {
  can(ctx, 'operations.write');
  const v = parseOrThrow(newFeedbackSchema, input);
  const id = await ctx.tx(async (t) => {
    const o = await operationRow(ctx, t.db, operationId);
    let district: string;
    if (v.deploymentId !== undefined) {
      const d = await t.db.selectFrom('operation_deployment').select(['operation_id', 'district']).where('id', '=', v.deploymentId).executeTakeFirst();
      if (!d || Number(d.operation_id) !== operationId) throw new AppError('validation', `deploymentId: no deployment ${v.deploymentId} of operation ${operationId}`);
      if (v.district && v.district.toLowerCase() !== d.district.toLowerCase()) throw new AppError('validation', `district: the deployment was in ${d.district}`);
      district = d.district;
    } else {
      if (!v.district) throw new AppError('validation', 'district: give the district (or the deployment the feedback is about)');
      const hit = o.districts.find((x) => x.toLowerCase() === v.district!.toLowerCase());
      if (!hit) throw new AppError('validation', `district: ${titleOf(o)} runs in ${o.districts.join(', ')}`);
      district = hit;
    }
    assertOwnDistrict(ctx, district);
    if (v.personId !== undefined) {
      const p = await t.db.selectFrom('person').select(['id', 'merged_into']).where('id', '=', v.personId).executeTakeFirst();
      if (!p) throw new AppError('validation', `personId: no person ${v.personId}`);
      if (p.merged_into !== null) throw new AppError('validation', `personId: person ${v.personId} was merged into ${p.merged_into}; use that record`);
      if (ctx.actor.kind === 'user') {
        try {
          await assertPersonVisible(t.db, ctx.actor.principal, v.personId);
        } catch {
          throw new AppError('validation', `personId: no person ${v.personId} in your scope`);
        }
      }
    }
    const r = await t.db.insertInto('operation_feedback').values({
      operation_id: operationId, deployment_id: v.deploymentId ?? null, source_kind: v.sourceKind, attribution: v.attribution, given_by_name: v.givenByName ?? null,
      person_id: v.personId ?? null, quote: v.quote, received_on: v.receivedOn, consent_to_publish: v.consent.toPublish,
      consent_recorded_on: v.consent.toPublish ? v.consent.recordedOn! : null, consent_recorded_by: v.consent.toPublish ? actorLabel(ctx) : null, district, created_by: actorLabel(ctx),
    }).returning('id').executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'operation_feedback', recordId: String(r.id), details: { operationId, sourceKind: v.sourceKind, consentToPublish: v.consent.toPublish }, ...(v.personId ? { personIds: [v.personId] } : {}) });
    return Number(r.id);
  });
  return (await feedbackOf(ctx, ctx.db, operationId)).find((f) => f.id === id)!;
}

/** Records consent to publish a quote, or its withdrawal (a withdrawn quote leaves the report at once). */
export async function setFeedbackConsent(ctx: ServiceContext, feedbackId: number, input: unknown): Promise<Feedback> {
  can(ctx, 'operations.write');
  const v = parseOrThrow(consentSchema, input);
  const operationId = await ctx.tx(async (t) => {
    const f = await t.db.selectFrom('operation_feedback').select(['id', 'operation_id', 'district', 'consent_to_publish', 'person_id']).where('id', '=', feedbackId).where(districtIn(ctx, sql`district`)).executeTakeFirst();
    if (!f) throw new AppError('not_found', `No feedback ${feedbackId}`);
    assertOwnDistrict(ctx, f.district);
    await t.db.updateTable('operation_feedback').set({
      consent_to_publish: v.toPublish, consent_recorded_on: v.toPublish ? v.recordedOn! : null, consent_recorded_by: v.toPublish ? actorLabel(ctx) : null, updated_at: new Date(),
    }).where('id', '=', feedbackId).execute();
    await t.audit({ action: 'update', recordType: 'operation_feedback', recordId: String(feedbackId), details: { consentToPublish: { from: f.consent_to_publish, to: v.toPublish } }, ...(f.person_id ? { personIds: [Number(f.person_id)] } : {}) });
    return Number(f.operation_id);
  });
  return (await feedbackOf(ctx, ctx.db, operationId)).find((x) => x.id === feedbackId)!;
}
