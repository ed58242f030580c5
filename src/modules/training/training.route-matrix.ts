import { sql } from 'kysely';
import type { ModuleMatrix } from '../../platform/module/route-matrix.js';
import type { Role } from '../../platform/policy.js';

/** Explicit ids of the route-matrix fixtures (Thanet, where the supervisor and officer accounts work). */
export const TM = { course: 9601, session: 9601, users: [9601, 9602, 9603, 9604, 9605, 9606, 9607, 9608] } as const;

const read: Role[] = ['admin', 'analyst', 'supervisor', 'officer'];
const write: Role[] = ['admin', 'supervisor'];
const manage: Role[] = ['admin'];
let n = 0;
const next = () => ++n;
/** Each role removes an attendance of its own (the first four fixture accounts attended). */
const removable: Partial<Record<Role, number>> = { admin: TM.users[0], supervisor: TM.users[1] };
export const trainingMatrix: ModuleMatrix = {
  module: 'training',
  seed: async (db) => {
    for (const [i, id] of TM.users.entries()) {
      await sql`insert into app_user (id, username, display_name, role, password_hash) values (${id}, ${`matrix-trainee-${i}`}, ${`Trainee ${i} Matrix`}, 'officer', 'not-a-hash')`.execute(db);
      await sql`insert into user_district (user_id, district) values (${id}, 'Thanet')`.execute(db);
    }
    await sql`insert into training_course (id, name, refresher_months, created_by) values (${TM.course}, 'Matrix course', 12, 'cli:test')`.execute(db);
    await sql`insert into training_session (id, course_id, held_on, trainer, district, created_by) values (${TM.session}, ${TM.course}, '2025-03-01', 'Matrix trainer', 'Thanet', 'cli:test')`.execute(db);
    for (const id of TM.users.slice(0, 4)) await sql`insert into training_attendance (session_id, user_id, team, recorded_by) values (${TM.session}, ${id}, 'Matrix team', 'cli:test')`.execute(db);
  },
  routes: [
    { method: 'GET', path: '/api/training/courses', allowed: read },
    { method: 'POST', path: '/api/training/courses', body: { refresherMonths: 24, get name() { return `Matrix course ${next()}`; } }, allowed: manage },
    { method: 'GET', path: `/api/training/courses/${TM.course}`, allowed: read },
    { method: 'PATCH', path: `/api/training/courses/${TM.course}`, body: { refresherMonths: 12 }, allowed: manage },
    { method: 'GET', path: '/api/training/sessions', allowed: read },
    { method: 'POST', path: '/api/training/sessions', body: { courseId: TM.course, heldOn: '2025-04-01', trainer: 'Matrix trainer', district: 'Thanet' }, allowed: write },
    { method: 'GET', path: `/api/training/sessions/${TM.session}`, allowed: read },
    { method: 'POST', path: `/api/training/sessions/${TM.session}/attendance`, body: { get attendees() { return [{ userId: TM.users[4 + (next() % 4)]!, team: 'Matrix team' }]; } }, allowed: write },
    { method: 'DELETE', path: `/api/training/sessions/${TM.session}/attendance/${TM.users[0]}?reason=Matrix+removal`, pathFor: (role) => `/api/training/sessions/${TM.session}/attendance/${removable[role] ?? TM.users[2]}?reason=Matrix+removal`, allowed: write },
    { method: 'GET', path: '/api/training/staff', allowed: read },
    { method: 'GET', path: `/api/training/officers/${TM.users[2]}`, allowed: read },
    { method: 'GET', path: '/api/training/coverage', allowed: read },
    { method: 'GET', path: '/api/training/refreshers?days=400&asOf=2026-01-01', allowed: read },
    { method: 'GET', path: '/api/training/delivered?from=2025-01-01&to=2025-12-31', allowed: read },
  ],
};
