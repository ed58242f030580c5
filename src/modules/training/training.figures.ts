/** Coverage by district and role, refreshers due or overdue ("My tasks"), and training delivered in a period. */
import { sql } from 'kysely';
import type { DueItem } from '../../platform/lifecycle/due.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { addDays } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { coverage, refreshersDue, type CoverageAttendance, type CoverageCell, type CoverageCourse, type CoverageStaff } from './coverage.js';
import { can, districtScope } from './training.access.js';
import { coverageQuery, deliveredQuery, refreshersQuery } from './training.schema.js';
import { today } from './training.service.js';

const DEFINITIONS = {
  coverage: 'Staff: active accounts working in the district (an account in two districts counts in both), by their role today. Trained: attended the course on or before the day. Current: trained, and the course has no refresher or the refresher is not yet due. Due: trained, refresher due on or before the day.',
  refresher: 'A refresher falls due the same day of the month, the course\'s refresher interval after the last session attended (the last day of the month when that month has no such day). Overdue: the due day has passed.',
  delivered: 'Sessions held between the dates (both included) in the districts shown, and attendances recorded at them (one per officer per session).',
} as const;

interface Facts { courses: CoverageCourse[]; staff: (CoverageStaff & { name: string })[]; attendance: CoverageAttendance[] }

async function facts(ctx: ServiceContext, filter: { district?: string | undefined; course?: string | undefined }): Promise<Facts> {
  const courses = (await sql<{ id: number; name: string; refresher_months: number | null }>`
    select id, name, refresher_months from training_course where active ${filter.course ? sql`and id = ${Number(filter.course)}` : sql``} order by lower(name)`.execute(ctx.db)).rows
    .map((c) => ({ id: Number(c.id), name: c.name, refresherMonths: c.refresher_months === null ? null : Number(c.refresher_months) }));
  const dist = (col: ReturnType<typeof sql>) => sql<boolean>`${districtScope(ctx, col)} ${filter.district ? sql`and lower(${col}) = ${filter.district.toLowerCase()}` : sql``}`;
  const staff = (await sql<{ id: number; name: string; role: string; districts: string[] }>`
    select u.id, coalesce(u.display_name, u.username) as name, u.role, array_agg(d.district order by d.district) as districts
    from app_user u join user_district d on d.user_id = u.id
    where u.disabled_at is null and u.role <> 'partner' and ${dist(sql`d.district`)}
    group by u.id order by u.id`.execute(ctx.db)).rows.map((u) => ({ userId: Number(u.id), name: u.name, role: u.role, districts: u.districts }));
  const ids = staff.map((s) => s.userId);
  const attendance = ids.length === 0 ? [] : (await sql<{ user_id: number; course_id: number; held_on: string }>`
    select a.user_id, s.course_id, s.held_on::text as held_on from training_attendance a join training_session s on s.id = a.session_id
    where a.user_id in (${sql.join(ids)})`.execute(ctx.db)).rows.map((a) => ({ userId: Number(a.user_id), courseId: Number(a.course_id), heldOn: a.held_on }));
  return { courses, staff, attendance };
}

export interface CoverageAnswer { asOf: string; cells: CoverageCell[]; provenance: { definition: string; filters: Record<string, string>; districts: string } }

export async function trainingCoverage(ctx: ServiceContext, query: unknown = {}): Promise<CoverageAnswer> {
  can(ctx, 'training.read');
  const q = parseOrThrow(coverageQuery, query);
  const asOf = q.asOf ?? today(ctx);
  const f = await facts(ctx, q);
  return {
    asOf, cells: coverage(f.courses, f.staff, f.attendance, asOf),
    provenance: {
      definition: DEFINITIONS.coverage, filters: { ...(q.district ? { district: q.district } : {}), ...(q.course ? { course: q.course } : {}) },
      districts: ctx.scope.kind === 'districts' ? ctx.scope.districts.join(', ') : 'all districts',
    },
  };
}

export interface RefresherRow { userId: number; name: string; role: string; districts: string[]; courseId: number; course: string; refresherMonths: number; lastAttended: string; dueOn: string; overdue: boolean }
export interface RefreshersAnswer { asOf: string; until: string; refreshers: RefresherRow[]; definition: string }

/** Who is due (up to `days` ahead, default 30) or overdue a refresher, in the actor's districts (an officer: their own). */
export async function trainingRefreshers(ctx: ServiceContext, query: unknown = {}): Promise<RefreshersAnswer> {
  can(ctx, 'training.read');
  const q = parseOrThrow(refreshersQuery, query);
  const asOf = q.asOf ?? today(ctx);
  const until = addDays(asOf, q.days === undefined ? 30 : Number(q.days));
  const rows = await refresherRows(ctx, asOf, until, q.district);
  return { asOf, until, refreshers: q.overdueOnly === 'true' ? rows.filter((r) => r.overdue) : rows, definition: DEFINITIONS.refresher };
}

async function refresherRows(ctx: ServiceContext, asOf: string, until: string, district?: string): Promise<RefresherRow[]> {
  const f = await facts(ctx, { district });
  const ownOnly = ctx.actor.kind === 'user' && ctx.actor.principal.role === 'officer' ? ctx.actor.principal.id : null;
  const staff = new Map(f.staff.map((s) => [s.userId, s]));
  const courses = new Map(f.courses.map((c) => [c.id, c]));
  return refreshersDue(f.courses, f.attendance, asOf, until)
    .filter((r) => ownOnly === null || r.userId === ownOnly)
    .map((r) => {
      const s = staff.get(r.userId)!;
      const c = courses.get(r.courseId)!;
      return { userId: r.userId, name: s.name, role: s.role, districts: [...s.districts], courseId: r.courseId, course: c.name, refresherMonths: c.refresherMonths!, lastAttended: r.lastAttended, dueOn: r.dueOn, overdue: r.overdue };
    });
}

/** HubModule.due: refreshers due up to `until` (an officer sees their own; supervisors their districts' staff). */
export async function refreshersDueItems(ctx: ServiceContext, window: { asOf: string; until: string }): Promise<DueItem[]> {
  if (ctx.scope.kind === 'agency' || ctx.scope.kind === 'none') return [];
  if (ctx.actor.kind === 'user' && !['admin', 'analyst', 'supervisor', 'officer'].includes(ctx.actor.principal.role)) return [];
  const rows = await refresherRows(ctx, window.asOf, window.until);
  return rows.map((r) => ({
    source: 'training', kind: 'training_refresher', recordType: 'training_course', recordId: r.courseId, itemId: r.userId,
    what: `${r.course}: refresher for ${r.name} (last attended ${r.lastAttended})`, district: r.districts[0] ?? null, owner: r.name, due: r.dueOn,
  }));
}

export interface DeliveredAnswer {
  from: string; to: string;
  rows: { courseId: number; course: string; district: string; sessions: number; attendances: number; officers: number }[];
  totals: { sessions: number; attendances: number; officers: number };
  provenance: { definition: string; districts: string; dataCutoff: string | null };
}

/** Training delivered between two dates (both included): sessions and attendances by course and district. */
export async function trainingDelivered(ctx: ServiceContext, query: unknown): Promise<DeliveredAnswer> {
  can(ctx, 'training.read');
  const q = parseOrThrow(deliveredQuery, query);
  const where = sql`s.held_on between ${q.from} and ${q.to} and ${districtScope(ctx, sql`s.district`)}`;
  const rows = (await sql<{ course_id: number; course: string; district: string; sessions: number; attendances: number; officers: number }>`
    select c.id as course_id, c.name as course, s.district, count(distinct s.id)::int as sessions, count(a.id)::int as attendances, count(distinct a.user_id)::int as officers
    from training_session s join training_course c on c.id = s.course_id left join training_attendance a on a.session_id = s.id
    where ${where} group by c.id, c.name, s.district order by lower(c.name), s.district`.execute(ctx.db)).rows;
  const totals = (await sql<{ sessions: number; attendances: number; officers: number; latest: string | null }>`
    select count(distinct s.id)::int as sessions, count(a.id)::int as attendances, count(distinct a.user_id)::int as officers, max(s.held_on)::text as latest
    from training_session s left join training_attendance a on a.session_id = s.id where ${where}`.execute(ctx.db)).rows[0]!;
  return {
    from: q.from, to: q.to,
    rows: rows.map((r) => ({ courseId: Number(r.course_id), course: r.course, district: r.district, sessions: Number(r.sessions), attendances: Number(r.attendances), officers: Number(r.officers) })),
    totals: { sessions: Number(totals.sessions), attendances: Number(totals.attendances), officers: Number(totals.officers) },
    provenance: { definition: DEFINITIONS.delivered, districts: ctx.scope.kind === 'districts' ? ctx.scope.districts.join(', ') : 'all districts', dataCutoff: totals.latest },
  };
}
