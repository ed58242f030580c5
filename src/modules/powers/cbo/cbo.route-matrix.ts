/** Route-matrix entries of /api/cbos: a person with a date of birth, and a case per role for the moves. */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { Role } from '../../../platform/policy.js';
import type { ModuleMatrix } from '../../../platform/module/route-matrix.js';

const PERSON = 9500;
const WRITERS: readonly Role[] = ['admin', 'supervisor', 'officer'];
const READERS: readonly Role[] = ['admin', 'analyst', 'supervisor', 'officer'];
const MOVE: Record<string, number> = { admin: 9501, supervisor: 9502, officer: 9503 };
const VARY: Record<string, number> = { admin: 9511, supervisor: 9512, officer: 9513 };

async function seed(db: Db): Promise<void> {
  await sql`insert into person (id, given_name, family_name, date_of_birth, recorded_district, owning_agency_id, created_by)
    select ${PERSON}, 'Matrix', 'Cbo', '2000-01-01', 'Thanet', id, 'cli:test' from partner_agency where name = 'Kent Police'`.execute(db);
  for (const id of Object.values(MOVE)) {
    await sql`insert into cbo_case (id, person_id, date_of_birth, district, offence, created_by) values (${id}, ${PERSON}, '2000-01-01', 'Thanet', 'Theft', 'cli:test')`.execute(db);
  }
  for (const id of Object.values(VARY)) {
    await sql`insert into cbo_case (id, person_id, date_of_birth, district, offence, stage, term_kind, term_months, takes_effect, last_day, decided_on, created_by)
      values (${id}, ${PERSON}, '2000-01-01', 'Thanet', 'Theft', 'granted', 'fixed', 24, '2025-01-10', '2027-01-09', '2025-01-10', 'cli:test')`.execute(db);
  }
}

export const cboMatrix: ModuleMatrix = {
  module: 'powers (CBO cases)',
  seed,
  routes: [
    { method: 'GET', path: '/api/cbos', allowed: READERS },
    { method: 'POST', path: '/api/cbos', body: { personId: PERSON, district: 'Thanet', offence: 'Shop theft' }, allowed: WRITERS },
    { method: 'GET', path: `/api/cbos/${MOVE.admin}`, allowed: READERS },
    { method: 'POST', path: '/api/cbos/{own case}/move', pathFor: (r) => `/api/cbos/${MOVE[r] ?? MOVE.admin}/move`, body: { to: 'submitted_to_cps', on: '2025-10-01' }, allowed: WRITERS },
    { method: 'POST', path: '/api/cbos/{own granted case}/vary', pathFor: (r) => `/api/cbos/${VARY[r] ?? VARY.admin}/vary`, body: { on: '2025-06-01', note: 'Varied by the court' }, allowed: WRITERS },
  ],
};
