/**
 * ASB complaints and the case review early warning (2014 Act s104). Complaints are recorded in the
 * reader's districts (audited in the same transaction); the early warning applies the local
 * threshold in force on the day checked to the complaints of the reader's districts, per victim
 * (a person record) and per location, and lists who is at or one complaint from the threshold.
 */
import { z } from 'zod';
import { loadConfig } from '../../../platform/config-store/index.js';
import { AppError } from '../../../platform/errors.js';
import type { DueItem } from '../../../platform/lifecycle/due.js';
import type { ServiceContext } from '../../../platform/module/context.js';
import { scopeHasDistrict } from '../../../platform/module/context.js';
import { addDays, londonDate } from '../../../platform/time/london.js';
import { parseOrThrow } from '../../../platform/validate.js';
import { allow, inScope } from '../powers.service.js';
import { caseReviewSettingsAt, checkCaseReviews, type CaseReviewCheck, type Complaint } from './case-review.js';
import { COMPLAINT_AGENCIES } from './complaints.tables.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
export const complaintSchema = z
  .object({
    receivedOn: day,
    behaviourOn: day,
    agency: z.enum(COMPLAINT_AGENCIES),
    incidentRef: z.string().trim().min(1).max(100).optional(),
    personId: z.number().int().positive().optional(),
    location: z.string().trim().min(3).max(300).optional(),
    district: z.string().trim().min(2).max(100),
    hate: z.boolean().default(false),
    summary: z.string().trim().min(3).max(2000),
  })
  .refine((c) => c.personId !== undefined || c.location !== undefined, { message: 'say who complained (a person record) or where (a location)', path: ['personId'] })
  .refine((c) => c.receivedOn >= c.behaviourOn, { message: 'a complaint is made on or after the day of the behaviour', path: ['receivedOn'] });

export interface ComplaintView {
  id: number;
  receivedOn: string;
  behaviourOn: string;
  agency: string;
  incidentRef: string | null;
  personId: number | null;
  location: string | null;
  district: string;
  hate: boolean;
  summary: string;
  createdBy: string;
}

type Row = { id: number; received_on: string | Date; behaviour_on: string | Date; agency: string; incident_ref: string | null; person_id: number | string | null; location: string | null; district: string; hate: boolean; summary: string; created_by: string };
const iso = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : londonDate(d));
const view = (r: Row): ComplaintView => ({
  id: Number(r.id), receivedOn: iso(r.received_on), behaviourOn: iso(r.behaviour_on), agency: r.agency, incidentRef: r.incident_ref, personId: r.person_id === null ? null : Number(r.person_id),
  location: r.location, district: r.district, hate: r.hate, summary: r.summary, createdBy: r.created_by,
});

export async function addComplaint(ctx: ServiceContext, input: unknown): Promise<ComplaintView> {
  allow(ctx, 'complaints.add');
  const v = parseOrThrow(complaintSchema, input);
  if (!scopeHasDistrict(ctx.scope, v.district)) throw new AppError('forbidden', `You record complaints in your own districts: ${v.district} is not one of them`);
  if (v.receivedOn > londonDate(ctx.now())) throw new AppError('validation', 'receivedOn: a complaint cannot be received in the future');
  return ctx.tx(async (t) => {
    if (v.personId !== undefined) {
      const p = await t.db.selectFrom('person').select('id').where('id', '=', v.personId).executeTakeFirst();
      if (!p) throw new AppError('validation', `personId: there is no person record ${v.personId}`);
    }
    const row = (await t.db
      .insertInto('asb_complaint')
      .values({ received_on: v.receivedOn, behaviour_on: v.behaviourOn, agency: v.agency, incident_ref: v.incidentRef ?? null, person_id: v.personId ?? null, location: v.location ?? null, district: v.district, hate: v.hate, summary: v.summary, created_by: t.actor.kind === 'cli' ? t.actor.name : `user:${t.actor.principal.username}` })
      .returningAll()
      .executeTakeFirstOrThrow()) as unknown as Row;
    await t.audit({ action: 'create', recordType: 'asb_complaint', recordId: String(row.id), details: { district: v.district, agency: v.agency, personId: v.personId ?? null } });
    return view(row);
  });
}

async function complaintsInScope(ctx: ServiceContext, since: string | null): Promise<ComplaintView[]> {
  let q = ctx.db.selectFrom('asb_complaint as c').selectAll().where(inScope(ctx.scope, 'c.district'));
  if (since) q = q.where('c.received_on', '>=', since);
  return ((await q.orderBy('c.received_on', 'desc').orderBy('c.id', 'desc').limit(2000).execute()) as unknown as Row[]).map(view);
}

/** Complaints in the reader's districts, newest first (the read is audited: complaints name victims). */
export async function listComplaints(ctx: ServiceContext, query: unknown): Promise<{ complaints: ComplaintView[] }> {
  allow(ctx, 'complaints.read');
  const q = parseOrThrow(z.object({ since: day.optional() }), query ?? {});
  const complaints = await complaintsInScope(ctx, q.since ?? null);
  await ctx.tx((t) => t.audit({ action: 'view', recordType: 'asb_complaint', recordId: '*', details: { since: q.since ?? null, returned: complaints.length } }));
  return { complaints };
}

const keyOfPerson = (c: ComplaintView) => (c.personId === null ? null : `person:${c.personId}`);
const keyOfPlace = (c: ComplaintView) => (c.location === null ? null : `${c.district}: ${c.location.trim().toLowerCase().replace(/\s+/g, ' ')}`);

/** The early warning on a day (default today), with the settings in force that day and their versions. */
export async function caseReviewWarning(ctx: ServiceContext, query: unknown): Promise<CaseReviewCheck & { versionIds: string[] }> {
  allow(ctx, 'complaints.read');
  const q = parseOrThrow(z.object({ asOf: day.optional() }), query ?? {});
  const asOf = q.asOf ?? londonDate(ctx.now());
  const { settings, versionIds } = caseReviewSettingsAt(await loadConfig(ctx.db), asOf);
  // Complaints from a year before the window at most (months up to 12 in the settings).
  const complaints = await complaintsInScope(ctx, addDays(asOf, -800));
  const input: Complaint[] = complaints.map((c) => ({ id: String(c.id), receivedOn: c.receivedOn, behaviourOn: c.behaviourOn, agency: c.agency, incidentRef: c.incidentRef, victimKey: keyOfPerson(c), locationKey: keyOfPlace(c), hate: c.hate }));
  const result = checkCaseReviews(input, settings, asOf);
  await ctx.tx((t) => t.audit({ action: 'view', recordType: 'asb_complaint', recordId: '*', purpose: 'ASB case review early warning', details: { asOf, considered: input.length } }));
  return { ...result, versionIds };
}

/** Due: victims and locations at the threshold, for the "what is due" list (the review must be considered). */
export async function caseReviewDue(ctx: ServiceContext, window: { asOf: string; until: string }): Promise<DueItem[]> {
  const complaints = await complaintsInScope(ctx, addDays(window.asOf, -800));
  if (!complaints.length) return [];
  const { settings } = caseReviewSettingsAt(await loadConfig(ctx.db), window.asOf);
  const byId = new Map(complaints.map((c) => [String(c.id), c]));
  const r = checkCaseReviews(complaints.map((c) => ({ id: String(c.id), receivedOn: c.receivedOn, behaviourOn: c.behaviourOn, agency: c.agency, incidentRef: c.incidentRef, victimKey: keyOfPerson(c), locationKey: keyOfPlace(c), hate: c.hate })), settings, window.asOf);
  return [...r.byVictim, ...r.byLocation]
    .filter((e) => e.status === 'met')
    .map((e) => {
      const last = byId.get(e.counted.at(-1)!)!;
      return {
        source: 'powers', kind: 'asb_case_review', recordType: 'asb_complaint', recordId: last.id, itemId: null,
        what: `ASB case review threshold met (${e.explanation}): consider a case review`, district: last.district, owner: last.createdBy, due: window.asOf,
        legalSource: 'Anti-social Behaviour, Crime and Policing Act 2014 s104',
      };
    });
}
