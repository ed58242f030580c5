import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** Ids the route matrix uses (explicit, so other modules' fixtures cannot shift them). */
export const MATRIX_PROBLEM = 9001;
export const MATRIX_STAGE_PROBLEM = 9002;
export const MATRIX_ACTION = 9001;
export const MATRIX_PERSON = 9101;
export const MATRIX_PLACE = 9101;

/**
 * Two Thanet problems for src/server/route-matrix.http.test.ts: 9001 at the assessment stage with
 * every field and an evaluation design over four LSOAs of the imported data (a Thanet District
 * Council action, so the partner account may read it), 9002 at objective, ready for scanning, and a
 * Thanet person and place (9101) to link.
 */
export async function seedRouteMatrixProblems(db: Db): Promise<void> {
  const lsoa = (await sql<{ c: string }>`select distinct lsoa_code as c from incident where lsoa_code is not null order by 1 limit 4`.execute(db)).rows.map((r) => r.c);
  const cutoff = (await sql<{ m: string }>`select max(month_text) as m from incident`.execute(db)).rows[0]!.m;
  const owner = Number((await sql<{ id: number }>`select min(id) as id from app_user`.execute(db)).rows[0]!.id);
  const [y, m] = cutoff.split('-').map(Number) as [number, number];
  const start = `${m <= 3 ? y - 1 : y}-${String(((m - 4 + 12) % 12) + 1).padStart(2, '0')}`;
  const areas = JSON.stringify({ treated: [lsoa[0]], control: [lsoa[1]], dispTreated: [lsoa[2]], dispControl: [lsoa[3]] });
  const objective = sql`'Reduce ASB by 20%', '2023-01', '2023-12', ${owner}, '2026-06-30'`;
  await sql`insert into problem (id, title, district, statement_type, stage, created_by, objective_target, baseline_from, baseline_to, owner_id, review_date,
      statement, why_problem, filter, offender, victim_target, place_description, data_sources, hypotheses, eval_start, eval_pre_months, eval_areas, outcome, lessons)
    values (${MATRIX_PROBLEM}, 'Matrix problem', 'Thanet', 'place', 'assessment', 'cli:test', ${objective},
      'Repeat ASB', 'Recurring', ${JSON.stringify({ lsoa: [lsoa[0]] })}, 'Groups', 'Shops', 'Parade', 'Street data', 'No guardians', ${start}, 3, ${areas}, 'reduced', 'Worked')`.execute(db);
  await sql`insert into problem (id, title, district, statement_type, created_by, objective_target, baseline_from, baseline_to, owner_id, review_date)
    values (${MATRIX_STAGE_PROBLEM}, 'Matrix stage problem', 'Thanet', 'time', 'cli:test', ${objective})`.execute(db);
  await sql`insert into partner_agency (name, kind) values ('Thanet District Council', 'council') on conflict (name) do nothing`.execute(db);
  await sql`insert into problem_action (id, problem_id, description, partner_agency_id, mechanism, status)
    values (${MATRIX_ACTION}, ${MATRIX_PROBLEM}, 'Lighting', (select id from partner_agency where name = 'Thanet District Council'), 'situational', 'done')`.execute(db);
  const police = sql`(select id from partner_agency where name = 'Kent Police')`;
  await sql`insert into person (id, given_name, family_name, recorded_district, owning_agency_id, created_by) values (${MATRIX_PERSON}, 'Matrix', 'Person', 'Thanet', ${police}, 'cli:test')`.execute(db);
  await sql`insert into place (id, name, address, district, premises_type, owning_agency_id, created_by) values (${MATRIX_PLACE}, 'Matrix shop', '1 Matrix Street', 'Thanet', 'shop', ${police}, 'cli:test')`.execute(db);
}
