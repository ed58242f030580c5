/**
 * Criminal Behaviour Order cases: opened by the police for a person, the file submitted to the CPS,
 * the application, adjournments and interim orders, then granted or refused (or withdrawn). The
 * moves are a lifecycle; the application's preconditions (s331) and the term (s335) are rules with
 * findings (422); reviews while the offender is under 18 (s337) are due items. Every change is
 * audited in its transaction; reads name a person and are audited too.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { loadConfig } from '../../../platform/config-store/index.js';
import { AppError } from '../../../platform/errors.js';
import type { DueItem } from '../../../platform/lifecycle/due.js';
import { defineLifecycle, enforce } from '../../../platform/lifecycle/lifecycle.js';
import { scopeHasDistrict, type ServiceContext, type TxContext } from '../../../platform/module/context.js';
import { actorName } from '../../../platform/policy.js';
import { daysBetween, londonDate } from '../../../platform/time/london.js';
import { parseOrThrow } from '../../../platform/validate.js';
import { allow, inScope } from '../powers.service.js';
import { cboApplicationFindings, cboLastDay, cboLimitsAt, cboReviewPeriods, cboTermFindings, type CboLimits } from './cbo-rules.js';
import { CBO_STAGES, type CboStage } from './cbo.tables.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const DISPOSALS = ['sentence', 'conditional_discharge', 'absolute_discharge'] as const;

export const openCboSchema = z.object({
  personId: z.number().int().positive(),
  district: z.string().trim().min(2).max(100),
  offence: z.string().trim().min(3).max(500),
  convictedOn: day.optional(),
  disposal: z.enum(DISPOSALS).optional(),
});

export const moveCboSchema = z.object({
  to: z.enum(CBO_STAGES),
  on: day,
  note: z.string().trim().max(2000).optional(),
  convictedOn: day.optional(),
  disposal: z.enum(DISPOSALS).optional(),
  yotViewsRecorded: z.boolean().optional(),
  yotViewsNote: z.string().trim().max(2000).optional(),
  termKind: z.enum(['fixed', 'indefinite']).optional(),
  termMonths: z.number().int().positive().optional(),
  takesEffect: day.optional(),
});

export const varyCboSchema = z.object({ on: day, note: z.string().trim().min(3).max(2000) });

type Row = {
  id: number; person_id: number; date_of_birth: string | Date; district: string; offence: string; convicted_on: string | Date | null; disposal: (typeof DISPOSALS)[number] | null;
  stage: CboStage; submitted_on: string | Date | null; applied_on: string | Date | null; decided_on: string | Date | null; yot_views_recorded: boolean; yot_views_note: string | null;
  term_kind: 'fixed' | 'indefinite' | null; term_months: number | null; takes_effect: string | Date | null; last_day: string | Date | null; varied_on: string[]; rule_versions: string[]; created_by: string;
};
const d = (v: string | Date | null): string | null => (v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

interface MoveContext {
  row: Row;
  next: { convictedOn: string | null; disposal: Row['disposal']; yotViewsRecorded: boolean; termKind: Row['term_kind']; termMonths: number | null; takesEffect: string | null; on: string };
  limits: CboLimits;
}

export const CBO_LIFECYCLE = defineLifecycle<CboStage, MoveContext>({
  record: 'CBO case',
  states: CBO_STAGES,
  transitions: {
    file_in_preparation: ['submitted_to_cps', 'withdrawn'],
    submitted_to_cps: ['applied', 'withdrawn'],
    applied: ['adjourned', 'interim_order', 'granted', 'refused', 'withdrawn'],
    adjourned: ['interim_order', 'granted', 'refused', 'withdrawn'],
    interim_order: ['adjourned', 'granted', 'refused', 'withdrawn'],
    granted: [],
    refused: [],
    withdrawn: [],
  },
  notAllowedMessage: (from, to) => `A CBO case ${from.replace(/_/g, ' ')} cannot move to ${to.replace(/_/g, ' ')}`,
  guards: [
    {
      applies: (_f, to) => to === 'applied',
      rule: {
        id: 'cbo.application',
        legalSource: 'Sentencing Act 2020 s331',
        check: (c) =>
          cboApplicationFindings(
            { convicted: c.next.convictedOn !== null, disposal: c.next.disposal, dateOfBirth: d(c.row.date_of_birth), applicationDate: c.next.on, youthOffendingTeamViewsRecorded: c.next.yotViewsRecorded },
            c.limits,
          ),
      },
    },
    {
      applies: (_f, to) => to === 'granted',
      rule: {
        id: 'cbo.order',
        legalSource: 'Sentencing Act 2020 s335',
        check: (c) => {
          if (!c.next.termKind) return [{ rule: 'cbo.term_needed', field: 'termKind', message: 'Say whether the order is for a fixed term (and how many months) or indefinite' }];
          if (c.next.termKind === 'fixed' && !c.next.termMonths) return [{ rule: 'cbo.term_needed', field: 'termMonths', message: 'Give the fixed term in months' }];
          const f = cboTermFindings(d(c.row.date_of_birth)!, c.next.on, c.next.termKind === 'fixed' ? { kind: 'fixed', months: c.next.termMonths! } : { kind: 'indefinite' }, c.limits);
          if (c.next.takesEffect && c.next.takesEffect < c.next.on) f.push({ rule: 'cbo.takes_effect', field: 'takesEffect', message: 'The order cannot take effect before the day it is made' });
          return f;
        },
      },
    },
  ],
});

async function load(t: Pick<ServiceContext, 'db' | 'scope'>, id: number, lock = false): Promise<Row> {
  let q = t.db.selectFrom('cbo_case').selectAll().where('id', '=', id).where(inScope(t.scope, 'district'));
  if (lock) q = q.forUpdate();
  const r = (await q.executeTakeFirst()) as Row | undefined;
  if (!r) throw new AppError('not_found', `No CBO case ${id} in your districts`);
  return r;
}

export interface CboView {
  id: number; personId: number; district: string; offence: string; stage: CboStage; convictedOn: string | null; disposal: string | null;
  submittedOn: string | null; appliedOn: string | null; decidedOn: string | null; yotViewsRecorded: boolean;
  term: { kind: 'fixed' | 'indefinite'; months: number | null } | null; takesEffect: string | null; lastDay: string | null; variedOn: string[];
  /** Days since the file went to the CPS while the case awaits court (null once decided). */
  awaitingCourtDays: number | null;
  reviews: { from: string; to: string; ageAtEnd: number }[];
  ruleVersions: string[];
}

function toView(r: Row, today: string, limits: CboLimits): CboView {
  const awaiting = ['submitted_to_cps', 'applied', 'adjourned', 'interim_order'].includes(r.stage) && r.submitted_on ? daysBetween(d(r.submitted_on)!, today) : null;
  const reviews =
    r.stage === 'granted' && r.takes_effect
      ? cboReviewPeriods({ dateOfBirth: d(r.date_of_birth)!, takesEffect: d(r.takes_effect)!, lastDay: d(r.last_day), variedOn: r.varied_on }, limits, today).map((p) => ({ from: p.from, to: p.to, ageAtEnd: p.ageAtEnd }))
      : [];
  return {
    id: Number(r.id), personId: Number(r.person_id), district: r.district, offence: r.offence, stage: r.stage, convictedOn: d(r.convicted_on), disposal: r.disposal,
    submittedOn: d(r.submitted_on), appliedOn: d(r.applied_on), decidedOn: d(r.decided_on), yotViewsRecorded: r.yot_views_recorded,
    term: r.term_kind ? { kind: r.term_kind, months: r.term_months } : null, takesEffect: d(r.takes_effect), lastDay: d(r.last_day), variedOn: r.varied_on,
    awaitingCourtDays: awaiting, reviews, ruleVersions: r.rule_versions,
  };
}

const limitsToday = async (ctx: ServiceContext) => cboLimitsAt(await loadConfig(ctx.db), londonDate(ctx.now()));

export async function openCbo(ctx: ServiceContext, input: unknown): Promise<CboView> {
  allow(ctx, 'cbo.write');
  const v = parseOrThrow(openCboSchema, input);
  if (!scopeHasDistrict(ctx.scope, v.district)) throw new AppError('forbidden', `You open cases in your own districts: ${v.district} is not one of them`);
  const { limits } = await limitsToday(ctx);
  return ctx.tx(async (t) => {
    const person = await t.db.selectFrom('person').select(['id', 'date_of_birth']).where('id', '=', v.personId).executeTakeFirst();
    if (!person) throw new AppError('validation', `personId: there is no person record ${v.personId}`);
    if (!person.date_of_birth) throw new AppError('validation', 'personId: record the person’s date of birth first: the rules of a CBO depend on their age');
    const row = (await t.db
      .insertInto('cbo_case')
      .values({ person_id: v.personId, date_of_birth: d(person.date_of_birth as unknown as string | Date)!, district: v.district, offence: v.offence, convicted_on: v.convictedOn ?? null, disposal: v.disposal ?? null, created_by: actorName(t.actor) })
      .returningAll()
      .executeTakeFirstOrThrow()) as unknown as Row;
    await t.db.insertInto('cbo_case_history').values({ cbo_id: row.id, from_stage: null, to_stage: 'file_in_preparation', on_date: londonDate(t.now()), note: null, actor: actorName(t.actor) }).execute();
    await t.audit({ action: 'create', recordType: 'cbo_case', recordId: String(row.id), details: { personId: v.personId, district: v.district } });
    return toView(row, londonDate(t.now()), limits);
  });
}

/** Moves a case; the rules in force on the day of the move decide (the application day, the day the order is made). */
export async function moveCbo(ctx: ServiceContext, id: number, input: unknown): Promise<CboView> {
  allow(ctx, 'cbo.write');
  const v = parseOrThrow(moveCboSchema, input);
  if (v.on > londonDate(ctx.now())) throw new AppError('validation', 'on: a move is recorded on or after the day it happened, not before');
  const config = await loadConfig(ctx.db);
  const { limits, versionIds } = cboLimitsAt(config, v.on);
  return ctx.tx(async (t: TxContext) => {
    const r = await load(t, id, true);
    const next = {
      convictedOn: v.convictedOn ?? d(r.convicted_on), disposal: v.disposal ?? r.disposal, yotViewsRecorded: v.yotViewsRecorded ?? r.yot_views_recorded,
      termKind: v.termKind ?? r.term_kind, termMonths: v.termMonths ?? r.term_months, takesEffect: v.takesEffect ?? (v.to === 'granted' ? v.on : d(r.takes_effect)), on: v.on,
    };
    enforce(CBO_LIFECYCLE, r.stage, v.to, { row: r, next, limits }, { refused: (f) => f.map((x) => x.message).join('; ') });
    const dates: Record<string, string> = v.to === 'submitted_to_cps' ? { submitted_on: v.on } : v.to === 'applied' ? { applied_on: v.on } : ['granted', 'refused'].includes(v.to) ? { decided_on: v.on } : {};
    const granted = v.to === 'granted' ? { term_kind: next.termKind, term_months: next.termKind === 'fixed' ? next.termMonths : null, takes_effect: next.takesEffect, last_day: cboLastDay(next.takesEffect!, next.termKind === 'fixed' ? { kind: 'fixed', months: next.termMonths! } : { kind: 'indefinite' }) } : {};
    await t.db
      .updateTable('cbo_case')
      .set({
        stage: v.to, convicted_on: next.convictedOn, disposal: next.disposal, yot_views_recorded: next.yotViewsRecorded, ...(v.yotViewsNote ? { yot_views_note: v.yotViewsNote } : {}),
        ...dates, ...granted, rule_versions: JSON.stringify([...new Set([...r.rule_versions, ...versionIds])]), updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    await t.db.insertInto('cbo_case_history').values({ cbo_id: id, from_stage: r.stage, to_stage: v.to, on_date: v.on, note: v.note ?? null, actor: actorName(t.actor) }).execute();
    await t.audit({ action: 'update', recordType: 'cbo_case', recordId: String(id), details: { from: r.stage, to: v.to, on: v.on, ruleVersions: versionIds } });
    return toView(await load(t, id), londonDate(t.now()), limits);
  });
}

/** Records a variation of a granted order (the review period restarts on that day, s337). */
export async function varyCbo(ctx: ServiceContext, id: number, input: unknown): Promise<CboView> {
  allow(ctx, 'cbo.write');
  const v = parseOrThrow(varyCboSchema, input);
  const { limits } = await limitsToday(ctx);
  return ctx.tx(async (t) => {
    const r = await load(t, id, true);
    if (r.stage !== 'granted') throw new AppError('conflict', `Only a granted order is varied: case ${id} is ${r.stage.replace(/_/g, ' ')}`);
    if (r.takes_effect && v.on < d(r.takes_effect)!) throw new AppError('validation', 'on: a variation comes after the order takes effect');
    await t.db.updateTable('cbo_case').set({ varied_on: JSON.stringify([...r.varied_on, v.on].sort()), updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    await t.db.insertInto('cbo_case_history').values({ cbo_id: id, from_stage: 'granted', to_stage: 'granted', on_date: v.on, note: `Varied: ${v.note}`, actor: actorName(t.actor) }).execute();
    await t.audit({ action: 'update', recordType: 'cbo_case', recordId: String(id), details: { variedOn: v.on } });
    return toView(await load(t, id), londonDate(t.now()), limits);
  });
}

export async function listCbos(ctx: ServiceContext): Promise<{ cases: CboView[] }> {
  allow(ctx, 'cbo.read');
  const { limits } = await limitsToday(ctx);
  const rows = (await ctx.db.selectFrom('cbo_case').selectAll().where(inScope(ctx.scope, 'district')).orderBy('updated_at', 'desc').limit(1000).execute()) as unknown as Row[];
  await ctx.tx((t) => t.audit({ action: 'view', recordType: 'cbo_case', recordId: '*', details: { returned: rows.length } }));
  const today = londonDate(ctx.now());
  return { cases: rows.map((r) => toView(r, today, limits)) };
}

export async function showCbo(ctx: ServiceContext, id: number): Promise<CboView & { history: { from: string | null; to: string; on: string; note: string | null; by: string }[] }> {
  allow(ctx, 'cbo.read');
  const { limits } = await limitsToday(ctx);
  const r = await load(ctx, id);
  const history = await ctx.db.selectFrom('cbo_case_history').selectAll().where('cbo_id', '=', id).orderBy('id').execute();
  await ctx.tx((t) => t.audit({ action: 'view', recordType: 'cbo_case', recordId: String(id) }));
  return { ...toView(r, londonDate(ctx.now()), limits), history: history.map((h) => ({ from: h.from_stage, to: h.to_stage, on: d(h.on_date as unknown as string)!, note: h.note, by: h.actor })) };
}

/** Reviews of orders against people under 18 falling due (s337): due by the last day of each review period. */
export async function cboDue(ctx: ServiceContext, window: { asOf: string; until: string }): Promise<DueItem[]> {
  const rows = (await ctx.db.selectFrom('cbo_case').selectAll().where('stage', '=', 'granted').where(inScope(ctx.scope, 'district')).execute()) as unknown as Row[];
  const { limits } = cboLimitsAt(await loadConfig(ctx.db), window.asOf);
  return rows.flatMap((r) =>
    toView(r, window.until, limits)
      .reviews.filter((p) => p.to >= window.asOf && p.to <= window.until)
      .map((p) => ({ source: 'powers', kind: 'cbo_review', recordType: 'cbo_case', recordId: Number(r.id), itemId: null, what: `Review the criminal behaviour order (the offender will be ${p.ageAtEnd} at the end of the review period)`, district: r.district, owner: r.created_by, due: p.to, legalSource: 'Sentencing Act 2020 s337' })),
  );
}
