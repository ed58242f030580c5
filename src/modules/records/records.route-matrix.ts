import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ModuleMatrix } from '../../platform/module/route-matrix.js';
import type { Role } from '../../platform/policy.js';

/** Explicit ids of the route-matrix fixtures: a person in Thanet (the supervisor's and officer's district) and person keys. */
export const RM = { person: 9131 } as const;
const key = (i: number) => createHash('sha256').update(`records-matrix-${i}`).digest('hex');
/** Keys linked to RM.person by the seed: each unlink request takes the next one. */
const LINKED = Array.from({ length: 30 }, (_, i) => key(i));
const FREE = key(100);

const read: Role[] = ['admin', 'analyst', 'supervisor', 'officer'];
const link: Role[] = ['admin', 'supervisor', 'officer'];
let n = 0;

export const recordsMatrix: ModuleMatrix = {
  module: 'records',
  seed: async (db) => {
    const police = sql`(select id from partner_agency where name = 'Kent Police')`;
    await sql`insert into person (id, given_name, family_name, recorded_district, owning_agency_id, created_by) values (${RM.person}, 'Keyed', 'Matrix', 'Thanet', ${police}, 'cli:test')`.execute(db);
    for (const k of LINKED) await sql`insert into records_person_key (person_key, person_id, linked_by, linked_at) values (${k}, ${RM.person}, 'cli:test', now())`.execute(db);
    await sql`insert into records_person_key (person_key) values (${FREE})`.execute(db);
  },
  routes: [
    { method: 'GET', path: '/api/records/summary', allowed: read },
    { method: 'GET', path: '/api/records/coverage', allowed: read },
    { method: 'GET', path: '/api/records/rules', allowed: read },
    { method: 'GET', path: '/api/records/crimes/counts?from=2025-07-01&to=2025-09-30&victimAgeMax=24&notLocationType=home&by=month', allowed: read },
    { method: 'GET', path: '/api/records/incidents/asb?from=2025-07-01&to=2025-09-30', allowed: read },
    { method: 'GET', path: '/api/records/population?year=2024&ageMax=24', allowed: read },
    { method: 'POST', path: '/api/records/person-keys/link', body: { personId: RM.person, key: FREE }, allowed: link },
    { method: 'POST', path: '/api/records/person-keys/unlink', body: { get key() { return LINKED[n++ % LINKED.length]; } }, allowed: link },
    { method: 'GET', path: `/api/records/people/${RM.person}/keys`, allowed: link },
  ],
};
