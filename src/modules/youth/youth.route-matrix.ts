/**
 * Route-matrix contribution of the youth module (test support). Fixtures in Thanet on the shared
 * person 9001 (shared with the test partner's agency, so the partner reads the child's records)
 * and a child 9401 with a date of birth (for Reframe). One-shot moves (workbook and deferred
 * outcome status) read their path from a getter that hands out a fresh seeded record each time.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { ModuleMatrix } from '../../platform/module/route-matrix.js';

const P = 9001;
const CHILD = 9401;
const WB = 9401;
const all = ['admin', 'analyst', 'supervisor', 'officer', 'partner'] as const;
const writers = ['admin', 'supervisor', 'officer'] as const;
const fresh = (first: number) => {
  let n = 0;
  return () => first + (n++ % 20);
};
const nextWorkbook = fresh(9410);
const nextDeferred = fresh(9410);

async function seed(db: Db): Promise<void> {
  const police = (await sql<{ id: number }>`select owning_agency_id as id from person where id = ${P}`.execute(db)).rows[0]!.id;
  await sql`insert into person (id, given_name, family_name, date_of_birth, recorded_district, owning_agency_id, created_by)
    values (${CHILD}, 'Matrix', 'Child', '2011-06-01', 'Thanet', ${police}, 'cli:test')`.execute(db);
  const wb = (id: number) => sql`insert into youth_workbook (id, person_id, category, officer, district, started_on, next_session_on, created_by)
    values (${id}, ${P}, 'ASB', 'officer1', 'Thanet', '2025-01-01', '2025-02-01', 'cli:test')`;
  await wb(WB).execute(db);
  for (let i = 0; i < 20; i++) await wb(9410 + i).execute(db);
  for (let i = 0; i < 20; i++) {
    await sql`insert into youth_deferred (id, person_id, officer, district, state, offered_on, decided_on, activity, provider, activity_from, deadline, created_by)
      values (${9410 + i}, ${P}, 'officer1', 'Thanet', 'activity', '2025-01-01', '2025-01-02', 'Course', 'Provider', '2025-01-05', '2025-03-01', 'cli:test')`.execute(db);
  }
  await sql`insert into youth_referral (id, person_id, programme, referred_on, officer, district, created_by) values (9401, ${P}, 'Reframe', '2025-01-01', 'officer1', 'Thanet', 'cli:test')`.execute(db);
  await sql`insert into youth_school (id, name, kind, district, created_by) values (9401, 'Matrix School', 'secondary', 'Thanet', 'cli:test')`.execute(db);
}

const wbCsv = 'Person ID,Category,Start date,District,Officer\n9001,ASB,01/02/2025,Thanet,officer1\n';
const lessonCsv = 'School,School type,District,Date,Delivered by,Topic,Class sizes\nMatrix School,secondary,Thanet,2025-03-01,police,Keeping safe,28;30\n';

export const youthMatrix: ModuleMatrix = {
  module: 'youth',
  seed,
  routes: [
    { method: 'GET', path: '/api/youth/workbooks', allowed: all },
    { method: 'POST', path: '/api/youth/workbooks', body: { personId: P, category: 'ASB', startedOn: '2025-03-01', district: 'Thanet' }, allowed: writers },
    { method: 'GET', path: `/api/youth/workbooks/${WB}`, allowed: all },
    { method: 'POST', get path() { return `/api/youth/workbooks/${nextWorkbook()}/status`; }, body: { status: 'completed', on: '2025-06-01' }, allowed: writers },
    { method: 'POST', path: `/api/youth/workbooks/${WB}/sessions`, body: { heldOn: '2025-02-01', nextSessionOn: '2025-03-01' }, allowed: writers },
    { method: 'GET', path: '/api/youth/referrals', allowed: all },
    { method: 'POST', path: '/api/youth/referrals', body: { personId: CHILD, programme: 'Reframe', referredOn: '2025-06-01', drugClass: 'B', district: 'Thanet' }, allowed: writers },
    { method: 'PATCH', path: '/api/youth/referrals/9401', body: { sessionsAttended: 1 }, allowed: writers },
    { method: 'GET', path: '/api/youth/deferred', allowed: all },
    { method: 'POST', path: '/api/youth/deferred', body: { personId: P, offeredOn: '2025-03-01', district: 'Thanet' }, allowed: writers },
    { method: 'POST', get path() { return `/api/youth/deferred/${nextDeferred()}/status`; }, body: { to: 'completed', on: '2025-02-20' }, allowed: writers },
    { method: 'GET', path: '/api/youth/schools', allowed: all },
    { method: 'POST', path: '/api/youth/schools', body: { get name() { return `Matrix school ${Math.random().toString(36).slice(2)}`; }, kind: 'primary', district: 'Thanet' }, allowed: writers },
    { method: 'GET', path: '/api/youth/lessons', allowed: all },
    { method: 'POST', path: '/api/youth/lessons', body: { schoolId: 9401, deliveredOn: '2025-03-01', deliverer: 'police', topic: 'Wellbeing', classSizes: [25, 27] }, allowed: writers },
    { method: 'POST', path: '/api/youth/outcomes', body: { personId: P, outcomeCode: '1', offenceOn: '2025-07-01', recordedOn: '2025-08-01' }, allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
    { method: 'GET', path: `/api/youth/children/${P}`, allowed: all },
    { method: 'GET', path: '/api/youth/caseload', allowed: all },
    { method: 'GET', path: '/api/youth/counts?quarter=2025-26Q1', allowed: ['admin', 'analyst', 'supervisor', 'officer'] },
    { method: 'GET', path: '/api/youth/lists', allowed: all },
    { method: 'POST', path: '/api/youth/import/workbooks', body: { csv: wbCsv }, allowed: ['admin', 'supervisor'] },
    { method: 'POST', path: '/api/youth/import/lessons', body: { csv: lessonCsv }, allowed: ['admin', 'supervisor'] },
  ],
};
