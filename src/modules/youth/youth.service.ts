/**
 * Children's records: workbooks and their sessions, programme referrals, deferred outcomes
 * (Outcome 22) and later formal outcomes. Every function takes the request's ServiceContext,
 * checks the role first, keeps to the scope (youth.access.ts) and audits every read and change
 * in the same transaction.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError, ruleRefused } from '../../platform/errors.js';
import { enforce, runRule } from '../../platform/lifecycle/lifecycle.js';
import type { ServiceContext, TxContext } from '../../platform/module/context.js';
import { actorName } from '../../platform/policy.js';
import { ageOn, londonDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { allow, checkDistrict, childFor, childScope } from './youth.access.js';
import { categoriesOn, fromList, outcomeTableOn, programmesOn, reframeOn, requiresResponsibilityOn, youthConfig } from './youth.config.js';
import { deferredOut, laterOutcomeOut, referralOut, workbookOut } from './youth.records.js';
import { deferredLifecycle, referralFindings, workbookLifecycle } from './youth.rules.js';
import { childTimeline } from './youth.timeline.js';
import { powersTimelineFor } from '../powers/index.js';
import {
  deferredMoveSchema, laterOutcomeSchema, listQuerySchema, newDeferredSchema, newReferralSchema, newWorkbookSchema,
  referralUpdateSchema, sessionSchema, workbookMoveSchema,
} from './youth.schema.js';

export const today = (ctx: Pick<ServiceContext, 'now'>) => londonDate(ctx.now());
const officerOf = (ctx: Pick<ServiceContext, 'actor'>, given: string | undefined) =>
  given ?? (ctx.actor.kind === 'user' ? ctx.actor.principal.username : ctx.actor.name);
const ageAt = (dob: string | null, on: string) => (dob ? ageOn(dob, on) : null);
const json = (v: unknown) => JSON.stringify(v);

/** Refuses dates in the future for things that have happened. */
function notFuture(on: string, now: string, field: string) {
  if (on > now) throw new AppError('validation', `${field}: ${on} is in the future; record it on the day it happens`);
}

// ---- workbooks -------------------------------------------------------------------------------

export async function createWorkbook(ctx: ServiceContext, input: unknown) {
  allow(ctx, 'youth.write');
  const v = parseOrThrow(newWorkbookSchema, input);
  checkDistrict(ctx, v.district);
  notFuture(v.startedOn, today(ctx), 'startedOn');
  const cfg = await youthConfig(ctx.db);
  const category = fromList(categoriesOn(cfg, v.startedOn), v.category, 'category', 'workbook category');
  return ctx.tx(async (t) => {
    const child = await childFor(t.db, ctx, v.personId);
    const row = await t.db.insertInto('youth_workbook').values({
      person_id: child.id, age_at_start: ageAt(child.date_of_birth, v.startedOn), category, crime_ref: v.crimeRef ?? null,
      officer: officerOf(ctx, v.officer), district: v.district, started_on: v.startedOn, next_session_on: v.nextSessionOn ?? null,
      risk_factors: json(v.riskFactors), referrals: json(v.referrals), created_by: actorName(ctx.actor),
    }).returningAll().executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'youth_workbook', recordId: String(row.id), details: { personId: child.id, category, district: v.district } });
    return workbookOut(row);
  });
}

async function workbookInScope(t: TxContext | ServiceContext, db: Db, id: number, lock = false) {
  let q = db.selectFrom('youth_workbook as y').selectAll().where('y.id', '=', id).where(childScope(t, 'y'));
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('not_found', `No workbook ${id}`);
  return row;
}

export async function getWorkbook(ctx: ServiceContext, id: number) {
  allow(ctx, 'youth.read');
  return ctx.tx(async (t) => {
    const row = await workbookInScope(t, t.db, id);
    const sessions = await t.db.selectFrom('youth_session').select(['id', 'held_on', 'note']).where('workbook_id', '=', id).orderBy('held_on').execute();
    await t.audit({ action: 'view', recordType: 'youth_workbook', recordId: String(id), details: { personId: row.person_id } });
    return { ...workbookOut(row), sessions: sessions.map((s) => ({ id: s.id, heldOn: s.held_on, note: s.note })) };
  });
}

export async function listWorkbooks(ctx: ServiceContext, query: unknown) {
  allow(ctx, 'youth.read');
  const q = parseOrThrow(listQuerySchema, query);
  return ctx.tx(async (t) => {
    let s = t.db.selectFrom('youth_workbook as y').selectAll().where(childScope(t, 'y'));
    if (q.district) s = s.where(sql<boolean>`lower(y.district) = ${q.district.toLowerCase()}`);
    if (q.status) s = s.where('y.status', '=', q.status as 'started');
    if (q.personId) s = s.where('y.person_id', '=', Number(q.personId));
    if (q.mine === 'true') s = s.where('y.officer', '=', officerOf(ctx, undefined));
    const rows = await s.orderBy('y.started_on', 'desc').orderBy('y.id', 'desc').limit(1000).execute();
    await t.audit({ action: 'search', recordType: 'youth_workbook', details: { filters: q, results: rows.length } });
    return rows.map(workbookOut);
  });
}

export async function moveWorkbook(ctx: ServiceContext, id: number, input: unknown) {
  allow(ctx, 'youth.write');
  const v = parseOrThrow(workbookMoveSchema, input);
  return ctx.tx(async (t) => {
    const row = await workbookInScope(t, t.db, id, true);
    checkDistrict(ctx, row.district);
    enforce(workbookLifecycle, row.status, v.status, { startedOn: row.started_on, today: today(ctx), on: v.on, reason: v.reason ?? null }, {
      refused: (f) => `The workbook cannot be marked ${v.status.replace('_', ' ')}: ${f.map((x) => x.message).join(' ')}`,
    });
    const done = v.status === 'completed';
    const updated = await t.db.updateTable('youth_workbook').set({
      status: v.status, completed_on: done ? v.on : null, ended_on: done ? null : v.on, not_completed_reason: done ? null : v.reason ?? null,
      next_session_on: null, updated_at: new Date(),
    }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await t.audit({ action: 'update', recordType: 'youth_workbook', recordId: String(id), details: { status: v.status, on: v.on } });
    return workbookOut(updated);
  });
}

export async function addSession(ctx: ServiceContext, id: number, input: unknown) {
  allow(ctx, 'youth.write');
  const v = parseOrThrow(sessionSchema, input);
  notFuture(v.heldOn, today(ctx), 'heldOn');
  return ctx.tx(async (t) => {
    const row = await workbookInScope(t, t.db, id, true);
    checkDistrict(ctx, row.district);
    if (row.status !== 'started') throw new AppError('conflict', `This workbook is ${row.status.replace('_', ' ')}: sessions can no longer be added`);
    if (v.heldOn < row.started_on) throw new AppError('validation', `heldOn: the session is before the workbook started (${row.started_on})`);
    const s = await t.db.insertInto('youth_session').values({ workbook_id: id, held_on: v.heldOn, note: v.note ?? null, created_by: actorName(ctx.actor) }).returning('id').executeTakeFirstOrThrow();
    if (v.nextSessionOn !== undefined) await t.db.updateTable('youth_workbook').set({ next_session_on: v.nextSessionOn, updated_at: new Date() }).where('id', '=', id).execute();
    await t.audit({ action: 'update', recordType: 'youth_workbook', recordId: String(id), details: { session: s.id, heldOn: v.heldOn } });
    return { id: s.id };
  });
}

// ---- programme referrals ---------------------------------------------------------------------

export async function createReferral(ctx: ServiceContext, input: unknown) {
  allow(ctx, 'youth.write');
  const v = parseOrThrow(newReferralSchema, input);
  checkDistrict(ctx, v.district);
  notFuture(v.referredOn, today(ctx), 'referredOn');
  const cfg = await youthConfig(ctx.db);
  const programme = fromList(programmesOn(cfg, v.referredOn), v.programme, 'programme', 'programme');
  return ctx.tx(async (t) => {
    const child = await childFor(t.db, ctx, v.personId);
    const age = ageAt(child.date_of_birth, v.referredOn);
    const findings = runRule({ id: 'youth.referral.eligibility', check: referralFindings }, { programme, age, drugClass: v.drugClass ?? null, reframe: reframeOn(cfg, v.referredOn) });
    if (findings.length) throw ruleRefused(`This child cannot be referred to ${programme}: ${findings.map((f) => f.message).join(' ')}`, findings);
    const row = await t.db.insertInto('youth_referral').values({
      person_id: child.id, age_at_referral: age, programme, provider: v.provider ?? null, referred_on: v.referredOn,
      drug_class: v.drugClass?.toUpperCase() ?? null, officer: officerOf(ctx, v.officer), district: v.district, crime_ref: v.crimeRef ?? null,
      created_by: actorName(ctx.actor),
    }).returningAll().executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'youth_referral', recordId: String(row.id), details: { personId: child.id, programme } });
    return referralOut(row);
  });
}

export async function listReferrals(ctx: ServiceContext, query: unknown) {
  allow(ctx, 'youth.read');
  const q = parseOrThrow(listQuerySchema, query);
  return ctx.tx(async (t) => {
    let s = t.db.selectFrom('youth_referral as y').selectAll().where(childScope(t, 'y'));
    if (q.district) s = s.where(sql<boolean>`lower(y.district) = ${q.district.toLowerCase()}`);
    if (q.status) s = s.where('y.status', '=', q.status as 'referred');
    if (q.personId) s = s.where('y.person_id', '=', Number(q.personId));
    if (q.mine === 'true') s = s.where('y.officer', '=', officerOf(ctx, undefined));
    const rows = await s.orderBy('y.referred_on', 'desc').orderBy('y.id', 'desc').limit(1000).execute();
    await t.audit({ action: 'search', recordType: 'youth_referral', details: { filters: q, results: rows.length } });
    return rows.map(referralOut);
  });
}

export async function updateReferral(ctx: ServiceContext, id: number, input: unknown) {
  allow(ctx, 'youth.write');
  const v = parseOrThrow(referralUpdateSchema, input);
  return ctx.tx(async (t) => {
    const row = await t.db.selectFrom('youth_referral as y').selectAll().where('y.id', '=', id).where(childScope(t, 'y')).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('not_found', `No referral ${id}`);
    checkDistrict(ctx, row.district);
    const patch: Record<string, unknown> = { updated_at: new Date() };
    if (v.sessionsAttended !== undefined) patch.sessions_attended = v.sessionsAttended;
    if (v.outcome !== undefined) patch.outcome = v.outcome;
    if (v.status) {
      if (row.status !== 'referred') throw new AppError('conflict', `This referral is already ${row.status.replace('_', ' ')}`);
      if (!v.on) throw new AppError('validation', 'on: give the date the referral ended');
      if (v.on < row.referred_on) throw new AppError('validation', `on: before the referral date (${row.referred_on})`);
      notFuture(v.on, today(ctx), 'on');
      if (v.status === 'not_completed' && !v.outcome && !row.outcome) throw ruleRefused('Say why the programme was not completed.', [{ rule: 'youth.referral.reason', field: 'outcome', message: 'Say why the programme was not completed.' }]);
      patch.status = v.status;
      patch[v.status === 'completed' ? 'completed_on' : 'ended_on'] = v.on;
    }
    const updated = await t.db.updateTable('youth_referral').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await t.audit({ action: 'update', recordType: 'youth_referral', recordId: String(id), details: v });
    return referralOut(updated);
  });
}

// ---- deferred outcomes (Outcome 22) ----------------------------------------------------------

export async function createDeferred(ctx: ServiceContext, input: unknown) {
  allow(ctx, 'youth.write');
  const v = parseOrThrow(newDeferredSchema, input);
  checkDistrict(ctx, v.district);
  notFuture(v.offeredOn, today(ctx), 'offeredOn');
  return ctx.tx(async (t) => {
    const child = await childFor(t.db, ctx, v.personId);
    const row = await t.db.insertInto('youth_deferred').values({
      person_id: child.id, age_at_offer: ageAt(child.date_of_birth, v.offeredOn), crime_ref: v.crimeRef ?? null,
      officer: officerOf(ctx, v.officer), district: v.district, offered_on: v.offeredOn, created_by: actorName(ctx.actor),
    }).returningAll().executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'youth_deferred', recordId: String(row.id), details: { personId: child.id } });
    return deferredOut(row);
  });
}

export async function listDeferred(ctx: ServiceContext, query: unknown) {
  allow(ctx, 'youth.read');
  const q = parseOrThrow(listQuerySchema, query);
  return ctx.tx(async (t) => {
    let s = t.db.selectFrom('youth_deferred as y').selectAll().where(childScope(t, 'y'));
    if (q.district) s = s.where(sql<boolean>`lower(y.district) = ${q.district.toLowerCase()}`);
    if (q.status) s = s.where('y.state', '=', q.status as 'offered');
    if (q.personId) s = s.where('y.person_id', '=', Number(q.personId));
    if (q.mine === 'true') s = s.where('y.officer', '=', officerOf(ctx, undefined));
    const rows = await s.orderBy('y.offered_on', 'desc').orderBy('y.id', 'desc').limit(1000).execute();
    await t.audit({ action: 'search', recordType: 'youth_deferred', details: { filters: q, results: rows.length } });
    return rows.map(deferredOut);
  });
}

/**
 * Moves a deferred outcome: accepted or declined, activity (provider and deadline), then
 * completed (the final outcome is recorded as Outcome 22 on the completion date, never earlier)
 * or not complied (returned, with the formal outcome chosen).
 */
export async function moveDeferred(ctx: ServiceContext, id: number, input: unknown) {
  allow(ctx, 'youth.write');
  const v = parseOrThrow(deferredMoveSchema, input);
  const cfg = await youthConfig(ctx.db);
  return ctx.tx(async (t) => {
    const row = await t.db.selectFrom('youth_deferred as y').selectAll().where('y.id', '=', id).where(childScope(t, 'y')).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('not_found', `No deferred outcome ${id}`);
    checkDistrict(ctx, row.district);
    const provider = v.provider ?? row.provider;
    const deadline = v.deadline ?? row.deadline;
    enforce(deferredLifecycle, row.state, v.to, {
      offeredOn: row.offered_on, decidedOn: row.decided_on, activityFrom: row.activity_from, today: today(ctx), on: v.on,
      schemeRequiresResponsibility: requiresResponsibilityOn(cfg, row.offered_on), responsibilityAccepted: v.responsibilityAccepted ?? row.responsibility_accepted,
      provider, deadline, outcomeCode: v.outcomeCode ?? null, knownOutcomeCodes: Object.keys(outcomeTableOn(cfg, v.on)), admitted: v.admitted ?? null,
    }, { refused: (f) => `The deferred outcome cannot be marked ${v.to.replace('_', ' ')}: ${f.map((x) => x.message).join(' ')}` });
    const patch: Record<string, unknown> = { state: v.to, updated_at: new Date() };
    if (v.to === 'accepted' || v.to === 'declined') {
      patch.decided_on = v.on;
      if (v.responsibilityAccepted !== undefined) patch.responsibility_accepted = v.responsibilityAccepted;
      if (v.to === 'declined') patch.reason = v.reason ?? null;
    } else if (v.to === 'activity') {
      Object.assign(patch, { activity: v.activity ?? null, provider, deadline, activity_from: v.on });
    } else if (v.to === 'completed') {
      Object.assign(patch, { completed_on: v.on, final_outcome_code: '22', final_outcome_on: v.on });
    } else {
      Object.assign(patch, { returned_on: v.on, final_outcome_code: v.outcomeCode, final_outcome_on: v.on, reason: v.reason ?? null });
    }
    const updated = await t.db.updateTable('youth_deferred').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await t.audit({ action: 'update', recordType: 'youth_deferred', recordId: String(id), details: { to: v.to, on: v.on, outcome: updated.final_outcome_code } });
    return deferredOut(updated);
  });
}

// ---- later formal outcomes -------------------------------------------------------------------

/** Records a formal outcome against a child's person record (by hand or through the API). */
export async function recordLaterOutcome(ctx: ServiceContext, input: unknown, source: 'manual' | 'api' | 'import' = 'manual') {
  allow(ctx, 'youth.outcomes.write');
  const v = parseOrThrow(laterOutcomeSchema, input);
  notFuture(v.recordedOn, today(ctx), 'recordedOn');
  const cfg = await youthConfig(ctx.db);
  const table = outcomeTableOn(cfg, v.recordedOn);
  if (!(v.outcomeCode in table)) throw new AppError('validation', `outcomeCode: outcome ${v.outcomeCode} is not in the outcome list in force (${Object.keys(table).join(', ')})`);
  return ctx.tx(async (t) => {
    const child = await childFor(t.db, ctx, v.personId);
    const visible = await t.db.selectFrom('person as y').select('y.id').where('y.id', '=', child.id)
      .where(sql<boolean>`${childScopeOfPerson(t)}`).executeTakeFirst();
    if (!visible) throw new AppError('not_found', `personId: no person ${v.personId}`);
    const row = await t.db.insertInto('youth_later_outcome').values({
      person_id: child.id, outcome_code: v.outcomeCode, offence_on: v.offenceOn, recorded_on: v.recordedOn, crime_ref: v.crimeRef ?? null,
      source, created_by: actorName(ctx.actor),
    }).returningAll().executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'youth_later_outcome', recordId: String(row.id), details: { personId: child.id, outcomeCode: v.outcomeCode } });
    return laterOutcomeOut(row);
  });
}

/** A person (alias y) is reachable when any youth record of theirs is in scope (or the scope is all). */
function childScopeOfPerson(t: Pick<ServiceContext, 'actor' | 'scope'>) {
  if (t.scope.kind === 'all') return sql<boolean>`true`;
  return sql<boolean>`(exists (select 1 from youth_workbook w where w.person_id = y.id and ${childScope(t, 'w')})
    or exists (select 1 from youth_referral r where r.person_id = y.id and ${childScope(t, 'r')})
    or exists (select 1 from youth_deferred d where d.person_id = y.id and ${childScope(t, 'd')}))`;
}

/** Everything the youth module holds about one child, oldest first (the child's timeline); audited. */
export async function childRecords(ctx: ServiceContext, personId: number) {
  allow(ctx, 'youth.read');
  return ctx.tx(async (t) => {
    const child = await childFor(t.db, ctx, personId);
    const [workbooks, referrals, deferred] = await Promise.all([
      t.db.selectFrom('youth_workbook as y').selectAll().where('y.person_id', '=', personId).where(childScope(t, 'y')).orderBy('y.started_on').execute(),
      t.db.selectFrom('youth_referral as y').selectAll().where('y.person_id', '=', personId).where(childScope(t, 'y')).orderBy('y.referred_on').execute(),
      t.db.selectFrom('youth_deferred as y').selectAll().where('y.person_id', '=', personId).where(childScope(t, 'y')).orderBy('y.offered_on').execute(),
    ]);
    if (!workbooks.length && !referrals.length && !deferred.length) throw new AppError('not_found', `No youth records for person ${personId} in your scope`);
    const outcomes = await t.db.selectFrom('youth_later_outcome').selectAll().where('person_id', '=', personId).orderBy('offence_on').execute();
    const sessions = workbooks.length ? await t.db.selectFrom('youth_session').select(['workbook_id', 'held_on', 'note']).where('workbook_id', 'in', workbooks.map((w) => w.id)).orderBy('held_on').orderBy('id').execute() : [];
    const powers = await powersTimelineFor(t, personId);
    const cfg = await youthConfig(t.db);
    await t.audit({ action: 'view', recordType: 'person', recordId: String(personId), details: { youth: true } });
    const timeline = childTimeline({
      workbooks: workbooks.map((w) => ({ ...workbookOut(w), sessions: sessions.filter((x) => x.workbook_id === w.id).map((x) => ({ heldOn: String(x.held_on), note: x.note })) })),
      referrals: referrals.map(referralOut), deferred: deferred.map(deferredOut), laterOutcomes: outcomes.map(laterOutcomeOut), powers,
      outcomeWords: outcomeTableOn(cfg, today(ctx)),
    });
    return {
      person: { id: child.id, name: `${child.given_name} ${child.family_name}`, dateOfBirth: child.date_of_birth, age: ageAt(child.date_of_birth, today(ctx)) },
      workbooks: workbooks.map(workbookOut), referrals: referrals.map(referralOut), deferred: deferred.map(deferredOut),
      laterOutcomes: outcomes.map(laterOutcomeOut), timeline,
    };
  });
}
