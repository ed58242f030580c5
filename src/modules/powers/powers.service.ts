/**
 * The powers register: dry run (check), add (one record, one power-use event, its deadlines and
 * tasks, the audit, in one transaction), list and show within role and district scope.
 *
 * A draft that breaks a rule is refused (422, every finding). An act already done that breaks a
 * rule may still be recorded by a recorder of at least the configured rank (sergeant) with a
 * reason: it is saved flagged outside the rules, its event is flagged (counted apart), and a
 * review task opens for a supervisor.
 */
import { sql } from 'kysely';
import { loadConfig } from '../../platform/config-store/index.js';
import { AppError, ruleRefused, type Finding } from '../../platform/errors.js';
import type { ServiceContext, TxContext, Scope } from '../../platform/module/context.js';
import { authorize, type Principal } from '../../platform/policy.js';
import { addDays, londonDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { evaluateDraft, findRecord, recordInScope, STAGES, type Evaluated, type RecordRow } from './powers.acts.js';
import { powersPolicy, type PowersAction } from './powers.policy.js';
import { listQuerySchema } from './powers.schema.js';
import { RuleRun, rankAtLeast, rankWords, type RuleDeadline } from './rules/index.js';

/** Days a supervisor has to review an act recorded outside the rules. */
export const REVIEW_DUE_DAYS = 7;

export function allow(ctx: Pick<ServiceContext, 'actor'>, action: PowersAction): Principal | null {
  if (ctx.actor.kind === 'user') return authorize(powersPolicy, action, ctx.actor.principal);
  return null;
}

export interface CheckResult {
  valid: boolean;
  findings: Finding[];
  notices: Finding[];
  deadlines: RuleDeadline[];
  ruleVersions: string[];
  /** What the rules worked out: age used, time since the CPW, ends and hearing limits. */
  derived: Record<string, unknown>;
  district: string;
  lsoaCode: string | null;
}

const asCheck = (e: Evaluated): CheckResult => ({
  valid: e.outcome.findings.length === 0, findings: e.outcome.findings, notices: e.outcome.notices, deadlines: e.outcome.deadlines,
  ruleVersions: e.outcome.ruleVersions, derived: { ...e.outcome.derived, ageAtEvent: e.age }, district: e.district, lsoaCode: e.lsoaCode,
});

/** Dry run: what the rules say about a draft, without saving anything. */
export async function checkDraft(ctx: ServiceContext, body: unknown): Promise<CheckResult> {
  const principal = allow(ctx, 'powers.check');
  const config = await loadConfig(ctx.db);
  return asCheck(await evaluateDraft(ctx.db, ctx.scope, principal, body, config, ctx.now()));
}

/** Adds an act. 422 with every finding unless it meets the rules or is recorded outside them. */
export async function addRecord(ctx: ServiceContext, body: unknown, opts: { demo?: boolean } = {}): Promise<PowerRecordView & { check: CheckResult }> {
  const principal = allow(ctx, 'powers.add');
  return ctx.tx(async (t) => {
    const config = await loadConfig(t.db);
    const e = await evaluateDraft(t.db, t.scope, principal, body, config, t.now());
    const check = asCheck(e);
    const outside = e.input.outsideRules;
    if (!check.valid) {
      if (!outside) throw ruleRefused(`Not saved: ${check.findings.map((f) => f.message).join(' ')}`, check.findings);
      if (check.findings.some((f) => f.rule === 'powers.in_the_future')) throw ruleRefused('Not saved: only an act already done can be recorded outside the rules.', check.findings);
      if (principal && principal.role !== 'admin' && principal.role !== 'supervisor' && principal.role !== 'officer') throw new AppError('forbidden', 'Your role may not record acts outside the rules');
      const r = new RuleRun(config, e.occurredAt);
      const min = r.need<string>('powers.outside_rules.min_rank');
      if (!rankAtLeast(outside.recorderRank, min)) {
        const f: Finding = { rule: 'powers.outside_rules_rank', field: 'outsideRules.recorderRank', message: `Only a ${rankWords(min)} or above may record an act outside the rules.`, legalSource: r.source('powers.outside_rules.min_rank') };
        throw ruleRefused(`Not saved: ${f.message}`, [...check.findings, f]);
      }
      check.ruleVersions = [...new Set([...check.ruleVersions, ...r.outcome().ruleVersions])].sort();
    } else if (outside) {
      throw new AppError('validation', 'outsideRules: this act meets the rules; record it without outsideRules', [{ field: 'outsideRules', message: 'not needed' }]);
    }
    const id = await insertAct(t, e, check, opts.demo ?? false);
    return { ...(await viewOf(t, (await findRecord(t.db, id))!)), check };
  });
}

async function insertAct(t: TxContext, e: Evaluated, check: CheckResult, demo: boolean): Promise<number> {
  const outside = check.valid ? null : e.input.outsideRules!;
  const by = t.actor.kind === 'cli' ? t.actor.name : `user:${t.actor.principal.username}`;
  const input = e.input;
  const { id } = await t.db.insertInto('power_record').values({
    record_type: input.type, parent_id: e.parent?.id ?? null, occurred_at: e.occurredAt, rules_at: e.rulesAt, ends_at: e.endsAt,
    district: e.district, lsoa_code: e.lsoaCode, place_description: input.place?.description ?? null, lon: e.lon, lat: e.lat, place_id: e.placeId,
    person_id: e.subject.personId, subject_name: e.subject.name ?? null, subject_dob: e.subject.dateOfBirth ?? null, subject_appears_age: e.subject.appearsAge ?? null,
    subject_is_body: e.subject.body ?? false, vehicle_vrm: e.vrm, conduct_category: e.conductCategory,
    problem_id: input.problemId ?? null, plan_id: input.planId ?? null,
    issuer_agency: input.issuer.agency, issuer_rank: input.issuer.rank ?? null, issuer_name: input.issuer.name ?? null,
    details: JSON.stringify({ ...e.details, ...(input.issuer.signedBySenior !== undefined ? { signedBySenior: input.issuer.signedBySenior } : {}) }),
    notices: JSON.stringify(check.notices), outside_rules: !!outside, outside_rules_reason: outside?.reason ?? null,
    outside_rules_findings: outside ? JSON.stringify(check.findings) : null, outside_rules_recorder_rank: outside?.recorderRank ?? null,
    rule_versions: JSON.stringify(check.ruleVersions), is_demo: demo, created_by: by,
  }).returning('id').executeTakeFirstOrThrow();
  const spec = STAGES[input.type];
  await t.db.insertInto('power_event').values({
    record_id: id, power: spec.power, stage: input.type === 'dispersal_variation' && input.withdrawn ? 'withdrawn' : spec.stage, occurred_at: e.occurredAt,
    issuer_agency: input.issuer.agency, issuer_rank: input.issuer.rank ?? null, district: e.district, lsoa_code: e.lsoaCode,
    subject_age: e.age.age, subject_age_basis: e.age.basis, person_id: e.subject.personId, place_id: e.placeId,
    problem_id: input.problemId ?? null, plan_id: input.planId ?? null, rule_versions: JSON.stringify(check.ruleVersions), outside_rules: !!outside, is_demo: demo,
  }).execute();
  // A later act replaces the deadlines it moves (the end of a varied direction or extended notice, an adjourned hearing).
  const replaces: Partial<Record<string, string[]>> = { dispersal_variation: ['exclusion_ends'], closure_extension: ['closure_notice_ends'], closure_adjournment: ['closure_hearing', ...(input.type === 'closure_adjournment' && input.noticeContinues ? ['closure_notice_ends'] : [])], closure_order_extension: ['closure_order_ends'] };
  const superseded = replaces[input.type];
  if (superseded && e.parent) {
    await t.db.updateTable('power_deadline').set({ superseded: true }).where('record_id', '=', e.parent.id).where('kind', 'in', superseded).execute();
    if (e.endsAt && input.type !== 'closure_adjournment') await t.db.updateTable('power_record').set({ ends_at: e.endsAt }).where('id', '=', e.parent.id).execute();
  }
  if (input.type === 'closure_adjournment' && input.noticeContinues && e.parent && e.endsAt) await t.db.updateTable('power_record').set({ ends_at: e.endsAt }).where('id', '=', e.parent.id).execute();
  const deadlines = check.deadlines.filter((d) => d.kind !== 'home_visit');
  if (input.type === 'closure_adjournment' && input.noticeContinues) deadlines.push({ kind: 'closure_notice_ends', what: 'Closure notice continues until the adjourned hearing', due: input.adjournedTo });
  if (deadlines.length) {
    await t.db.insertInto('power_deadline').values(deadlines.map((d) => ({ record_id: id, kind: d.kind, what: d.what, due_on: d.due, due_at: d.at ? new Date(d.at) : null, legal_source: d.legalSource ?? null }))).execute();
  }
  const visit = check.deadlines.find((d) => d.kind === 'home_visit');
  if (visit) await t.db.insertInto('power_task').values({ record_id: id, kind: 'home_visit', district: e.district, due_on: visit.due }).execute();
  if (outside) await t.db.insertInto('power_task').values({ record_id: id, kind: 'outside_rules_review', district: e.district, due_on: addDays(londonDate(t.now()), REVIEW_DUE_DAYS) }).execute();
  await t.audit({
    action: 'powers.add', recordType: 'power_record', recordId: String(id),
    details: { type: input.type, district: e.district, parentId: e.parent?.id ?? null, outsideRules: !!outside, ...(outside ? { findings: check.findings.map((f) => f.rule), reason: outside.reason } : {}), ruleVersions: check.ruleVersions, demo },
  });
  return id;
}

export interface PowerRecordView {
  id: number;
  type: string;
  power: string;
  stage: string;
  parentId: number | null;
  occurredAt: string;
  rulesAt: string;
  endsAt: string | null;
  district: string;
  lsoaCode: string | null;
  placeDescription: string | null;
  placeId: number | null;
  subject: { personId: number | null; name: string | null; dateOfBirth: string | null; appearsAge: number | null; body: boolean; ageAtEvent: number | null; ageBasis: string };
  vehicleVrm: string | null;
  conductCategory: string | null;
  problemId: number | null;
  planId: number | null;
  issuer: { agency: string; rank: string | null; name: string | null };
  details: Record<string, unknown>;
  notices: Finding[];
  outsideRules: { reason: string; recorderRank: string | null; findings: Finding[] } | null;
  ruleVersions: string[];
  demo: boolean;
  createdBy: string;
  createdAt: string;
}

async function viewOf(t: { db: TxContext['db'] }, r: RecordRow): Promise<PowerRecordView> {
  const ev = await t.db.selectFrom('power_event').select(['power', 'stage', 'subject_age', 'subject_age_basis']).where('record_id', '=', r.id).executeTakeFirstOrThrow();
  return {
    id: r.id, type: r.record_type, power: ev.power, stage: ev.stage, parentId: r.parent_id, occurredAt: r.occurred_at.toISOString(), rulesAt: r.rules_at.toISOString(),
    endsAt: r.ends_at?.toISOString() ?? null, district: r.district, lsoaCode: r.lsoa_code, placeDescription: r.place_description, placeId: r.place_id,
    subject: { personId: r.person_id, name: r.subject_name, dateOfBirth: r.subject_dob, appearsAge: r.subject_appears_age, body: r.subject_is_body, ageAtEvent: ev.subject_age, ageBasis: ev.subject_age_basis },
    vehicleVrm: r.vehicle_vrm, conductCategory: r.conduct_category, problemId: r.problem_id, planId: r.plan_id,
    issuer: { agency: r.issuer_agency, rank: r.issuer_rank, name: r.issuer_name }, details: r.details, notices: r.notices,
    outsideRules: r.outside_rules ? { reason: r.outside_rules_reason!, recorderRank: r.outside_rules_recorder_rank, findings: r.outside_rules_findings ?? [] } : null,
    ruleVersions: r.rule_versions, demo: r.is_demo, createdBy: r.created_by, createdAt: r.created_at.toISOString(),
  };
}

/** SQL: the rows a scope reaches, by their district column (default `r.district`). */
export function inScope(scope: Scope, column = 'r.district') {
  if (scope.kind === 'all') return sql<boolean>`true`;
  if (scope.kind !== 'districts' || scope.districts.length === 0) return sql<boolean>`false`;
  return sql<boolean>`lower(${sql.ref(column)}) in (${sql.join(scope.districts.map((d) => d.toLowerCase()))})`;
}

export interface RecordSummary {
  id: number; type: string; power: string; stage: string; occurredAt: string; endsAt: string | null; district: string; lsoaCode: string | null;
  subjectName: string | null; ageAtEvent: number | null; ageBasis: string; vehicleVrm: string | null; conductCategory: string | null;
  issuerAgency: string; issuerRank: string | null; outsideRules: boolean; parentId: number | null; demo: boolean;
}

/** The register in scope, newest first (audited: the list shows people's names). */
export async function listRecords(ctx: ServiceContext, query: unknown): Promise<{ records: RecordSummary[]; total: number }> {
  allow(ctx, 'powers.list');
  const q = parseOrThrow(listQuerySchema, query ?? {});
  const limit = Math.min(Number(q.limit ?? 200), 1000);
  let b = ctx.db.selectFrom('power_record as r').innerJoin('power_event as e', 'e.record_id', 'r.id').where(inScope(ctx.scope));
  if (q.type) b = b.where('r.record_type', '=', q.type);
  if (q.district) b = b.where(sql<boolean>`lower(r.district) = ${q.district.toLowerCase()}`);
  if (q.person) b = b.where('r.person_id', '=', Number(q.person));
  if (q.outsideRules) b = b.where('r.outside_rules', '=', q.outsideRules === 'true');
  if (q.from) b = b.where(sql<boolean>`(r.occurred_at at time zone 'Europe/London')::date >= ${q.from}::date`);
  if (q.to) b = b.where(sql<boolean>`(r.occurred_at at time zone 'Europe/London')::date <= ${q.to}::date`);
  const total = Number((await b.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await b.select(['r.id', 'r.record_type', 'e.power', 'e.stage', 'r.occurred_at', 'r.ends_at', 'r.district', 'r.lsoa_code', 'r.subject_name', 'e.subject_age', 'e.subject_age_basis',
    'r.vehicle_vrm', 'r.conduct_category', 'r.issuer_agency', 'r.issuer_rank', 'r.outside_rules', 'r.parent_id', 'r.is_demo'])
    .orderBy('r.occurred_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
  await ctx.tx((t) => t.audit({ action: 'powers.list', recordType: 'power_record', recordId: '*', details: { query: q, returned: rows.length } }));
  return {
    total,
    records: rows.map((r) => ({
      id: r.id, type: r.record_type, power: r.power, stage: r.stage, occurredAt: r.occurred_at.toISOString(), endsAt: r.ends_at?.toISOString() ?? null,
      district: r.district, lsoaCode: r.lsoa_code, subjectName: r.subject_name, ageAtEvent: r.subject_age, ageBasis: r.subject_age_basis, vehicleVrm: r.vehicle_vrm,
      conductCategory: r.conduct_category, issuerAgency: r.issuer_agency, issuerRank: r.issuer_rank, outsideRules: r.outside_rules, parentId: r.parent_id, demo: r.is_demo,
    })),
  };
}

export interface RecordDetail extends PowerRecordView {
  deadlines: { kind: string; what: string; due: string; at: string | null; legalSource: string | null; superseded: boolean }[];
  tasks: { id: number; kind: string; due: string; status: string; letterSentOn: string | null; visitMadeOn: string | null; outcome: string | null }[];
  parent: RecordSummaryLink | null;
  followUps: RecordSummaryLink[];
}
interface RecordSummaryLink { id: number; type: string; occurredAt: string; outsideRules: boolean }

/** One record with its deadlines, tasks, the record it follows and the acts that follow it (audited view). */
export async function showRecord(ctx: ServiceContext, id: number): Promise<RecordDetail> {
  allow(ctx, 'powers.read');
  return ctx.tx(async (t) => {
    const r = await recordInScope(t.db, t.scope, id);
    const view = await viewOf(t, r);
    const deadlines = await t.db.selectFrom('power_deadline').selectAll().where('record_id', '=', id).orderBy('due_on').orderBy('id').execute();
    const tasks = await t.db.selectFrom('power_task').selectAll().where('record_id', '=', id).orderBy('id').execute();
    const link = (x: { id: number; record_type: string; occurred_at: Date; outside_rules: boolean }) => ({ id: x.id, type: x.record_type, occurredAt: x.occurred_at.toISOString(), outsideRules: x.outside_rules });
    const parent = r.parent_id ? await t.db.selectFrom('power_record').select(['id', 'record_type', 'occurred_at', 'outside_rules']).where('id', '=', r.parent_id).executeTakeFirst() : undefined;
    const follow = await t.db.selectFrom('power_record').select(['id', 'record_type', 'occurred_at', 'outside_rules']).where('parent_id', '=', id).orderBy('occurred_at').execute();
    await t.audit({ action: 'powers.view', recordType: 'power_record', recordId: String(id), details: { type: r.record_type, personId: r.person_id } });
    return {
      ...view,
      deadlines: deadlines.map((d) => ({ kind: d.kind, what: d.what, due: d.due_on, at: d.due_at?.toISOString() ?? null, legalSource: d.legal_source, superseded: d.superseded })),
      tasks: tasks.map((k) => ({ id: k.id, kind: k.kind, due: k.due_on, status: k.status, letterSentOn: k.letter_sent_on, visitMadeOn: k.visit_made_on, outcome: k.outcome })),
      parent: parent ? link(parent) : null,
      followUps: follow.map(link),
    };
  });
}

/** Subject access (HubModule.subjectAccess): every act recorded about a person record, with its event; null when none. */
export async function powersAboutPerson(t: TxContext, personId: number): Promise<Record<string, unknown> | null> {
  const rows = (await t.db.selectFrom('power_record').selectAll().where('person_id', '=', personId).orderBy('occurred_at').execute()) as RecordRow[];
  if (rows.length === 0) return null;
  const records = [];
  for (const r of rows) records.push(await viewOf(t, r));
  return { powers: records };
}
