import { sql } from 'kysely';
import type { ModuleMatrix } from '../../platform/module/route-matrix.js';
import type { Role } from '../../platform/policy.js';

/** Explicit ids of the route-matrix fixtures (Thanet, where the supervisor and officer accounts work). */
export const OPM = { operation: 9551, deployment: 9551, place: 9551, feedback: 9551 } as const;

const read: Role[] = ['admin', 'analyst', 'supervisor', 'officer', 'partner'];
const write: Role[] = ['admin', 'supervisor', 'officer'];
const manage: Role[] = ['admin', 'supervisor'];
const match: Role[] = ['admin', 'analyst', 'supervisor', 'officer'];
let n = 0;
const next = () => ++n;
export const operationsMatrix: ModuleMatrix = {
  module: 'operations',
  seed: async (db) => {
    const police = sql`(select id from partner_agency order by (kind = 'police') desc, id limit 1)`;
    await sql`insert into place (id, name, address, lat, lon, district, premises_type, owning_agency_id, created_by) values (${OPM.place}, 'Matrix Tavern', '1 Matrix Street', 51.36, 1.41, 'Thanet', 'licensed_premises', ${police}, 'cli:test')`.execute(db);
    await sql`insert into operation (id, name, objectives, districts, starts_on, created_by) values (${OPM.operation}, 'Matrix', 'Route matrix', ${sql`array['Thanet']::text[]`}, '2025-01-01', 'cli:test')`.execute(db);
    await sql`insert into operation_deployment (id, operation_id, deployed_on, start_time, end_time, district, tactics, created_by) values (${OPM.deployment}, ${OPM.operation}, '2025-07-11', '21:00', '03:00', 'Thanet', ${sql`array['High visibility']::text[]`}, 'cli:test')`.execute(db);
    await sql`insert into operation_deployment_venue (deployment_id, place_id) values (${OPM.deployment}, ${OPM.place})`.execute(db);
    await sql`insert into operation_feedback (id, operation_id, source_kind, attribution, quote, received_on, district, created_by) values (${OPM.feedback}, ${OPM.operation}, 'licensee', 'Licensee, Margate', 'Matrix quote', '2025-07-12', 'Thanet', 'cli:test')`.execute(db);
  },
  routes: [
    { method: 'GET', path: '/api/operations', allowed: read },
    { method: 'POST', path: '/api/operations', body: { objectives: 'Matrix', districts: ['Thanet'], startsOn: '2025-01-01', get name() { return `Matrix ${next()}`; } }, allowed: manage },
    { method: 'GET', path: '/api/operations/summary?from=2025-07-01&to=2025-09-30', allowed: read },
    { method: 'GET', path: `/api/operations/${OPM.operation}`, allowed: read },
    { method: 'PATCH', path: `/api/operations/${OPM.operation}`, body: { objectives: 'Route matrix, changed' }, allowed: manage },
    { method: 'POST', path: `/api/operations/${OPM.operation}/deployments`, body: { deployedOn: '2025-08-01', startTime: '20:00', endTime: '02:00', district: 'Thanet', tactics: ['Knife arch'], venues: [OPM.place] }, allowed: write },
    { method: 'POST', path: `/api/operations/${OPM.operation}/feedback`, body: { deploymentId: OPM.deployment, sourceKind: 'public', attribution: 'Member of the public', quote: 'Matrix', receivedOn: '2025-07-12', consent: { toPublish: false } }, allowed: write },
    { method: 'GET', path: `/api/operations/${OPM.operation}/stop-search-matching`, allowed: match },
    { method: 'GET', path: `/api/operations/deployments/${OPM.deployment}`, allowed: read },
    { method: 'POST', path: `/api/operations/deployments/${OPM.deployment}/results`, body: { arrests: 1, stopSearches: 7, outOfCourtResolutions: 3, engagements: 40, intelligenceSubmissions: 2, seizures: 1 }, allowed: write },
    { method: 'POST', path: `/api/operations/feedback/${OPM.feedback}/consent`, body: { toPublish: true, recordedOn: '2025-07-13' }, allowed: write },
  ],
};
