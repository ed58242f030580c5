import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** SQL of the panels module. Problems and plans on agendas are read by id (title, district, stage/status). */

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function panelDistricts(db: Db, panelIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!panelIds.length) return out;
  const rows = await db.selectFrom('panel_district').select(['panel_id', 'district']).where('panel_id', 'in', [...panelIds]).orderBy('district').execute();
  for (const r of rows) out.set(r.panel_id, [...(out.get(r.panel_id) ?? []), r.district]);
  return out;
}

export async function memberAgencies(db: Db, panelId: number) {
  const r = await sql<{ id: number; name: string; kind: string }>`select a.id, a.name, a.kind from panel_member_agency m join partner_agency a on a.id = m.agency_id
    where m.panel_id = ${panelId} order by a.name`.execute(db);
  return r.rows.map((a) => ({ ...a, id: Number(a.id) }));
}

/** Meetings of a panel, newest first, each with attendees, agenda, decisions and actions. */
export async function meetingsOf(db: Db, panelId: number, today: string) {
  const meetings = await db.selectFrom('panel_meeting').select(['id', 'held_on', 'location', 'created_by', 'created_at']).where('panel_id', '=', panelId).orderBy('held_on', 'desc').orderBy('id', 'desc').execute();
  const ids = meetings.map((m) => m.id);
  if (!ids.length) return [];
  const idList = sql.join(ids);
  const attendees = (await sql<{ id: number; meeting_id: number; name: string; agency_id: number | null; agency_name: string | null }>`
    select t.id, t.meeting_id, t.name, t.agency_id, a.name as agency_name from panel_meeting_attendee t left join partner_agency a on a.id = t.agency_id
    where t.meeting_id in (${idList}) order by t.id`.execute(db)).rows;
  const agenda = (await sql<{ id: number; meeting_id: number; position: number; note: string | null; problem_id: number | null; problem_title: string | null;
    problem_district: string | null; problem_stage: string | null; plan_id: number | null; plan_kind: string | null; plan_district: string | null; plan_status: string | null }>`
    select i.id, i.meeting_id, i.position, i.note, i.problem_id, pr.title as problem_title, pr.district as problem_district, pr.stage as problem_stage,
      i.plan_id, pl.subject_kind as plan_kind, pl.district as plan_district, pl.status as plan_status
    from panel_agenda_item i left join problem pr on pr.id = i.problem_id left join plan pl on pl.id = i.plan_id
    where i.meeting_id in (${idList}) order by i.meeting_id, i.position`.execute(db)).rows;
  const decisions = await db.selectFrom('panel_decision').select(['id', 'meeting_id', 'agenda_item_id', 'text', 'created_by', 'created_at']).where('meeting_id', 'in', ids).orderBy('id').execute();
  const actions = (await sql<{ id: number; meeting_id: number; agenda_item_id: number | null; decision_id: number | null; description: string; owner_name: string;
    owner_agency_id: number | null; owner_agency: string | null; due_date: string | null; status: string }>`
    select x.id, x.meeting_id, x.agenda_item_id, x.decision_id, x.description, x.owner_name, x.owner_agency_id, a.name as owner_agency, x.due_date, x.status
    from panel_action x left join partner_agency a on a.id = x.owner_agency_id where x.meeting_id in (${idList}) order by x.id`.execute(db)).rows;
  return meetings.map((m) => ({
    id: m.id, heldOn: m.held_on, location: m.location, createdBy: m.created_by, createdAt: iso(m.created_at),
    attendees: attendees.filter((a) => Number(a.meeting_id) === m.id).map((a) => ({ id: Number(a.id), name: a.name, agency: a.agency_id ? { id: Number(a.agency_id), name: a.agency_name } : null })),
    agenda: agenda.filter((i) => Number(i.meeting_id) === m.id).map((i) => ({
      id: Number(i.id), position: i.position, note: i.note,
      problem: i.problem_id ? { id: Number(i.problem_id), title: i.problem_title, district: i.problem_district, stage: i.problem_stage } : null,
      plan: i.plan_id ? { id: Number(i.plan_id), subjectKind: i.plan_kind, district: i.plan_district, status: i.plan_status } : null,
    })),
    decisions: decisions.filter((d) => d.meeting_id === m.id).map((d) => ({ id: d.id, agendaItemId: d.agenda_item_id, text: d.text, createdBy: d.created_by, createdAt: iso(d.created_at) })),
    actions: actions.filter((x) => Number(x.meeting_id) === m.id).map((x) => ({
      id: Number(x.id), agendaItemId: x.agenda_item_id === null ? null : Number(x.agenda_item_id), decisionId: x.decision_id === null ? null : Number(x.decision_id),
      description: x.description, ownerName: x.owner_name, ownerAgency: x.owner_agency_id ? { id: Number(x.owner_agency_id), name: x.owner_agency } : null,
      dueDate: x.due_date, status: x.status, overdue: x.status === 'open' && x.due_date !== null && x.due_date < today,
    })),
  }));
}

/** A problem's id and district (for agenda checks). */
export async function problemRef(db: Db, id: number): Promise<{ id: number; district: string } | undefined> {
  return db.selectFrom('problem').select(['id', 'district']).where('id', '=', id).executeTakeFirst();
}
