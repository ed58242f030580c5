import { sql } from 'kysely';
import type { ModuleMatrix } from '../../platform/module/route-matrix.js';
import type { Role } from '../../platform/policy.js';

/** Explicit ids of the route-matrix fixtures (Thanet, where the supervisor and officer accounts work). */
export const OM = { cohort: 9451, member: 9451, tagFree: 9451, tagOn: 9452, allocation: 9451, people: [9451, 9452, 9453, 9454, 9455, 9456, 9457, 9458, 9459, 9460] } as const;

const read: Role[] = ['admin', 'analyst', 'supervisor', 'officer'];
const write: Role[] = ['admin', 'supervisor', 'officer'];
const manage: Role[] = ['admin', 'supervisor'];
let n = 0;
const next = () => ++n;
export const offendersMatrix: ModuleMatrix = {
  module: 'offenders',
  seed: async (db) => {
    const police = sql`(select id from partner_agency where name = 'Kent Police')`;
    for (const [i, id] of OM.people.entries()) {
      await sql`insert into person (id, given_name, family_name, date_of_birth, recorded_district, owning_agency_id, created_by) values (${id}, ${`Tagged${i}`}, 'Matrix', '1990-01-01', 'Thanet', ${police}, 'cli:test')`.execute(db);
    }
    await sql`insert into offender_cohort (id, name, cohort_type, district, created_by) values (${OM.cohort}, 'Matrix IOM cohort', 'IOM fixed', 'Thanet', 'cli:test')`.execute(db);
    await sql`insert into offender_cohort_member (id, cohort_id, person_id, selected_on, selection_reason, created_by) values (${OM.member}, ${OM.cohort}, ${OM.people[0]}, '2025-01-01', 'Matrix', 'cli:test')`.execute(db);
    await sql`insert into offender_tag (id, serial, tag_type, funder, district, created_by) values (${OM.tagFree}, 'MATRIX-1', 'gps', 'IOM', 'Thanet', 'cli:test'), (${OM.tagOn}, 'MATRIX-2', 'alcohol', 'IOM', 'Thanet', 'cli:test')`.execute(db);
    await sql`update offender_tag set status = 'allocated' where id = ${OM.tagOn}`.execute(db);
    await sql`insert into offender_tag_allocation (id, tag_id, person_id, allocated_on, consent_subject, funder, allocated_by) values (${OM.allocation}, ${OM.tagOn}, ${OM.people[0]}, '2025-02-01', true, 'IOM', 'cli:test')`.execute(db);
  },
  routes: [
    { method: 'GET', path: '/api/offenders/cohorts', allowed: read },
    { method: 'POST', path: '/api/offenders/cohorts', body: { type: 'MOSOVO', district: 'Thanet', get name() { return `Matrix cohort ${next()}`; } }, allowed: manage },
    { method: 'GET', path: `/api/offenders/cohorts/${OM.cohort}`, allowed: read },
    { method: 'POST', path: `/api/offenders/cohorts/${OM.cohort}/members`, body: { selectionReason: 'Matrix', selectedOn: '2025-03-01', get personId() { return OM.people[0] + 1 + (next() % 9); } }, allowed: write },
    { method: 'PATCH', path: `/api/offenders/cohorts/${OM.cohort}/members/${OM.member}`, body: { nextReviewDue: '2026-06-01' }, allowed: write },
    { method: 'GET', path: '/api/offenders/tags', allowed: read },
    { method: 'POST', path: '/api/offenders/tags', body: { type: 'gps', funder: 'IOM', district: 'Thanet', get serial() { return `MATRIX-NEW-${next()}`; } }, allowed: manage },
    { method: 'GET', path: `/api/offenders/tags/${OM.tagOn}`, allowed: read },
    { method: 'POST', path: `/api/offenders/tags/${OM.tagFree}/allocate`, body: { personId: OM.people[1], allocatedOn: '2025-05-01', consent: { subject: true } }, allowed: write },
    { method: 'POST', path: `/api/offenders/tags/${OM.tagOn}/events`, body: { kind: 'alert', occurredOn: '2025-03-01', text: 'Matrix alert' }, allowed: write },
    { method: 'POST', path: `/api/offenders/tags/${OM.tagOn}/return`, body: { endedOn: '2025-04-01', reason: 'Matrix end', to: 'returned' }, allowed: write },
    { method: 'POST', path: `/api/offenders/tags/${OM.tagOn}/status`, body: { to: 'returned' }, allowed: manage },
    { method: 'GET', path: `/api/offenders/people/${OM.people[0]}`, allowed: read },
    { method: 'GET', path: `/api/offenders/people/${OM.people[0]}/before-after?membership=${OM.member}`, allowed: read },
    { method: 'POST', path: `/api/offenders/people/${OM.people[0]}/case-study`, body: { pseudonym: 'Chloe', membership: OM.member, format: 'html' }, allowed: read },
    { method: 'GET', path: '/api/offenders/top?district=Thanet', allowed: read },
    { method: 'GET', path: '/api/offenders/counts', allowed: read },
  ],
};
