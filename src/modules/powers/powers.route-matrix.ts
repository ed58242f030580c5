/** Route-matrix contribution of the powers register (test support): every /api/powers route, its roles. */
import type { Db } from '../../platform/db/database.js';
import type { ModuleMatrix } from '../../platform/module/route-matrix.js';

const REC = 9301;
const TASK = 9302;
const staff = ['admin', 'analyst', 'supervisor', 'officer'] as const;
const recorders = ['admin', 'supervisor', 'officer'] as const;
const warning = { type: 's59_warning', occurredAt: '2026-11-01T20:00', issuer: { agency: 'police', rank: 'constable' }, place: { district: 'Thanet' }, subject: { name: 'Matrix Rider' }, vrm: 'MA71 RIX' };

/** A direction to a child in Thanet (record REC) with its event and an open home-visit task (TASK). */
async function seed(db: Db): Promise<void> {
  await db.insertInto('power_record').values({
    id: REC, record_type: 'dispersal_direction', parent_id: null, occurred_at: new Date('2026-11-01T20:00:00Z'), rules_at: new Date('2026-11-01T20:00:00Z'),
    ends_at: new Date('2026-11-02T20:00:00Z'), district: 'Thanet', lsoa_code: null, place_description: 'Matrix', lon: null, lat: null, place_id: null, person_id: null,
    subject_name: 'Matrix Child', subject_dob: null, subject_appears_age: 14, vehicle_vrm: null, conduct_category: null, problem_id: null, plan_id: null,
    issuer_agency: 'police', issuer_rank: 'constable', issuer_name: null, details: JSON.stringify({}), notices: '[]', outside_rules_reason: null,
    outside_rules_findings: null, outside_rules_recorder_rank: null, rule_versions: '[]', created_by: 'cli:matrix',
  } as never).execute();
  await db.insertInto('power_event').values({
    record_id: REC, power: 'dispersal', stage: 'directed', occurred_at: new Date('2026-11-01T20:00:00Z'), issuer_agency: 'police', issuer_rank: 'constable',
    district: 'Thanet', lsoa_code: null, subject_age: 14, subject_age_basis: 'appears', person_id: null, place_id: null, problem_id: null, plan_id: null, rule_versions: '[]',
  }).execute();
  await db.insertInto('power_task').values({ id: TASK, record_id: REC, kind: 'home_visit', district: 'Thanet', due_on: '2026-11-07' } as never).execute();
}

export const powersMatrix: ModuleMatrix = {
  module: 'powers',
  seed,
  routes: [
    { method: 'GET', path: '/api/powers', allowed: staff },
    { method: 'POST', path: '/api/powers', body: warning, allowed: recorders },
    { method: 'POST', path: '/api/powers/check', body: warning, allowed: recorders },
    { method: 'GET', path: '/api/powers/rules?at=2026-07-01', allowed: [...staff, 'auditor', 'partner'] },
    { method: 'POST', path: '/api/powers/rules', body: { key: 'powers.respect_order.available', value: true, effectiveFrom: '2030-01-01', source: 'Route matrix (test)' }, allowed: ['admin'] },
    { method: 'GET', path: '/api/powers/due?asOf=2026-11-01', allowed: recorders },
    { method: 'GET', path: '/api/powers/tasks', allowed: recorders },
    { method: 'POST', path: `/api/powers/tasks/${TASK}`, body: { letterSentOn: '2026-11-03' }, allowed: recorders },
    { method: 'GET', path: `/api/powers/${REC}`, allowed: staff },
  ],
};
