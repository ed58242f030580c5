import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** Ids the route matrix uses for plans and panels (explicit, so other fixtures cannot shift them). */
export const MATRIX_PLANS = { person: 9501, agency: 9501, plan: 9001, riskFactor: 9001, intervention: 9001, partnerAction: 9001, panel: 9001, meeting: 9001, agendaItem: 9001, action: 9001 } as const;

/**
 * For src/server/route-matrix.http.test.ts: an active Thanet plan (owner officer1) with a risk
 * factor, an intervention by 'Thanet District Council' (the test partner's agency; the person
 * is shared with it, so the partner may read the plan) and a youth justice partner action; a Thanet panel with that council as a
 * member, one meeting with the plan on its agenda, and an action.
 */
export async function seedPlansPanelsMatrix(db: Db): Promise<void> {
  const M = MATRIX_PLANS;
  const police = sql`(select id from partner_agency where name = 'Kent Police')`;
  await sql`insert into partner_agency (name, kind) values ('Thanet District Council', 'council') on conflict (name) do nothing`.execute(db);
  const council = sql`(select id from partner_agency where name = 'Thanet District Council')`;
  await sql`insert into partner_agency (id, name, kind) values (${M.agency}, 'Matrix Youth Justice Service', 'youth_justice')`.execute(db);
  await sql`insert into person (id, given_name, family_name, date_of_birth, recorded_district, owning_agency_id, created_by)
    values (${M.person}, 'Planned', 'Fixture', '1990-01-01', 'Thanet', ${police}, 'cli:test')`.execute(db);
  // shared with the council (lawful basis), so the partner account may see the person and so the plan
  await sql`update person set sharing_status = 'shared_without_consent', lawful_basis = 'Crime and Disorder Act 1998 s115' where id = ${M.person}`.execute(db);
  await sql`insert into record_share (record_type, record_id, agency_id, shared_by) values ('person', ${M.person}, ${council}, 'cli:test')`.execute(db);
  const nextReview = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await sql`insert into plan (id, person_id, subject_kind, district, owner_id, summary, status, next_review_due, created_by)
    values (${M.plan}, ${M.person}, 'repeat_offender', 'Thanet', (select id from app_user where username = 'officer1'), 'Matrix plan', 'active', ${nextReview}, 'cli:test')`.execute(db);
  await sql`insert into plan_status_history (plan_id, from_status, to_status, actor) values (${M.plan}, null, 'draft', 'cli:test'), (${M.plan}, 'draft', 'active', 'cli:test')`.execute(db);
  await sql`insert into plan_risk_factor (id, plan_id, factor, level, created_by) values (${M.riskFactor}, ${M.plan}, 'Matrix risk', 'medium', 'cli:test')`.execute(db);
  await sql`insert into plan_intervention (id, plan_id, what, agency_id, mechanism, created_by) values (${M.intervention}, ${M.plan}, 'Tenancy support', ${council}, 'support', 'cli:test')`.execute(db);
  await sql`insert into plan_partner_action (id, plan_id, agency_id, action, created_by) values (${M.partnerAction}, ${M.plan}, ${M.agency}, 'Youth justice check', 'cli:test')`.execute(db);
  await sql`insert into panel (id, name, kind, created_by) values (${M.panel}, 'Matrix panel', 'district_prevention_problem_solving', 'cli:test')`.execute(db);
  await sql`insert into panel_district (panel_id, district) values (${M.panel}, 'Thanet')`.execute(db);
  await sql`insert into panel_member_agency (panel_id, agency_id) values (${M.panel}, ${council})`.execute(db);
  await sql`insert into panel_meeting (id, panel_id, held_on, created_by) values (${M.meeting}, ${M.panel}, '2026-01-15', 'cli:test')`.execute(db);
  await sql`insert into panel_agenda_item (id, meeting_id, position, plan_id, created_by) values (${M.agendaItem}, ${M.meeting}, 1, ${M.plan}, 'cli:test')`.execute(db);
  await sql`insert into panel_action (id, meeting_id, description, owner_name, created_by) values (${M.action}, ${M.meeting}, 'Matrix action', 'Matrix owner', 'cli:test')`.execute(db);
}
