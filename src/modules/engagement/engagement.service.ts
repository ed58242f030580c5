/** Engagement: campaigns (national or local), events (attendance, partners), public feedback and compliments (consent to publish). */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError, ruleRefused, type Finding } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { londonDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { assertPersonVisible } from '../people/index.js';
import { actorLabel, assertOwnDistrict, can, districtScope, knownDistrict } from './engagement.access.js';
import { campaignFindings, eventFindings, feedbackFindings, type EventKind } from './engagement.rules.js';
import { campaignsQuery, campaignUpdateSchema, consentSchema, eventsQuery, eventUpdateSchema, feedbackQuery, newCampaignSchema, newEventSchema, newFeedbackSchema } from './engagement.schema.js';

export const today = (ctx: ServiceContext) => londonDate(ctx.now());
const refuse = (what: string, f: Finding[]) => {
  if (f.length) throw ruleRefused(`${what}: ${f.map((x) => x.message).join('; ')}`, f);
};
/** Force-wide campaigns (no district) are seen by every reader; the rest by district. */
const campaignScope = (ctx: ServiceContext, alias = 'c') => sql<boolean>`(${sql.ref(`${alias}.district`)} is null or ${districtScope(ctx, sql.ref(`${alias}.district`))})`;
const and = (conds: RawBuilder<boolean>[]) => sql<boolean>`${sql.join(conds, sql` and `)}`;

export interface Campaign {
  id: number; name: string; origin: 'national' | 'local'; district: string | null; channel: string; startsOn: string; endsOn: string | null;
  audience: string | null; description: string | null; reach: number | null; engagements: number | null; figuresSource: string | null; figuresAsOf: string | null;
  events: number; feedback: number;
}
type CampaignRow = { id: number; name: string; origin: 'national' | 'local'; district: string | null; channel: string; starts_on: string; ends_on: string | null; audience: string | null; description: string | null; reach: number | null; engagements: number | null; figures_source: string | null; figures_as_of: string | null; events: number; feedback: number };
const toCampaign = (c: CampaignRow): Campaign => ({
  id: Number(c.id), name: c.name, origin: c.origin, district: c.district, channel: c.channel, startsOn: c.starts_on, endsOn: c.ends_on, audience: c.audience, description: c.description,
  reach: c.reach === null ? null : Number(c.reach), engagements: c.engagements === null ? null : Number(c.engagements), figuresSource: c.figures_source, figuresAsOf: c.figures_as_of,
  events: Number(c.events), feedback: Number(c.feedback),
});

async function campaignsWhere(ctx: ServiceContext, db: Db, where: RawBuilder<boolean>): Promise<Campaign[]> {
  const r = await sql<CampaignRow>`
    select c.id, c.name, c.origin, c.district, c.channel, c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.audience, c.description, c.reach, c.engagements,
      c.figures_source, c.figures_as_of::text as figures_as_of,
      (select count(*)::int from engagement_event e where e.campaign_id = c.id and ${districtScope(ctx, sql`e.district`)}) as events,
      (select count(*)::int from engagement_feedback f where f.campaign_id = c.id and ${districtScope(ctx, sql`f.district`)}) as feedback
    from engagement_campaign c where ${campaignScope(ctx)} and ${where}
    order by c.starts_on desc, c.id desc`.execute(db);
  return r.rows.map(toCampaign);
}

export async function listCampaigns(ctx: ServiceContext, query: unknown = {}): Promise<Campaign[]> {
  can(ctx, 'engagement.read');
  const q = parseOrThrow(campaignsQuery, query);
  const conds = [sql<boolean>`true`];
  if (q.from) conds.push(sql<boolean>`(c.ends_on is null or c.ends_on >= ${q.from})`);
  if (q.to) conds.push(sql<boolean>`c.starts_on <= ${q.to}`);
  if (q.origin) conds.push(sql<boolean>`c.origin = ${q.origin}`);
  if (q.district) conds.push(sql<boolean>`(c.district is null or lower(c.district) = ${q.district.toLowerCase()})`);
  return campaignsWhere(ctx, ctx.db, and(conds));
}

export interface CampaignDetail extends Campaign { eventList: EventSummary[]; feedbackList: FeedbackSummary[] }

export async function getCampaign(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<CampaignDetail> {
  can(ctx, 'engagement.read');
  const c = (await campaignsWhere(ctx, db, sql<boolean>`c.id = ${id}`))[0];
  if (!c) throw new AppError('not_found', `No campaign ${id} in your districts`);
  return { ...c, eventList: await eventsWhere(ctx, db, sql<boolean>`e.campaign_id = ${id}`), feedbackList: await feedbackWhere(ctx, db, sql<boolean>`f.campaign_id = ${id}`) };
}

export async function createCampaign(ctx: ServiceContext, input: unknown): Promise<CampaignDetail> {
  can(ctx, 'engagement.write');
  const v = parseOrThrow(newCampaignSchema, input);
  const district = v.district === undefined ? null : await knownDistrict(ctx.db, v.district);
  if (district === null) can(ctx, 'engagement.manage');
  else assertOwnDistrict(ctx, district);
  if (district === null && ctx.scope.kind !== 'all' && ctx.actor.kind === 'user' && ctx.actor.principal.role !== 'supervisor') throw new AppError('forbidden', 'district: only supervisors and admins record force-wide campaigns');
  const facts = { origin: v.origin, district, startsOn: v.startsOn, endsOn: v.endsOn ?? null, reach: v.reach ?? null, engagements: v.engagements ?? null, figuresSource: v.figuresSource ?? null, figuresAsOf: v.figuresAsOf ?? null };
  refuse('The campaign cannot be recorded', campaignFindings(facts));
  const id = await ctx.tx(async (t) => {
    const r = await t.db.insertInto('engagement_campaign').values({
      name: v.name, origin: v.origin, district, channel: v.channel, starts_on: v.startsOn, ends_on: facts.endsOn, audience: v.audience ?? null, description: v.description ?? null,
      reach: facts.reach, engagements: facts.engagements, figures_source: facts.figuresSource, figures_as_of: facts.figuresAsOf, created_by: actorLabel(ctx),
    }).returning('id').executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'engagement_campaign', recordId: String(r.id), details: { name: v.name, origin: v.origin, district } });
    return Number(r.id);
  });
  return getCampaign(ctx, id);
}

/** Updates the figures (with their source and day), the end date, audience, channel or description. */
export async function updateCampaign(ctx: ServiceContext, id: number, input: unknown): Promise<CampaignDetail> {
  can(ctx, 'engagement.write');
  const v = parseOrThrow(campaignUpdateSchema, input);
  await ctx.tx(async (t) => {
    const c = await getCampaign(ctx, id, t.db);
    if (c.district === null) can(ctx, 'engagement.manage');
    else assertOwnDistrict(ctx, c.district);
    const next = {
      origin: c.origin, district: c.district, startsOn: c.startsOn,
      endsOn: v.endsOn !== undefined ? v.endsOn : c.endsOn, reach: v.reach !== undefined ? v.reach : c.reach, engagements: v.engagements !== undefined ? v.engagements : c.engagements,
      figuresSource: v.figuresSource !== undefined ? v.figuresSource : c.figuresSource, figuresAsOf: v.figuresAsOf !== undefined ? v.figuresAsOf : c.figuresAsOf,
    };
    refuse('The campaign cannot be changed', campaignFindings(next));
    await t.db.updateTable('engagement_campaign').set({
      ends_on: next.endsOn, reach: next.reach, engagements: next.engagements, figures_source: next.figuresSource, figures_as_of: next.figuresAsOf,
      ...(v.audience !== undefined ? { audience: v.audience } : {}), ...(v.description !== undefined ? { description: v.description } : {}), ...(v.channel !== undefined ? { channel: v.channel } : {}),
      updated_at: new Date(),
    }).where('id', '=', id).execute();
    await t.audit({ action: 'update', recordType: 'engagement_campaign', recordId: String(id), details: { before: { reach: c.reach, engagements: c.engagements, endsOn: c.endsOn }, changes: v } });
  });
  return getCampaign(ctx, id);
}

export interface EventSummary {
  id: number; title: string; kind: EventKind; district: string; heldOn: string; venue: string | null; attendance: number | null;
  campaignId: number | null; campaign: string | null; partners: { id: number; name: string }[]; otherPartners: string | null; description: string | null;
}
type EventRow = { id: number; title: string; kind: EventKind; district: string; held_on: string; venue: string | null; attendance: number | null; campaign_id: number | null; campaign: string | null; partners: { id: number; name: string }[] | null; other_partners: string | null; description: string | null };

async function eventsWhere(ctx: ServiceContext, db: Db, where: RawBuilder<boolean>): Promise<EventSummary[]> {
  const r = await sql<EventRow>`
    select e.id, e.title, e.kind, e.district, e.held_on::text as held_on, e.venue, e.attendance, e.campaign_id, c.name as campaign, e.other_partners, e.description,
      (select json_agg(json_build_object('id', a.id, 'name', a.name) order by a.name) from engagement_event_partner p join partner_agency a on a.id = p.agency_id where p.event_id = e.id) as partners
    from engagement_event e left join engagement_campaign c on c.id = e.campaign_id
    where ${districtScope(ctx, sql`e.district`)} and ${where}
    order by e.held_on desc, e.id desc`.execute(db);
  return r.rows.map((e) => ({
    id: Number(e.id), title: e.title, kind: e.kind, district: e.district, heldOn: e.held_on, venue: e.venue, attendance: e.attendance === null ? null : Number(e.attendance),
    campaignId: e.campaign_id === null ? null : Number(e.campaign_id), campaign: e.campaign, partners: (e.partners ?? []).map((p) => ({ id: Number(p.id), name: p.name })),
    otherPartners: e.other_partners, description: e.description,
  }));
}

export async function listEvents(ctx: ServiceContext, query: unknown = {}): Promise<EventSummary[]> {
  can(ctx, 'engagement.read');
  const q = parseOrThrow(eventsQuery, query);
  const conds = [sql<boolean>`true`];
  if (q.from) conds.push(sql<boolean>`e.held_on >= ${q.from}`);
  if (q.to) conds.push(sql<boolean>`e.held_on <= ${q.to}`);
  if (q.district) conds.push(sql<boolean>`lower(e.district) = ${q.district.toLowerCase()}`);
  if (q.kind) conds.push(sql<boolean>`e.kind = ${q.kind}`);
  if (q.campaign) conds.push(sql<boolean>`e.campaign_id = ${Number(q.campaign)}`);
  return eventsWhere(ctx, ctx.db, and(conds));
}

export interface EventDetail extends EventSummary { feedbackList: FeedbackSummary[] }

export async function getEvent(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<EventDetail> {
  can(ctx, 'engagement.read');
  const e = (await eventsWhere(ctx, db, sql<boolean>`e.id = ${id}`))[0];
  if (!e) throw new AppError('not_found', `No event ${id} in your districts`);
  return { ...e, feedbackList: await feedbackWhere(ctx, db, sql<boolean>`f.event_id = ${id}`) };
}

async function checkPartners(db: Db, ids: readonly number[] | undefined) {
  for (const [i, id] of (ids ?? []).entries()) {
    if ((ids ?? []).indexOf(id) !== i) throw new AppError('validation', `partnerIds.${i}: partner agency ${id} is named twice`);
    if (!(await db.selectFrom('partner_agency').select('id').where('id', '=', id).executeTakeFirst())) throw new AppError('validation', `partnerIds.${i}: no partner agency ${id}`);
  }
}

async function checkCampaign(ctx: ServiceContext, db: Db, id: number | undefined, field = 'campaignId') {
  if (id === undefined) return;
  if (!(await db.selectFrom('engagement_campaign as c').select('c.id').where('c.id', '=', id).where(campaignScope(ctx)).executeTakeFirst())) throw new AppError('validation', `${field}: no campaign ${id} in your districts`);
}

export async function createEvent(ctx: ServiceContext, input: unknown): Promise<EventDetail> {
  can(ctx, 'engagement.write');
  const v = parseOrThrow(newEventSchema, input);
  const district = await knownDistrict(ctx.db, v.district);
  assertOwnDistrict(ctx, district);
  refuse('The event cannot be recorded', eventFindings({ heldOn: v.heldOn, attendance: v.attendance ?? null }, today(ctx)));
  const id = await ctx.tx(async (t) => {
    await checkCampaign(ctx, t.db, v.campaignId);
    await checkPartners(t.db, v.partnerIds);
    const r = await t.db.insertInto('engagement_event').values({
      title: v.title, kind: v.kind, district, held_on: v.heldOn, venue: v.venue ?? null, attendance: v.attendance ?? null, campaign_id: v.campaignId ?? null,
      other_partners: v.otherPartners ?? null, description: v.description ?? null, created_by: actorLabel(ctx),
    }).returning('id').executeTakeFirstOrThrow();
    for (const agency of v.partnerIds ?? []) await t.db.insertInto('engagement_event_partner').values({ event_id: Number(r.id), agency_id: agency }).execute();
    await t.audit({ action: 'create', recordType: 'engagement_event', recordId: String(r.id), details: { title: v.title, kind: v.kind, district, heldOn: v.heldOn } });
    return Number(r.id);
  });
  return getEvent(ctx, id);
}

/** Records the attendance (on or after the day), the partners, the venue or a description. */
export async function updateEvent(ctx: ServiceContext, id: number, input: unknown): Promise<EventDetail> {
  can(ctx, 'engagement.write');
  const v = parseOrThrow(eventUpdateSchema, input);
  await ctx.tx(async (t) => {
    const e = await getEvent(ctx, id, t.db);
    assertOwnDistrict(ctx, e.district);
    const attendance = v.attendance !== undefined ? v.attendance : e.attendance;
    refuse('The event cannot be changed', eventFindings({ heldOn: e.heldOn, attendance }, today(ctx)));
    await checkPartners(t.db, v.partnerIds);
    await t.db.updateTable('engagement_event').set({
      attendance, ...(v.otherPartners !== undefined ? { other_partners: v.otherPartners } : {}), ...(v.description !== undefined ? { description: v.description } : {}),
      ...(v.venue !== undefined ? { venue: v.venue } : {}), updated_at: new Date(),
    }).where('id', '=', id).execute();
    if (v.partnerIds !== undefined) {
      await t.db.deleteFrom('engagement_event_partner').where('event_id', '=', id).execute();
      for (const agency of v.partnerIds) await t.db.insertInto('engagement_event_partner').values({ event_id: id, agency_id: agency }).execute();
    }
    await t.audit({ action: 'update', recordType: 'engagement_event', recordId: String(id), details: { before: { attendance: e.attendance, partners: e.partners.map((p) => p.id) }, changes: v } });
  });
  return getEvent(ctx, id);
}

export interface FeedbackSummary {
  id: number; kind: 'compliment' | 'feedback'; receivedOn: string; district: string; eventId: number | null; campaignId: number | null;
  quote: string; attribution: string | null; consentToPublish: boolean; consentRecordedOn: string | null; consentHow: string | null;
}
type FeedbackRow = { id: number; kind: 'compliment' | 'feedback'; received_on: string; district: string; event_id: number | null; campaign_id: number | null; quote: string; attribution: string | null; consent_to_publish: boolean; consent_recorded_on: string | null; consent_how: string | null; from_name: string | null; person_id: number | null };
const toFeedback = (f: FeedbackRow): FeedbackSummary => ({
  id: Number(f.id), kind: f.kind, receivedOn: f.received_on, district: f.district, eventId: f.event_id === null ? null : Number(f.event_id), campaignId: f.campaign_id === null ? null : Number(f.campaign_id),
  quote: f.quote, attribution: f.attribution, consentToPublish: f.consent_to_publish, consentRecordedOn: f.consent_recorded_on, consentHow: f.consent_how,
});

async function feedbackRows(ctx: ServiceContext, db: Db, where: RawBuilder<boolean>): Promise<FeedbackRow[]> {
  return (await sql<FeedbackRow>`
    select f.id, f.kind, f.received_on::text as received_on, f.district, f.event_id, f.campaign_id, f.quote, f.attribution, f.consent_to_publish,
      f.consent_recorded_on::text as consent_recorded_on, f.consent_how, f.from_name, f.person_id
    from engagement_feedback f where ${districtScope(ctx, sql`f.district`)} and ${where}
    order by f.received_on desc, f.id desc`.execute(db)).rows;
}
const feedbackWhere = async (ctx: ServiceContext, db: Db, where: RawBuilder<boolean>) => (await feedbackRows(ctx, db, where)).map(toFeedback);

/** Feedback and compliments in your districts (without the names of who gave them: see one record for that). */
export async function listFeedback(ctx: ServiceContext, query: unknown = {}): Promise<FeedbackSummary[]> {
  can(ctx, 'engagement.read');
  const q = parseOrThrow(feedbackQuery, query);
  const conds = [sql<boolean>`true`];
  if (q.from) conds.push(sql<boolean>`f.received_on >= ${q.from}`);
  if (q.to) conds.push(sql<boolean>`f.received_on <= ${q.to}`);
  if (q.district) conds.push(sql<boolean>`lower(f.district) = ${q.district.toLowerCase()}`);
  if (q.kind) conds.push(sql<boolean>`f.kind = ${q.kind}`);
  if (q.publishable === 'true') conds.push(sql<boolean>`f.consent_to_publish`);
  if (q.publishable === 'false') conds.push(sql<boolean>`not f.consent_to_publish`);
  return feedbackWhere(ctx, ctx.db, and(conds));
}

export interface FeedbackDetail extends FeedbackSummary { fromName: string | null; personId: number | null; event: string | null; campaign: string | null }

/** One piece of feedback with the name of who gave it (audited view). */
export async function getFeedback(ctx: ServiceContext, id: number): Promise<FeedbackDetail> {
  can(ctx, 'engagement.read');
  return ctx.tx(async (t) => {
    const f = (await feedbackRows(ctx, t.db, sql<boolean>`f.id = ${id}`))[0];
    if (!f) throw new AppError('not_found', `No feedback ${id} in your districts`);
    const names = await sql<{ event: string | null; campaign: string | null }>`select (select title from engagement_event where id = ${f.event_id}) as event, (select name from engagement_campaign where id = ${f.campaign_id}) as campaign`.execute(t.db);
    await t.audit({ action: 'view', recordType: 'engagement_feedback', recordId: String(id), details: { named: f.from_name !== null } });
    return { ...toFeedback(f), fromName: f.from_name, personId: f.person_id === null ? null : Number(f.person_id), event: names.rows[0]?.event ?? null, campaign: names.rows[0]?.campaign ?? null };
  });
}

export async function createFeedback(ctx: ServiceContext, input: unknown): Promise<FeedbackDetail> {
  can(ctx, 'engagement.write');
  const v = parseOrThrow(newFeedbackSchema, input);
  const district = await knownDistrict(ctx.db, v.district);
  assertOwnDistrict(ctx, district);
  const consent = { toPublish: v.consent.toPublish, recordedOn: v.consent.recordedOn ?? null, how: v.consent.how ?? null };
  refuse('The feedback cannot be recorded', feedbackFindings({ receivedOn: v.receivedOn, consent }, today(ctx)));
  const id = await ctx.tx(async (t) => {
    if (v.eventId !== undefined && !(await t.db.selectFrom('engagement_event').select('id').where('id', '=', v.eventId).where(districtScope(ctx, sql`district`)).executeTakeFirst())) throw new AppError('validation', `eventId: no event ${v.eventId} in your districts`);
    await checkCampaign(ctx, t.db, v.campaignId);
    if (v.personId !== undefined) await assertPerson(ctx, t.db, v.personId);
    const r = await t.db.insertInto('engagement_feedback').values({
      kind: v.kind, received_on: v.receivedOn, district, event_id: v.eventId ?? null, campaign_id: v.campaignId ?? null, from_name: v.fromName ?? null, attribution: v.attribution ?? null,
      person_id: v.personId ?? null, quote: v.quote, consent_to_publish: consent.toPublish, consent_recorded_on: consent.recordedOn, consent_how: consent.how, created_by: actorLabel(ctx),
    }).returning('id').executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'engagement_feedback', recordId: String(r.id), details: { kind: v.kind, district, receivedOn: v.receivedOn, consentToPublish: consent.toPublish } });
    return Number(r.id);
  });
  return getFeedback(ctx, id);
}

/** Records consent to publish given, or withdrawn (a withdrawal keeps the quote out of every later report). */
export async function setConsent(ctx: ServiceContext, id: number, input: unknown): Promise<FeedbackDetail> {
  can(ctx, 'engagement.write');
  const v = parseOrThrow(consentSchema, input);
  await ctx.tx(async (t) => {
    const f = (await feedbackRows(ctx, t.db, sql<boolean>`f.id = ${id}`))[0];
    if (!f) throw new AppError('not_found', `No feedback ${id} in your districts`);
    assertOwnDistrict(ctx, f.district);
    const consent = { toPublish: v.toPublish, recordedOn: v.recordedOn ?? null, how: v.how ?? null };
    const findings = feedbackFindings({ receivedOn: f.received_on, consent }, today(ctx));
    if (!v.toPublish && (!consent.recordedOn || !consent.how)) findings.push({ rule: 'engagement.withdrawal_recorded', field: 'consent', message: 'a withdrawal of consent needs the day and how it was withdrawn' });
    refuse('The consent cannot be recorded', findings);
    await t.db.updateTable('engagement_feedback').set({ consent_to_publish: consent.toPublish, consent_recorded_on: consent.recordedOn, consent_how: consent.how, updated_at: new Date() }).where('id', '=', id).execute();
    await t.audit({ action: 'update', recordType: 'engagement_feedback', recordId: String(id), details: { consent: { before: f.consent_to_publish, after: consent.toPublish, recordedOn: consent.recordedOn, how: consent.how } } });
  });
  return getFeedback(ctx, id);
}

async function assertPerson(ctx: ServiceContext, db: Db, personId: number): Promise<void> {
  const p = await db.selectFrom('person').select(['id', 'merged_into']).where('id', '=', personId).executeTakeFirst();
  if (!p) throw new AppError('validation', `personId: no person ${personId}`);
  if (p.merged_into !== null) throw new AppError('conflict', `personId: person ${personId} was merged into ${p.merged_into}; use that record`);
  if (ctx.actor.kind === 'user') {
    try {
      await assertPersonVisible(db, ctx.actor.principal, personId);
    } catch {
      throw new AppError('validation', `personId: no person ${personId} in your scope`);
    }
  }
}
