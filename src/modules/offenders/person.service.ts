/** A person's offender management: memberships, tags, before/after and the case study export. */
import { sql } from 'kysely';
import { loadConfig } from '../../platform/config-store/index.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { londonDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { caseStudyPreview, htmlToPdf, assertPdfAvailable, type CaseStudyPreview } from '../problems/index.js';
import { beforeAfter, beforeAfterWindows, type BeforeAfter } from './before-after.js';
import { buildOffenderCaseStudy, offenderCaseStudyHtml } from './case-study.js';
import { membershipsOf, type Membership } from './cohorts.service.js';
import { assertPerson, can, districtScope } from './offenders.access.js';
import { beforeAfterQuery, caseStudySchema } from './offenders.schema.js';
import { peopleEventSource } from './sources.js';
import { allocationsWhere, type TagAllocation } from './tags.service.js';
import { TAG_TYPE_LABEL } from './tag-rules.js';

export interface PersonOffenderRecord { personId: number; memberships: Membership[]; allocations: TagAllocation[] }

export interface PersonBeforeAfter extends BeforeAfter {
  personId: number;
  anchor: { kind: 'tag'; id: number; label: string; start: string } | { kind: 'cohort'; id: number; label: string; start: string };
  provenance: { source: string; limits: string[]; windowDays: number; windowVersion: string; asOf: string };
}

/** Memberships and tag allocations of one person (an audited view). */
export async function personRecord(ctx: ServiceContext, personId: number): Promise<PersonOffenderRecord> {
  can(ctx, 'offenders.read');
  return ctx.tx(async (t) => {
    await assertPerson(ctx, t.db, personId, 'id');
    const memberships = await membershipsOf(ctx, t.db, personId);
    const allocations = await allocationsWhere(t.db, sql`a.person_id = ${personId} and ${districtScope(ctx, sql`t.district`)}`);
    await t.audit({ action: 'view', recordType: 'person', recordId: String(personId), purpose: 'offender management', details: { memberships: memberships.length, allocations: allocations.length } });
    return { personId, memberships, allocations };
  });
}

async function compute(ctx: ServiceContext, personId: number, q: { allocation?: number; membership?: number; windowDays?: number; asOf?: string }): Promise<PersonBeforeAfter & { record: PersonOffenderRecord }> {
  const record = await personRecord(ctx, personId);
  const asOf = q.asOf ?? londonDate(ctx.now());
  let anchor: PersonBeforeAfter['anchor'];
  if (q.allocation !== undefined) {
    const a = record.allocations.find((x) => x.id === q.allocation);
    if (!a) throw new AppError('not_found', `No tag allocation ${q.allocation} of person ${personId}`);
    anchor = { kind: 'tag', id: a.id, label: `${TAG_TYPE_LABEL[a.tagType]} tag ${a.serial} (${a.funder}) from ${a.allocatedOn}`, start: a.allocatedOn };
  } else {
    const m = record.memberships.find((x) => x.id === q.membership);
    if (!m) throw new AppError('not_found', `No cohort membership ${q.membership} of person ${personId}`);
    anchor = { kind: 'cohort', id: m.id, label: `${m.cohortName} (${m.cohortType}) from ${m.selectedOn}`, start: m.selectedOn };
  }
  const setting = (await loadConfig(ctx.db)).valueAt('offenders.before_after_window_days', anchor.start);
  const days = q.windowDays ?? (setting.value as number);
  const windows = beforeAfterWindows(anchor.start, days, asOf);
  const source = peopleEventSource(ctx.db, ctx.scope);
  const events = windows.after.days > 0 ? await source.eventsOf(personId, windows.before.from, windows.after.to) : [];
  return {
    personId, anchor, ...beforeAfter(events, windows), record,
    provenance: { source: source.name, limits: source.limits, windowDays: days, windowVersion: q.windowDays === undefined ? setting.versionId : 'given', asOf },
  };
}

export async function personBeforeAfter(ctx: ServiceContext, personId: number, query: unknown): Promise<PersonBeforeAfter> {
  const q = parseOrThrow(beforeAfterQuery, query);
  const { record: _r, ...out } = await compute(ctx, personId, {
    ...(q.allocation ? { allocation: Number(q.allocation) } : {}), ...(q.membership ? { membership: Number(q.membership) } : {}),
    ...(q.windowDays ? { windowDays: Number(q.windowDays) } : {}), ...(q.asOf ? { asOf: q.asOf } : {}),
  });
  if (out.provenance.windowDays < 1) throw new AppError('validation', 'windowDays: must be at least 1');
  return out;
}

/** Names that must not appear in a case study: the person (with aliases) replaced by the pseudonym; carers and staff removed. */
async function namesOf(ctx: ServiceContext, personId: number, record: PersonOffenderRecord) {
  const own = await sql<{ n: string }>`
    select unnest(array[given_name, family_name, given_name || ' ' || family_name]) as n from person where id = ${personId}
    union select unnest(array[given_name, family_name, given_name || ' ' || family_name]) from person_alias where person_id = ${personId}`.execute(ctx.db);
  const staff = await sql<{ n: string }>`select coalesce(display_name, username) as n from app_user where id in (${sql.join([0, ...record.memberships.flatMap((m) => (m.leadOfficer ? [m.leadOfficer.id] : []))])})`.execute(ctx.db);
  const others = [
    ...record.allocations.flatMap((a) => (a.consent.parentOrCarerName ? [a.consent.parentOrCarerName] : [])),
    ...staff.rows.map((r) => r.n),
  ];
  return { own: own.rows.map((r) => r.n).filter(Boolean), others: others.filter(Boolean) };
}

/** The case study in the shape of the report's "Chloe" study: HTML, PDF, or the preview with each replacement marked. */
export async function caseStudy(ctx: ServiceContext, personId: number, input: unknown): Promise<{ format: 'html'; html: string } | { format: 'pdf'; pdf: Uint8Array } | { format: 'preview'; preview: CaseStudyPreview }> {
  can(ctx, 'offenders.export');
  const v = parseOrThrow(caseStudySchema, input);
  if (v.format === 'pdf') assertPdfAvailable();
  const ba = await compute(ctx, personId, { ...(v.allocation ? { allocation: v.allocation } : {}), ...(v.membership ? { membership: v.membership } : {}), ...(v.windowDays ? { windowDays: v.windowDays } : {}) });
  const names = await namesOf(ctx, personId, ba.record);
  if (names.own.some((n) => n.toLowerCase() === v.pseudonym.toLowerCase())) throw new AppError('validation', 'pseudonym: must not be one of the person\'s own names');
  const person = await ctx.db.selectFrom('person').select('date_of_birth').where('id', '=', personId).executeTakeFirstOrThrow();
  const allocation = ba.anchor.kind === 'tag' ? ba.record.allocations.find((a) => a.id === ba.anchor.id) ?? null : null;
  const cs = buildOffenderCaseStudy({ ...v, dateOfBirth: person.date_of_birth, allocation, anchor: ba.anchor, beforeAfter: ba, limits: ba.provenance.limits }, names);
  await ctx.tx((t) => t.audit({ action: v.format === 'preview' ? 'view' : 'export', recordType: 'person', recordId: String(personId), purpose: 'offender case study', details: { format: v.format, anchor: ba.anchor.kind, anchorId: ba.anchor.id, remaining: cs.check.remaining } }));
  if (v.format === 'preview') return { format: 'preview', preview: caseStudyPreview(cs.study) };
  if (cs.check.remaining > 0) throw new AppError('conflict', `The redaction check found ${cs.check.remaining} name(s) still in the text: not exported`);
  const html = offenderCaseStudyHtml(cs.study, { generatedAt: ctx.now().toISOString() });
  return v.format === 'pdf' ? { format: 'pdf', pdf: await htmlToPdf(html) } : { format: 'html', html };
}
