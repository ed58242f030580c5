import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { findAgency } from '../partners/index.js';
import { checkPanelDistricts, inPanelScope, panelScope, withPanel } from './panels.access.js';
import { meetingsOf, memberAgencies, panelDistricts } from './panels.repository.js';
import { newPanelSchema } from './panels.schema.js';
import { parseOrThrow } from '../../platform/validate.js';
import { type Actor, actorName } from '../../platform/policy.js';

const todayIso = () => new Date().toISOString().slice(0, 10);
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** 400 unless every agency id names an agency. */
export async function checkAgencies(trx: Db, ids: readonly number[], field: string): Promise<void> {
  for (const id of ids) if (!(await findAgency(trx, id))) throw new AppError('validation', `${field}: no partner agency ${id}`);
}

/** A panel with its districts, member agencies and every meeting (attendees, agenda, decisions, actions). */
export async function panelDetail(trx: Db, id: number) {
  const p = await trx.selectFrom('panel').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return {
    id: p.id, name: p.name, kind: p.kind, chair: p.chair, active: p.active, districts: (await panelDistricts(trx, [id])).get(id) ?? [],
    memberAgencies: await memberAgencies(trx, id), createdBy: p.created_by, createdAt: iso(p.created_at), meetings: await meetingsOf(trx, id, todayIso()),
  };
}
export type PanelDetail = Awaited<ReturnType<typeof panelDetail>>;

/** Sets up a panel (admins; supervisors for their own districts). */
export async function createPanel(db: Db, auditKey: Buffer, actor: Actor, input: unknown): Promise<PanelDetail> {
  panelScope(actor, 'panels.manage');
  const v = parseOrThrow(newPanelSchema, input);
  const districts = [...new Set(v.districts)];
  checkPanelDistricts(actor, districts);
  return db.transaction().execute(async (trx) => {
    const members = [...new Set(v.memberAgencyIds)];
    await checkAgencies(trx, members, 'memberAgencyIds');
    const taken = await trx.selectFrom('panel').select('id').where('name', '=', v.name).executeTakeFirst();
    if (taken) throw new AppError('conflict', `name: a panel called '${v.name}' already exists`);
    const by = actorName(actor);
    const { id } = await trx.insertInto('panel').values({ name: v.name, kind: v.kind, chair: v.chair ?? null, created_by: by }).returning('id').executeTakeFirstOrThrow()
      .catch((err: { code?: string }) => {
        // the same name taken by a request running at the same time
        throw err?.code === '23505' ? new AppError('conflict', `name: a panel called '${v.name}' already exists`) : err;
      });
    await trx.insertInto('panel_district').values(districts.map((district) => ({ panel_id: id, district }))).execute();
    if (members.length) await trx.insertInto('panel_member_agency').values(members.map((agency_id) => ({ panel_id: id, agency_id }))).execute();
    await appendAudit(trx, auditKey, { actor: by, action: 'create', recordType: 'panel', recordId: String(id), details: { kind: v.kind, districts, members: members.length } });
    return panelDetail(trx, id);
  });
}

/** Panels in the actor's scope with their latest and next meeting and open actions; audited. */
export async function listPanels(db: Db, auditKey: Buffer, actor: Actor) {
  const scope = panelScope(actor, 'panels.list');
  const today = todayIso();
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('panel')
      .select((eb) => [
        'panel.id', 'panel.name', 'panel.kind', 'panel.chair', 'panel.active',
        eb.selectFrom('panel_meeting').select((m) => m.fn.max('held_on').as('x')).whereRef('panel_id', '=', 'panel.id').where('held_on', '<=', today).as('last_meeting'),
        eb.selectFrom('panel_meeting').select((m) => m.fn.min('held_on').as('x')).whereRef('panel_id', '=', 'panel.id').where('held_on', '>', today).as('next_meeting'),
        eb.selectFrom('panel_action').innerJoin('panel_meeting', 'panel_meeting.id', 'panel_action.meeting_id')
          .select((m) => m.fn.countAll<number>().as('x')).whereRef('panel_meeting.panel_id', '=', 'panel.id').where('panel_action.status', '=', 'open').as('open_actions'),
      ])
      .where(inPanelScope(scope))
      .orderBy('panel.name')
      .execute();
    const districts = await panelDistricts(trx, rows.map((r) => r.id));
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'search', recordType: 'panel', details: { results: rows.length } });
    return rows.map((r) => ({
      id: r.id, name: r.name, kind: r.kind, chair: r.chair, active: r.active, districts: districts.get(r.id) ?? [],
      lastMeeting: r.last_meeting ?? null, nextMeeting: r.next_meeting ?? null, openActions: Number(r.open_actions ?? 0),
    }));
  });
}

/** One panel with its meetings; the view is audited (minutes may discuss people). */
export function getPanel(db: Db, auditKey: Buffer, actor: Actor, id: number): Promise<PanelDetail> {
  return withPanel(db, auditKey, actor, 'panels.read', id, async (trx) => ({ result: await panelDetail(trx, id), audit: { action: 'view' } }));
}
