import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { findPlan, planScopeOf, worksInDistrict } from '../plans/index.js';
import { panelScope, withPanel } from './panels.access.js';
import { panelDistricts, problemRef } from './panels.repository.js';
import { agendaPatchSchema, newAgendaItemSchema, newDecisionSchema, newMeetingSchema, newPanelActionSchema, panelActionPatchSchema } from './panels.schema.js';
import { checkAgencies } from './panels.service.js';
import { parseOrThrow } from '../../platform/validate.js';
import type { Actor } from '../../platform/policy.js';

/** Meetings of a panel and what they record: agenda items (problems, plans), decisions and actions. Managed by admins and supervisors. */

type Added = { id: number };
const by = (a: Actor) => (a.kind === 'cli' ? a.name : `user:${a.principal.username}`);

/** A change to a panel the actor may manage (404 outside scope), audited as an update of the panel. */
function change<T extends Added>(db: Db, auditKey: Buffer, actor: Actor, panelId: number, what: string, work: (trx: Db) => Promise<T>): Promise<T> {
  panelScope(actor, 'panels.manage');
  return withPanel(db, auditKey, actor, 'panels.manage', panelId, async (trx) => {
    const result = await work(trx);
    await trx.updateTable('panel').set({ updated_at: new Date() }).where('id', '=', panelId).execute();
    return { result, audit: { action: 'update', details: { change: what, itemId: result.id } } };
  });
}

async function meetingOf(trx: Db, panelId: number, meetingId: number): Promise<void> {
  // Locked: additions to one meeting are serialised (agenda positions are numbered in order).
  const m = await trx.selectFrom('panel_meeting').select('id').where('id', '=', meetingId).where('panel_id', '=', panelId).forUpdate().executeTakeFirst();
  if (!m) throw new AppError('not_found', `No meeting ${meetingId} of panel ${panelId}`);
}

async function itemOfMeeting(trx: Db, table: 'panel_agenda_item' | 'panel_decision', meetingId: number, id: number | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const r = await trx.selectFrom(table).select('id').where('id', '=', id).where('meeting_id', '=', meetingId).executeTakeFirst();
  if (!r) throw new AppError('validation', `${field}: ${id} is not on this meeting`);
}

export function addMeeting(db: Db, auditKey: Buffer, actor: Actor, panelId: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(newMeetingSchema, input);
  return change(db, auditKey, actor, panelId, 'meeting.add', async (trx) => {
    await checkAgencies(trx, v.attendees.flatMap((a) => (a.agencyId ? [a.agencyId] : [])), 'attendees.agencyId');
    const m = await trx.insertInto('panel_meeting').values({ panel_id: panelId, held_on: v.heldOn, location: v.location ?? null, created_by: by(actor) }).returning('id').executeTakeFirstOrThrow();
    if (v.attendees.length) await trx.insertInto('panel_meeting_attendee').values(v.attendees.map((a) => ({ meeting_id: m.id, name: a.name, agency_id: a.agencyId ?? null }))).execute();
    return m;
  });
}

/**
 * Puts a problem or a plan on a meeting's agenda. It must be one the actor can see, in one of the
 * panel's districts; `note` is the panel's review of it.
 */
export function addAgendaItem(db: Db, auditKey: Buffer, actor: Actor, panelId: number, meetingId: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(newAgendaItemSchema, input);
  return change(db, auditKey, actor, panelId, 'agenda.add', async (trx) => {
    await meetingOf(trx, panelId, meetingId);
    const districts = (await panelDistricts(trx, [panelId])).get(panelId) ?? [];
    let district: string;
    if (v.problemId) {
      const p = await problemRef(trx, v.problemId);
      if (!p || !worksInDistrict(actor, p.district)) throw new AppError('validation', `problemId: no problem ${v.problemId}`);
      district = p.district;
    } else {
      const plan = await findPlan(trx, v.planId!, await planScopeOf(trx, actor));
      if (!plan) throw new AppError('validation', `planId: no plan ${v.planId}`);
      district = plan.district;
    }
    const field = v.problemId ? 'problemId' : 'planId';
    if (!districts.includes(district)) throw new AppError('validation', `${field}: it is in ${district}; this panel covers ${districts.join(', ')}`);
    const last = await trx.selectFrom('panel_agenda_item').select((eb) => eb.fn.max('position').as('p')).where('meeting_id', '=', meetingId).executeTakeFirst();
    return trx.insertInto('panel_agenda_item').values({
      meeting_id: meetingId, position: Number(last?.p ?? 0) + 1, problem_id: v.problemId ?? null, plan_id: v.planId ?? null, note: v.note ?? null, created_by: by(actor),
    }).returning('id').executeTakeFirstOrThrow();
  });
}

/** Records (or clears) the panel's review note on an agenda item. */
export function updateAgendaItem(db: Db, auditKey: Buffer, actor: Actor, panelId: number, itemId: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(agendaPatchSchema, input);
  return change(db, auditKey, actor, panelId, 'agenda.update', async (trx) => {
    const r = await trx.updateTable('panel_agenda_item').set({ note: v.note })
      .where('id', '=', itemId).where('meeting_id', 'in', (eb) => eb.selectFrom('panel_meeting').select('id').where('panel_id', '=', panelId))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('not_found', `No agenda item ${itemId} on panel ${panelId}`);
    return { id: itemId };
  });
}

export function addDecision(db: Db, auditKey: Buffer, actor: Actor, panelId: number, meetingId: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(newDecisionSchema, input);
  return change(db, auditKey, actor, panelId, 'decision.add', async (trx) => {
    await meetingOf(trx, panelId, meetingId);
    await itemOfMeeting(trx, 'panel_agenda_item', meetingId, v.agendaItemId, 'agendaItemId');
    return trx.insertInto('panel_decision').values({ meeting_id: meetingId, agenda_item_id: v.agendaItemId ?? null, text: v.text, created_by: by(actor) }).returning('id').executeTakeFirstOrThrow();
  });
}

export function addPanelAction(db: Db, auditKey: Buffer, actor: Actor, panelId: number, meetingId: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(newPanelActionSchema, input);
  return change(db, auditKey, actor, panelId, 'action.add', async (trx) => {
    await meetingOf(trx, panelId, meetingId);
    await itemOfMeeting(trx, 'panel_agenda_item', meetingId, v.agendaItemId, 'agendaItemId');
    await itemOfMeeting(trx, 'panel_decision', meetingId, v.decisionId, 'decisionId');
    if (v.ownerAgencyId) await checkAgencies(trx, [v.ownerAgencyId], 'ownerAgencyId');
    return trx.insertInto('panel_action').values({
      meeting_id: meetingId, agenda_item_id: v.agendaItemId ?? null, decision_id: v.decisionId ?? null, description: v.description,
      owner_name: v.ownerName, owner_agency_id: v.ownerAgencyId ?? null, due_date: v.dueDate ?? null, created_by: by(actor),
    }).returning('id').executeTakeFirstOrThrow();
  });
}

export function updatePanelAction(db: Db, auditKey: Buffer, actor: Actor, panelId: number, actionId: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(panelActionPatchSchema, input);
  return change(db, auditKey, actor, panelId, 'action.update', async (trx) => {
    const r = await trx.updateTable('panel_action').set({ ...(v.status ? { status: v.status } : {}), ...(v.dueDate !== undefined ? { due_date: v.dueDate } : {}), updated_at: new Date() })
      .where('id', '=', actionId).where('meeting_id', 'in', (eb) => eb.selectFrom('panel_meeting').select('id').where('panel_id', '=', panelId))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('not_found', `No action ${actionId} on panel ${panelId}`);
    return { id: actionId };
  });
}
