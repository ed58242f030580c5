/** Training: courses (force-wide, with refresher intervals), sessions and attendance (district), officers' records. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError, ruleRefused } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { londonDate, parseCalendarDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { refresherStatus, type RefresherStatus } from './refresher.js';
import { actorLabel, assertOwnDistrict, can, districtScope, knownDistrict } from './training.access.js';
import { attendanceSchema, courseUpdateSchema, newCourseSchema, newSessionSchema, sessionsQuery } from './training.schema.js';

export interface Course { id: number; name: string; description: string | null; refresherMonths: number | null; active: boolean; sessions: number; attendances: number }
export interface SessionSummary { id: number; courseId: number; course: string; heldOn: string; trainer: string; district: string; venue: string | null; attendees: number }
export interface Attendee { userId: number; name: string; username: string; role: string; team: string; recordedBy: string; recordedAt: string }
export interface SessionDetail extends SessionSummary { notes: string | null; attendance: Attendee[] }
export interface CourseDetail extends Course { sessionsInScope: SessionSummary[] }

export const today = (ctx: ServiceContext) => londonDate(ctx.now());
const userName = sql<string>`coalesce(u.display_name, u.username)`;

type CourseRow = { id: number; name: string; description: string | null; refresher_months: number | null; active: boolean; sessions: number; attendances: number };
const toCourse = (c: CourseRow): Course => ({ id: Number(c.id), name: c.name, description: c.description, refresherMonths: c.refresher_months === null ? null : Number(c.refresher_months), active: c.active, sessions: Number(c.sessions), attendances: Number(c.attendances) });

/** Courses with the sessions and attendances held in the actor's districts. */
export async function listCourses(ctx: ServiceContext, query: { includeInactive?: boolean } = {}): Promise<Course[]> {
  can(ctx, 'training.read');
  const r = await sql<CourseRow>`
    select c.id, c.name, c.description, c.refresher_months, c.active,
      (select count(*)::int from training_session s where s.course_id = c.id and ${districtScope(ctx, sql`s.district`)}) as sessions,
      (select count(*)::int from training_attendance a join training_session s on s.id = a.session_id where s.course_id = c.id and ${districtScope(ctx, sql`s.district`)}) as attendances
    from training_course c ${query.includeInactive ? sql`` : sql`where c.active`}
    order by lower(c.name)`.execute(ctx.db);
  return r.rows.map(toCourse);
}

async function courseRow(db: Db, ctx: ServiceContext, id: number): Promise<Course> {
  const r = await sql<CourseRow>`
    select c.id, c.name, c.description, c.refresher_months, c.active,
      (select count(*)::int from training_session s where s.course_id = c.id and ${districtScope(ctx, sql`s.district`)}) as sessions,
      (select count(*)::int from training_attendance a join training_session s on s.id = a.session_id where s.course_id = c.id and ${districtScope(ctx, sql`s.district`)}) as attendances
    from training_course c where c.id = ${id}`.execute(db);
  const c = r.rows[0];
  if (!c) throw new AppError('not_found', `No course ${id}`);
  return toCourse(c);
}

export async function getCourse(ctx: ServiceContext, id: number): Promise<CourseDetail> {
  can(ctx, 'training.read');
  const course = await courseRow(ctx.db, ctx, id);
  const sessionsInScope = await sessionsWhere(ctx, ctx.db, sql`s.course_id = ${id}`);
  return { ...course, sessionsInScope };
}

async function assertNameFree(db: Db, name: string, except: number | null) {
  const clash = await db.selectFrom('training_course').select(['id', 'name']).where(sql<boolean>`lower(name) = ${name.toLowerCase()}`).executeTakeFirst();
  if (clash && Number(clash.id) !== except) throw new AppError('conflict', `name: there is already a course called '${clash.name}' (course ${clash.id})`);
}

export async function createCourse(ctx: ServiceContext, input: unknown): Promise<CourseDetail> {
  can(ctx, 'training.manage');
  const v = parseOrThrow(newCourseSchema, input);
  const id = await ctx.tx(async (t) => {
    await assertNameFree(t.db, v.name, null);
    const r = await t.db.insertInto('training_course').values({ name: v.name, description: v.description ?? null, refresher_months: v.refresherMonths ?? null, created_by: actorLabel(ctx) }).returning('id').executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'training_course', recordId: String(r.id), details: { name: v.name, refresherMonths: v.refresherMonths ?? null } });
    return Number(r.id);
  });
  return getCourse(ctx, id);
}

/** Renames, describes, sets or clears the refresher interval, retires or restores a course. */
export async function updateCourse(ctx: ServiceContext, id: number, input: unknown): Promise<CourseDetail> {
  can(ctx, 'training.manage');
  const v = parseOrThrow(courseUpdateSchema, input);
  await ctx.tx(async (t) => {
    const before = await t.db.selectFrom('training_course').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found', `No course ${id}`);
    if (v.name !== undefined) await assertNameFree(t.db, v.name, id);
    await t.db.updateTable('training_course').set({
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.description !== undefined ? { description: v.description } : {}),
      ...(v.refresherMonths !== undefined ? { refresher_months: v.refresherMonths } : {}),
      ...(v.active !== undefined ? { active: v.active } : {}),
      updated_at: new Date(),
    }).where('id', '=', id).execute();
    await t.audit({ action: 'update', recordType: 'training_course', recordId: String(id), details: { before: { name: before.name, refresherMonths: before.refresher_months, active: before.active }, changes: v } });
  });
  return getCourse(ctx, id);
}

type SessionRow = { id: number; course_id: number; course: string; held_on: string; trainer: string; district: string; venue: string | null; notes: string | null; attendees: number };
const toSummary = (s: SessionRow): SessionSummary => ({ id: Number(s.id), courseId: Number(s.course_id), course: s.course, heldOn: s.held_on, trainer: s.trainer, district: s.district, venue: s.venue, attendees: Number(s.attendees) });

async function sessionsWhere(ctx: ServiceContext, db: Db, where: ReturnType<typeof sql<boolean>>): Promise<SessionSummary[]> {
  const r = await sql<SessionRow>`
    select s.id, s.course_id, c.name as course, s.held_on::text as held_on, s.trainer, s.district, s.venue, s.notes,
      (select count(*)::int from training_attendance a where a.session_id = s.id) as attendees
    from training_session s join training_course c on c.id = s.course_id
    where ${districtScope(ctx, sql`s.district`)} and ${where}
    order by s.held_on desc, s.id desc`.execute(db);
  return r.rows.map(toSummary);
}

export async function listSessions(ctx: ServiceContext, query: unknown = {}): Promise<SessionSummary[]> {
  can(ctx, 'training.read');
  const q = parseOrThrow(sessionsQuery, query);
  const conds = [sql<boolean>`true`];
  if (q.course) conds.push(sql<boolean>`s.course_id = ${Number(q.course)}`);
  if (q.district) conds.push(sql<boolean>`lower(s.district) = ${q.district.toLowerCase()}`);
  if (q.from) conds.push(sql<boolean>`s.held_on >= ${q.from}`);
  if (q.to) conds.push(sql<boolean>`s.held_on <= ${q.to}`);
  return sessionsWhere(ctx, ctx.db, sql<boolean>`${sql.join(conds, sql` and `)}`);
}

export async function getSession(ctx: ServiceContext, id: number, db: Db = ctx.db): Promise<SessionDetail> {
  can(ctx, 'training.read');
  const r = await sql<SessionRow>`
    select s.id, s.course_id, c.name as course, s.held_on::text as held_on, s.trainer, s.district, s.venue, s.notes,
      (select count(*)::int from training_attendance a where a.session_id = s.id) as attendees
    from training_session s join training_course c on c.id = s.course_id
    where s.id = ${id} and ${districtScope(ctx, sql`s.district`)}`.execute(db);
  const s = r.rows[0];
  if (!s) throw new AppError('not_found', `No training session ${id} in your districts`);
  const a = await sql<{ user_id: number; name: string; username: string; role: string; team: string; recorded_by: string; recorded_at: Date }>`
    select a.user_id, ${userName} as name, u.username, u.role, a.team, a.recorded_by, a.recorded_at
    from training_attendance a join app_user u on u.id = a.user_id where a.session_id = ${id} order by lower(${userName}), a.user_id`.execute(db);
  return {
    ...toSummary(s), notes: s.notes,
    attendance: a.rows.map((x) => ({ userId: Number(x.user_id), name: x.name, username: x.username, role: x.role, team: x.team, recordedBy: x.recorded_by, recordedAt: new Date(x.recorded_at).toISOString() })),
  };
}

export async function createSession(ctx: ServiceContext, input: unknown): Promise<SessionDetail> {
  can(ctx, 'training.write');
  const v = parseOrThrow(newSessionSchema, input);
  const district = await knownDistrict(ctx.db, v.district);
  assertOwnDistrict(ctx, district);
  const id = await ctx.tx(async (t) => {
    const course = await t.db.selectFrom('training_course').select(['id', 'name', 'active']).where('id', '=', v.courseId).executeTakeFirst();
    if (!course) throw new AppError('validation', `courseId: no course ${v.courseId}`);
    if (!course.active) throw ruleRefused(`The course '${course.name}' is retired: restore it before adding sessions`, [{ rule: 'training.course_active', field: 'courseId', message: `the course '${course.name}' is retired` }]);
    const r = await t.db.insertInto('training_session').values({ course_id: v.courseId, held_on: v.heldOn, trainer: v.trainer, district, venue: v.venue ?? null, notes: v.notes ?? null, created_by: actorLabel(ctx) }).returning('id').executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'training_session', recordId: String(r.id), details: { courseId: v.courseId, heldOn: v.heldOn, district } });
    return Number(r.id);
  });
  return getSession(ctx, id);
}

/** Accounts a district-scoped actor may name: those working in one of the actor's districts. */
function staffScope(ctx: ServiceContext) {
  return ctx.scope.kind === 'all' ? sql<boolean>`true` : sql<boolean>`exists (select 1 from user_district d where d.user_id = u.id and ${districtScope(ctx, sql`d.district`)})`;
}

/** Records who attended (one or more officers, each with their team); refused as a whole when any is wrong. */
export async function addAttendance(ctx: ServiceContext, sessionId: number, input: unknown): Promise<SessionDetail> {
  can(ctx, 'training.write');
  const v = parseOrThrow(attendanceSchema, input);
  const on = today(ctx);
  await ctx.tx(async (t) => {
    const s = await getSession(ctx, sessionId, t.db);
    if (s.heldOn > on) throw ruleRefused(`The session is on ${s.heldOn}: attendance is recorded on or after the day`, [{ rule: 'training.attendance_after_session', field: 'attendees', message: `the session is on ${s.heldOn}, after today (${on})` }]);
    const seen = new Set<number>();
    for (const [i, a] of v.attendees.entries()) {
      if (seen.has(a.userId)) throw new AppError('validation', `attendees.${i}.userId: account ${a.userId} is named twice`);
      seen.add(a.userId);
      const u = (await sql<{ id: number; name: string; disabled_at: Date | null }>`select u.id, ${userName} as name, u.disabled_at from app_user u where u.id = ${a.userId} and ${staffScope(ctx)}`.execute(t.db)).rows[0];
      if (!u) throw new AppError('validation', `attendees.${i}.userId: no account ${a.userId}${ctx.scope.kind === 'all' ? '' : ' working in your districts'}`);
      if (u.disabled_at !== null) throw new AppError('validation', `attendees.${i}.userId: the account of ${u.name} is disabled`);
      if (s.attendance.some((x) => x.userId === a.userId)) throw new AppError('conflict', `attendees.${i}.userId: ${u.name} is already recorded as attending this session`);
      const r = await t.db.insertInto('training_attendance').values({ session_id: sessionId, user_id: a.userId, team: a.team, recorded_by: actorLabel(ctx) }).returning('id').executeTakeFirstOrThrow();
      await t.audit({ action: 'create', recordType: 'training_attendance', recordId: String(r.id), details: { sessionId, userId: a.userId, team: a.team } });
    }
  });
  return getSession(ctx, sessionId);
}

/** Removes an attendance recorded in error (audited with the reason). */
export async function removeAttendance(ctx: ServiceContext, sessionId: number, userId: number, reason: unknown): Promise<SessionDetail> {
  can(ctx, 'training.write');
  if (typeof reason !== 'string' || reason.trim().length < 5) throw new AppError('validation', 'reason: say why the attendance is removed (at least 5 characters)');
  await ctx.tx(async (t) => {
    await getSession(ctx, sessionId, t.db);
    const a = await t.db.selectFrom('training_attendance').selectAll().where('session_id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
    if (!a) throw new AppError('not_found', `Account ${userId} is not recorded as attending session ${sessionId}`);
    await t.db.deleteFrom('training_attendance').where('id', '=', a.id).execute();
    await t.audit({ action: 'delete', recordType: 'training_attendance', recordId: String(a.id), reason: reason.trim(), details: { sessionId, userId, team: a.team } });
  });
  return getSession(ctx, sessionId);
}

export interface StaffMember { userId: number; name: string; username: string; role: string; districts: string[] }

/** Active accounts the actor may record attendance for (district-scoped actors: their districts' staff). */
export async function listStaff(ctx: ServiceContext): Promise<StaffMember[]> {
  can(ctx, 'training.read');
  const r = await sql<{ id: number; name: string; username: string; role: string; districts: string[] | null }>`
    select u.id, ${userName} as name, u.username, u.role,
      (select array_agg(d.district order by d.district) from user_district d where d.user_id = u.id) as districts
    from app_user u where u.disabled_at is null and u.role <> 'partner' and ${staffScope(ctx)}
    order by lower(${userName}), u.id`.execute(ctx.db);
  return r.rows.map((u) => ({ userId: Number(u.id), name: u.name, username: u.username, role: u.role, districts: u.districts ?? [] }));
}

export interface OfficerCourse { courseId: number; course: string; refresherMonths: number | null; lastAttended: string; status: RefresherStatus; dueOn: string | null }
export interface OfficerRecord {
  userId: number; name: string; role: string; districts: string[]; asOf: string;
  courses: OfficerCourse[];
  sessions: { sessionId: number; courseId: number; course: string; heldOn: string; district: string; team: string }[];
}

/** One officer's training: every session attended and, per course, whether a refresher is due (audited view). */
export async function officerRecord(ctx: ServiceContext, userId: number, asOfInput?: string): Promise<OfficerRecord> {
  can(ctx, 'training.read');
  const asOf = asOfInput === undefined ? today(ctx) : parseCalendarDate(asOfInput, 'asOf');
  const self = ctx.actor.kind === 'user' && ctx.actor.principal.id === userId;
  return ctx.tx(async (t) => {
    const u = (await sql<{ id: number; name: string; role: string; districts: string[] | null }>`
      select u.id, ${userName} as name, u.role, (select array_agg(d.district order by d.district) from user_district d where d.user_id = u.id) as districts
      from app_user u where u.id = ${userId} and (${self ? sql<boolean>`true` : staffScope(ctx)})`.execute(t.db)).rows[0];
    if (!u) throw new AppError('not_found', `No account ${userId}${ctx.scope.kind === 'all' ? '' : ' working in your districts'}`);
    const rows = (await sql<{ session_id: number; course_id: number; course: string; refresher_months: number | null; held_on: string; district: string; team: string }>`
      select s.id as session_id, c.id as course_id, c.name as course, c.refresher_months, s.held_on::text as held_on, s.district, a.team
      from training_attendance a join training_session s on s.id = a.session_id join training_course c on c.id = s.course_id
      where a.user_id = ${userId} order by s.held_on desc, s.id desc`.execute(t.db)).rows;
    const courses = new Map<number, OfficerCourse>();
    for (const r of rows) {
      if (r.held_on > asOf || courses.has(Number(r.course_id))) continue;
      const months = r.refresher_months === null ? null : Number(r.refresher_months);
      const st = refresherStatus(months, r.held_on, asOf);
      courses.set(Number(r.course_id), { courseId: Number(r.course_id), course: r.course, refresherMonths: months, lastAttended: r.held_on, status: st.status, dueOn: st.dueOn });
    }
    await t.audit({ action: 'view', recordType: 'training_officer', recordId: String(userId), details: { sessions: rows.length } });
    return {
      userId: Number(u.id), name: u.name, role: u.role, districts: u.districts ?? [], asOf,
      courses: [...courses.values()].sort((a, b) => a.course.localeCompare(b.course)),
      sessions: rows.map((r) => ({ sessionId: Number(r.session_id), courseId: Number(r.course_id), course: r.course, heldOn: r.held_on, district: r.district, team: r.team })),
    };
  });
}

/** A staff account's training attendance, for its subject access export (`hub sar --user`). */
export async function trainingOfAccount(db: Db, userId: number): Promise<{ course: string; heldOn: string; district: string; trainer: string; team: string; recordedBy: string; recordedAt: Date }[]> {
  return (await sql<{ course: string; held_on: string; district: string; trainer: string; team: string; recorded_by: string; recorded_at: Date }>`
    select c.name as course, s.held_on::text as held_on, s.district, s.trainer, a.team, a.recorded_by, a.recorded_at
    from training_attendance a join training_session s on s.id = a.session_id join training_course c on c.id = s.course_id
    where a.user_id = ${userId} order by s.held_on, s.id`.execute(db)).rows
    .map((r) => ({ course: r.course, heldOn: r.held_on, district: r.district, trainer: r.trainer, team: r.team, recordedBy: r.recorded_by, recordedAt: r.recorded_at }));
}
