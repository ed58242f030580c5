/** The tag inventory: tags, allocations to people with consent and eligibility, alerts and notes, return. No location tracks. */
import { sql } from 'kysely';
import { loadConfig } from '../../platform/config-store/index.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, ruleRefused } from '../../platform/errors.js';
import { enforce } from '../../platform/lifecycle/lifecycle.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { ageOn, londonDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { actorLabel } from './cohorts.service.js';
import { assertOwnDistrict, assertPerson, can, districtScope, knownDistrict, personName } from './offenders.access.js';
import { allocateSchema, listTagsQuery, newTagSchema, returnSchema, tagEventSchema, tagStatusSchema } from './offenders.schema.js';
import { ageLimitOf, tagLifecycle, type AllocationContext, type TagStatus, type TagType } from './tag-rules.js';

export interface TagAllocation {
  id: number; tagId: number; serial: string; tagType: TagType; personId: number; personName: string; allocatedOn: string; monitoringUntil: string | null;
  endedOn: string | null; endReason: string | null; consent: { subject: boolean; parentOrCarer: boolean; parentOrCarerName: string | null };
  ageAtAllocation: number | null; funder: string; eligibilityVersion: string | null; allocatedBy: string;
  events: { id: number; kind: 'alert' | 'note'; occurredOn: string; text: string; recordedBy: string }[];
}
export interface TagSummary {
  id: number; serial: string; type: TagType; funder: string; status: TagStatus; district: string; note: string | null;
  current: { allocationId: number; personId: number; personName: string; allocatedOn: string; monitoringUntil: string | null } | null;
}
export interface TagDetail extends TagSummary { allocations: TagAllocation[] }

const today = (ctx: ServiceContext) => londonDate(ctx.now());
const wording = { refused: (f: { message: string }[]) => `The tag cannot be allocated: ${f.map((x) => x.message).join('; ')}` };

export async function listTags(ctx: ServiceContext, query: unknown = {}): Promise<TagSummary[]> {
  can(ctx, 'offenders.read');
  const q = parseOrThrow(listTagsQuery, query);
  const r = await sql<{ id: number; serial: string; tag_type: TagType; funder: string; status: TagStatus; district: string; note: string | null; allocation_id: number | null; person_id: number | null; person_name: string | null; allocated_on: string | null; monitoring_until: string | null }>`
    select t.id, t.serial, t.tag_type, t.funder, t.status, t.district, t.note, a.id as allocation_id, a.person_id, a.allocated_on, a.monitoring_until,
      (select p.given_name || ' ' || p.family_name from person p where p.id = a.person_id) as person_name
    from offender_tag t left join offender_tag_allocation a on a.tag_id = t.id and a.ended_on is null
    where ${districtScope(ctx, sql`t.district`)}
      ${q.status ? sql`and t.status = ${q.status}` : sql``} ${q.funder ? sql`and lower(t.funder) = ${q.funder.toLowerCase()}` : sql``}
      ${q.district ? sql`and lower(t.district) = ${q.district.toLowerCase()}` : sql``}
    order by t.funder, t.serial`.execute(ctx.db);
  if (r.rows.some((x) => x.person_id !== null)) {
    await ctx.tx((t) => t.audit({ action: 'view', recordType: 'offender_tag', recordId: 'list', details: { peopleShown: r.rows.filter((x) => x.person_id !== null).length } }));
  }
  return r.rows.map((t) => ({
    id: Number(t.id), serial: t.serial, type: t.tag_type, funder: t.funder, status: t.status, district: t.district, note: t.note,
    current: t.allocation_id === null ? null : { allocationId: Number(t.allocation_id), personId: Number(t.person_id), personName: t.person_name ?? '', allocatedOn: t.allocated_on!, monitoringUntil: t.monitoring_until },
  }));
}

export async function createTag(ctx: ServiceContext, input: unknown): Promise<TagDetail> {
  can(ctx, 'offenders.manage');
  const v = parseOrThrow(newTagSchema, input);
  const district = await knownDistrict(ctx.db, v.district);
  assertOwnDistrict(ctx, district);
  const funders = (await loadConfig(ctx.db)).valueAt('offenders.tag_funders', today(ctx)).value as string[];
  const funder = funders.find((f) => f.toLowerCase() === v.funder.toLowerCase());
  if (!funder) throw new AppError('validation', `funder: '${v.funder}' is not a tag funder (one of: ${funders.join(', ')})`);
  const id = await ctx.tx(async (t) => {
    const clash = await t.db.selectFrom('offender_tag').select('id').where(sql<boolean>`lower(serial) = ${v.serial.toLowerCase()}`).executeTakeFirst();
    if (clash) throw new AppError('conflict', `serial: a tag with serial ${v.serial} is already in the inventory (tag ${clash.id})`);
    const r = await t.db.insertInto('offender_tag').values({ serial: v.serial, tag_type: v.type, funder, district, note: v.note ?? null, created_by: actorLabel(ctx) }).returning('id').executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'offender_tag', recordId: String(r.id), details: { serial: v.serial, type: v.type, funder, district } });
    return Number(r.id);
  });
  return getTag(ctx, id, { audit: false });
}

async function tagRow(db: Db, ctx: ServiceContext, id: number, lock = false) {
  let q = db.selectFrom('offender_tag').selectAll().where('id', '=', id).where(districtScope(ctx, sql`district`));
  if (lock) q = q.forUpdate();
  const t = await q.executeTakeFirst();
  if (!t) throw new AppError('not_found', `No tag ${id}`);
  return t;
}

type AllocRow = {
  id: number; tag_id: number; serial: string; tag_type: TagType; person_id: number; person_name: string; allocated_on: string; monitoring_until: string | null;
  ended_on: string | null; end_reason: string | null; consent_subject: boolean; consent_parent_or_carer: boolean; parent_or_carer_name: string | null;
  age_at_allocation: number | null; funder: string; eligibility_version: string | null; allocated_by: string;
};

/** Allocations (with alerts and notes) matching `where`, newest first. */
export async function allocationsWhere(db: Db, where: ReturnType<typeof sql>): Promise<TagAllocation[]> {
  const rows = (await sql<AllocRow>`select a.*, t.serial, t.tag_type, ${personName} as person_name from offender_tag_allocation a join offender_tag t on t.id = a.tag_id where ${where} order by a.allocated_on desc, a.id desc`.execute(db)).rows;
  const ids = rows.map((r) => Number(r.id));
  const events = ids.length ? await db.selectFrom('offender_tag_event').selectAll().where('allocation_id', 'in', ids).orderBy('occurred_on').orderBy('id').execute() : [];
  return rows.map((a) => ({
    id: Number(a.id), tagId: Number(a.tag_id), serial: a.serial, tagType: a.tag_type, personId: Number(a.person_id), personName: a.person_name,
    allocatedOn: a.allocated_on, monitoringUntil: a.monitoring_until, endedOn: a.ended_on, endReason: a.end_reason,
    consent: { subject: a.consent_subject, parentOrCarer: a.consent_parent_or_carer, parentOrCarerName: a.parent_or_carer_name },
    ageAtAllocation: a.age_at_allocation, funder: a.funder, eligibilityVersion: a.eligibility_version, allocatedBy: a.allocated_by,
    events: events.filter((e) => Number(e.allocation_id) === Number(a.id)).map((e) => ({ id: Number(e.id), kind: e.kind, occurredOn: e.occurred_on, text: e.text, recordedBy: e.recorded_by })),
  }));
}

/** One tag with every allocation (a view of the people who wore it: audited). */
export async function getTag(ctx: ServiceContext, id: number, opts: { audit?: boolean } = {}): Promise<TagDetail> {
  can(ctx, 'offenders.read');
  return ctx.tx(async (t) => {
    const tag = await tagRow(t.db, ctx, id);
    const allocations = await allocationsWhere(t.db, sql`a.tag_id = ${id}`);
    if (opts.audit !== false && allocations.length > 0) await t.audit({ action: 'view', recordType: 'offender_tag', recordId: String(id), details: { allocations: allocations.length } });
    const open = allocations.find((a) => a.endedOn === null);
    return {
      id: Number(tag.id), serial: tag.serial, type: tag.tag_type, funder: tag.funder, status: tag.status, district: tag.district, note: tag.note,
      current: open ? { allocationId: open.id, personId: open.personId, personName: open.personName, allocatedOn: open.allocatedOn, monitoringUntil: open.monitoringUntil } : null,
      allocations,
    };
  });
}

/** Allocates an available tag to a person: consent, a child's parent or carer, the funder's age limit; one allocation at a time. */
export async function allocateTag(ctx: ServiceContext, tagId: number, input: unknown): Promise<TagDetail> {
  can(ctx, 'offenders.write');
  const v = parseOrThrow(allocateSchema, input);
  if (v.monitoringUntil !== undefined && v.monitoringUntil < v.allocatedOn) throw new AppError('validation', 'monitoringUntil: must not be before allocatedOn');
  if (v.allocatedOn > today(ctx)) throw new AppError('validation', 'allocatedOn: must not be in the future');
  const config = await loadConfig(ctx.db);
  await ctx.tx(async (t) => {
    const tag = await tagRow(t.db, ctx, tagId, true);
    await assertPerson(ctx, t.db, v.personId);
    const person = await t.db.selectFrom('person').select('date_of_birth').where('id', '=', v.personId).executeTakeFirstOrThrow();
    const current = await t.db.selectFrom('offender_tag_allocation').select(['person_id', 'allocated_on']).where('tag_id', '=', tagId).where('ended_on', 'is', null).execute();
    // Asking again for the allocation the tag already has changes nothing.
    if (current.length === 1 && Number(current[0]!.person_id) === v.personId && current[0]!.allocated_on === v.allocatedOn) return;
    const open = { n: current.length };
    const limits = config.valueAt('offenders.tag_funder_age_limits', v.allocatedOn);
    const limit = ageLimitOf(limits.value, tag.funder);
    const childAge = config.valueAt('offenders.child_under_age_years', v.allocatedOn);
    const rc: AllocationContext = {
      openAllocations: Number(open.n), allocatedOn: v.allocatedOn, dateOfBirth: person.date_of_birth, funder: tag.funder,
      consent: { subject: v.consent.subject, parentOrCarer: v.consent.parentOrCarer, parentOrCarerName: v.consent.parentOrCarerName ?? null },
      childUnderAgeYears: childAge.value as number,
      ageLimit: limit ? { ...limit, versionId: limits.versionId, source: limits.source } : null,
    };
    enforce(tagLifecycle, tag.status, 'allocated', rc, wording);
    if (person.date_of_birth !== null && person.date_of_birth > v.allocatedOn) throw ruleRefused('The allocation date is before the person was born', [{ rule: 'tag.allocated_after_birth', field: 'allocatedOn', message: 'The allocation date is before the person was born' }]);
    const r = await t.db.insertInto('offender_tag_allocation').values({
      tag_id: tagId, person_id: v.personId, allocated_on: v.allocatedOn, monitoring_until: v.monitoringUntil ?? null,
      consent_subject: v.consent.subject, consent_parent_or_carer: v.consent.parentOrCarer, parent_or_carer_name: v.consent.parentOrCarerName ?? null,
      age_at_allocation: person.date_of_birth ? ageOn(person.date_of_birth, v.allocatedOn) : null, funder: tag.funder,
      eligibility_version: limit ? limits.versionId : null, allocated_by: actorLabel(ctx),
    }).returning('id').executeTakeFirstOrThrow();
    await t.db.updateTable('offender_tag').set({ status: 'allocated', updated_at: new Date() }).where('id', '=', tagId).execute();
    await t.audit({ action: 'create', recordType: 'offender_tag_allocation', recordId: String(r.id), details: { tagId, personId: v.personId, allocatedOn: v.allocatedOn, funder: tag.funder, rules: { ageLimit: limit ? limits.versionId : null, childAge: childAge.versionId } } });
  });
  return getTag(ctx, tagId, { audit: false });
}

/** Ends the open allocation: returned, found faulty or lost. */
export async function returnTag(ctx: ServiceContext, tagId: number, input: unknown): Promise<TagDetail> {
  can(ctx, 'offenders.write');
  const v = parseOrThrow(returnSchema, input);
  await ctx.tx(async (t) => {
    const tag = await tagRow(t.db, ctx, tagId, true);
    const open = await t.db.selectFrom('offender_tag_allocation').selectAll().where('tag_id', '=', tagId).where('ended_on', 'is', null).executeTakeFirst();
    if (!open && tag.status === v.to) {
      // Asking again for the return already recorded changes nothing.
      const last = await t.db.selectFrom('offender_tag_allocation').select(['ended_on']).where('tag_id', '=', tagId).orderBy('id', 'desc').executeTakeFirst();
      if (last?.ended_on === v.endedOn) return;
    }
    if (!open || tag.status !== 'allocated') throw new AppError('conflict', `Tag ${tag.serial} is ${tag.status}, not allocated: nothing to return`);
    if (v.endedOn < open.allocated_on) throw new AppError('validation', `endedOn: must not be before the allocation (${open.allocated_on})`);
    if (v.endedOn > today(ctx)) throw new AppError('validation', 'endedOn: must not be in the future');
    enforce(tagLifecycle, tag.status, v.to, undefined as never, wording);
    await t.db.updateTable('offender_tag_allocation').set({ ended_on: v.endedOn, end_reason: v.reason }).where('id', '=', open.id).execute();
    await t.db.updateTable('offender_tag').set({ status: v.to, updated_at: new Date() }).where('id', '=', tagId).execute();
    await t.audit({ action: 'update', recordType: 'offender_tag_allocation', recordId: String(open.id), details: { tagId, endedOn: v.endedOn, to: v.to } });
  });
  return getTag(ctx, tagId, { audit: false });
}

/** Moves a tag that is not allocated (back to available, faulty, lost). Allocation and return have their own routes. */
export async function setTagStatus(ctx: ServiceContext, tagId: number, input: unknown): Promise<TagDetail> {
  can(ctx, 'offenders.manage');
  const v = parseOrThrow(tagStatusSchema, input);
  if (v.to === 'allocated') throw new AppError('validation', 'to: allocate a tag with its allocation (person and consent)');
  await ctx.tx(async (t) => {
    const tag = await tagRow(t.db, ctx, tagId, true);
    if (tag.status === 'allocated') throw new AppError('conflict', `Tag ${tag.serial} is allocated: record its return first`);
    if (tag.status === v.to) return;
    enforce(tagLifecycle, tag.status, v.to, undefined as never, wording);
    await t.db.updateTable('offender_tag').set({ status: v.to, ...(v.note ? { note: v.note } : {}), updated_at: new Date() }).where('id', '=', tagId).execute();
    await t.audit({ action: 'update', recordType: 'offender_tag', recordId: String(tagId), details: { from: tag.status, to: v.to } });
  });
  return getTag(ctx, tagId, { audit: false });
}

/** An alert or note on the tag's current allocation (no locations are stored). */
export async function addTagEvent(ctx: ServiceContext, tagId: number, input: unknown): Promise<TagDetail> {
  can(ctx, 'offenders.write');
  const v = parseOrThrow(tagEventSchema, input);
  await ctx.tx(async (t) => {
    const tag = await tagRow(t.db, ctx, tagId);
    const open = await t.db.selectFrom('offender_tag_allocation').selectAll().where('tag_id', '=', tagId).where('ended_on', 'is', null).executeTakeFirst();
    if (!open) throw new AppError('conflict', `Tag ${tag.serial} is not allocated: alerts and notes belong to an allocation`);
    if (v.occurredOn < open.allocated_on || v.occurredOn > today(ctx)) throw new AppError('validation', `occurredOn: must be within the allocation (${open.allocated_on} to today)`);
    const r = await t.db.insertInto('offender_tag_event').values({ allocation_id: open.id, kind: v.kind, occurred_on: v.occurredOn, text: v.text, recorded_by: actorLabel(ctx) }).returning('id').executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'offender_tag_event', recordId: String(r.id), details: { tagId, allocationId: Number(open.id), kind: v.kind } });
  });
  return getTag(ctx, tagId, { audit: false });
}
