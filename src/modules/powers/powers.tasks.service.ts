/**
 * What falls due in the register (expiries, appeal deadlines, hearings, fixed-penalty periods,
 * home visits not yet made, reviews of acts outside the rules) and the tasks officers complete.
 * The rules in force (`rules`) and a new dated value (`setRule`, admin, audited by the config store).
 */
import { CONFIG_DEFAULTS, listConfig, setConfigValue } from '../../platform/config-store/index.js';
import { AppError } from '../../platform/errors.js';
import type { DueItem } from '../../platform/lifecycle/due.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { addDays, londonDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { allow, inScope } from './powers.service.js';
import { dueQuerySchema, rulesQuerySchema, tasksQuerySchema, taskUpdateSchema } from './powers.schema.js';
import { RULE_CATALOGUE } from './rules/index.js';

const TASK_WHAT: Record<string, string> = {
  home_visit: 'Visit the parent or carer of a child dispersed',
  outside_rules_review: 'Review an act recorded outside the rules',
};

/** The register's part of "what is due" (HubModule.due): open tasks up to `until` (overdue included) and deadlines from `asOf` to `until`. */
export async function powersDue(ctx: ServiceContext, window: { asOf: string; until: string }): Promise<DueItem[]> {
  const deadlines = await ctx.db.selectFrom('power_deadline as d').innerJoin('power_record as r', 'r.id', 'd.record_id')
    .select(['d.id', 'd.record_id', 'd.kind', 'd.what', 'd.due_on', 'd.legal_source', 'r.district', 'r.created_by', 'r.record_type'])
    .where('d.superseded', '=', false).where('d.due_on', '>=', window.asOf).where('d.due_on', '<=', window.until).where(inScope(ctx.scope)).execute();
  const tasks = await ctx.db.selectFrom('power_task as k').innerJoin('power_record as r', 'r.id', 'k.record_id')
    .select(['k.id', 'k.record_id', 'k.kind', 'k.due_on', 'k.district', 'r.created_by'])
    .where('k.status', '=', 'open').where('k.due_on', '<=', window.until).where(inScope(ctx.scope, 'k.district')).execute();
  return [
    ...deadlines.map((d) => ({ source: 'powers', kind: d.kind, recordType: 'power_record', recordId: d.record_id, itemId: d.id, what: d.what, district: d.district, owner: d.created_by, due: d.due_on, ...(d.legal_source ? { legalSource: d.legal_source } : {}) })),
    ...tasks.map((k) => ({ source: 'powers', kind: k.kind, recordType: 'power_task', recordId: k.record_id, itemId: k.id, what: TASK_WHAT[k.kind]!, district: k.district, owner: k.created_by, due: k.due_on })),
  ];
}

/** Due in the register for the caller (role-checked wrapper of `powersDue`): `days` ahead of `asOf` (default today, 14 days). */
export async function dueList(ctx: ServiceContext, query: unknown) {
  allow(ctx, 'powers.due');
  const q = parseOrThrow(dueQuerySchema, query ?? {});
  const asOf = q.asOf ?? londonDate(ctx.now());
  const days = Number(q.days ?? 14);
  const until = addDays(asOf, days);
  const items = (await powersDue(ctx, { asOf, until }))
    .map((i) => ({ ...i, overdue: i.due < asOf }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.recordId - b.recordId);
  return { asOf, until, items };
}

export interface TaskView {
  id: number; recordId: number; recordType: string; kind: string; what: string; district: string; due: string; overdue: boolean; status: string;
  letterSentOn: string | null; visitMadeOn: string | null; outcome: string | null; completedBy: string | null; completedAt: string | null;
  subjectName: string | null; ageAtEvent: number | null;
}

/** Home visits and reviews in scope (open first, soonest due first). */
export async function listTasks(ctx: ServiceContext, query: unknown): Promise<{ tasks: TaskView[] }> {
  allow(ctx, 'powers.tasks');
  const q = parseOrThrow(tasksQuerySchema, query ?? {});
  let b = ctx.db.selectFrom('power_task as k').innerJoin('power_record as r', 'r.id', 'k.record_id').innerJoin('power_event as e', 'e.record_id', 'r.id')
    .select(['k.id', 'k.record_id', 'r.record_type', 'k.kind', 'k.district', 'k.due_on', 'k.status', 'k.letter_sent_on', 'k.visit_made_on', 'k.outcome', 'k.completed_by', 'k.completed_at', 'r.subject_name', 'e.subject_age'])
    .where(inScope(ctx.scope, 'k.district'));
  if (q.status) b = b.where('k.status', '=', q.status);
  if (q.kind) b = b.where('k.kind', '=', q.kind);
  const rows = await b.orderBy('k.status', 'desc').orderBy('k.due_on').orderBy('k.id').limit(1000).execute();
  const today = londonDate(ctx.now());
  await ctx.tx((t) => t.audit({ action: 'powers.tasks', recordType: 'power_task', recordId: '*', details: { query: q, returned: rows.length } }));
  return { tasks: rows.map((k) => toTask(k, today)) };
}

type TaskRow = { id: number; record_id: number; record_type: string; kind: string; district: string; due_on: string; status: string; letter_sent_on: string | null; visit_made_on: string | null; outcome: string | null; completed_by: string | null; completed_at: Date | null; subject_name: string | null; subject_age: number | null };
const toTask = (k: TaskRow, today: string): TaskView => ({
  id: k.id, recordId: k.record_id, recordType: k.record_type, kind: k.kind, what: TASK_WHAT[k.kind]!, district: k.district, due: k.due_on,
  overdue: k.status === 'open' && k.due_on < today, status: k.status, letterSentOn: k.letter_sent_on, visitMadeOn: k.visit_made_on, outcome: k.outcome,
  completedBy: k.completed_by, completedAt: k.completed_at?.toISOString() ?? null, subjectName: k.subject_name, ageAtEvent: k.subject_age,
});

/**
 * Records progress on a task: a home visit's letter and visit dates and outcome; a review's
 * outcome (supervisors and admins only). `done` needs an outcome. A done task cannot change (409).
 */
export async function updateTask(ctx: ServiceContext, id: number, body: unknown): Promise<TaskView> {
  allow(ctx, 'powers.task_update');
  const v = parseOrThrow(taskUpdateSchema, body ?? {});
  return ctx.tx(async (t) => {
    const k = await t.db.selectFrom('power_task').selectAll().where('id', '=', id).where(inScope(t.scope, 'district')).executeTakeFirst();
    if (!k) throw new AppError('not_found', `No task ${id}`);
    if (k.kind === 'outside_rules_review') allow(t, 'powers.review');
    if (k.status === 'done') throw new AppError('conflict', 'This task is done and cannot change');
    const today = londonDate(t.now());
    for (const [field, value] of [['letterSentOn', v.letterSentOn], ['visitMadeOn', v.visitMadeOn]] as const) {
      if (value && value > today) throw new AppError('validation', `${field}: cannot be in the future`, [{ field, message: 'cannot be in the future' }]);
      if (value && k.kind !== 'home_visit') throw new AppError('validation', `${field}: only a home visit has this date`, [{ field, message: 'not for this task' }]);
    }
    const outcome = v.outcome ?? k.outcome;
    if (v.done && !outcome) throw new AppError('validation', 'outcome: say what happened before marking the task done', [{ field: 'outcome', message: 'is required to finish the task' }]);
    const by = t.actor.kind === 'cli' ? t.actor.name : `user:${t.actor.principal.username}`;
    await t.db.updateTable('power_task').set({
      letter_sent_on: v.letterSentOn ?? k.letter_sent_on, visit_made_on: v.visitMadeOn ?? k.visit_made_on, outcome,
      ...(v.done ? { status: 'done' as const, completed_by: by, completed_at: t.now() } : {}),
    }).where('id', '=', id).execute();
    await t.audit({ action: 'powers.task_update', recordType: 'power_task', recordId: String(id), details: { kind: k.kind, recordId: k.record_id, ...v } });
    const row = await t.db.selectFrom('power_task as k').innerJoin('power_record as r', 'r.id', 'k.record_id').innerJoin('power_event as e', 'e.record_id', 'r.id')
      .select(['k.id', 'k.record_id', 'r.record_type', 'k.kind', 'k.district', 'k.due_on', 'k.status', 'k.letter_sent_on', 'k.visit_made_on', 'k.outcome', 'k.completed_by', 'k.completed_at', 'r.subject_name', 'e.subject_age'])
      .where('k.id', '=', id).executeTakeFirstOrThrow();
    return toTask(row, today);
  });
}

const isPowersKey = (k: string) => k.startsWith('powers.');

/** The powers rule values in force on a day (default today), with the rule catalogue. */
export async function rulesAt(ctx: ServiceContext, query: unknown) {
  allow(ctx, 'powers.rules');
  const q = parseOrThrow(rulesQuerySchema, query ?? {});
  const listing = await listConfig(ctx.db, { kind: 'cli', name: 'powers' }, q.at ? { at: q.at } : {});
  return { at: listing.at, values: listing.values.filter((v) => isPowersKey(v.key)), rules: [...RULE_CATALOGUE].map((r) => ({ ...r, types: [...r.types], keys: [...r.keys] })) };
}

/** A new dated value of a powers rule (admin only; the config store audits it in its transaction). */
export async function setRule(ctx: ServiceContext, auditKey: Buffer, body: unknown) {
  allow(ctx, 'powers.rules_set');
  const key = typeof body === 'object' && body !== null ? (body as { key?: unknown }).key : undefined;
  if (typeof key !== 'string' || !isPowersKey(key) || !(key in CONFIG_DEFAULTS)) {
    throw new AppError('validation', `key: not a powers rule value (one of ${Object.keys(CONFIG_DEFAULTS).filter(isPowersKey).length} keys starting powers.)`, [{ field: 'key', message: 'not a powers rule value' }]);
  }
  return setConfigValue(ctx.db, auditKey, ctx.actor, body);
}
