/**
 * Training coverage and refreshers. Pure: no database, no clock.
 *
 * Coverage of a course in a district and role: of the staff accounts of that role working in the
 * district (an account in two districts counts in both), how many have attended the course on or
 * before the as-of day ("trained"), and how many of those are in date ("current": the course has no
 * refresher, or the refresher is not yet due). "Due" people have attended but their refresher fell
 * due on or before the as-of day.
 */
import { refresherStatus } from './refresher.js';

export interface CoverageCourse { id: number; name: string; refresherMonths: number | null }
export interface CoverageStaff { userId: number; role: string; districts: readonly string[] }
export interface CoverageAttendance { userId: number; courseId: number; heldOn: string }

export interface CoverageCell {
  courseId: number; course: string; district: string; role: string;
  staff: number; trained: number; current: number; due: number;
}

/** Each person's latest attendance of each course on or before `asOf` (key `${userId}:${courseId}`). */
export function latestAttendance(attendance: readonly CoverageAttendance[], asOf: string): Map<string, string> {
  const last = new Map<string, string>();
  for (const a of attendance) {
    if (a.heldOn > asOf) continue;
    const k = `${a.userId}:${a.courseId}`;
    const prev = last.get(k);
    if (prev === undefined || a.heldOn > prev) last.set(k, a.heldOn);
  }
  return last;
}

/** Coverage per course, district and role (rows only for district-role pairs that have staff). */
export function coverage(courses: readonly CoverageCourse[], staff: readonly CoverageStaff[], attendance: readonly CoverageAttendance[], asOf: string): CoverageCell[] {
  const last = latestAttendance(attendance, asOf);
  const groups = new Map<string, { district: string; role: string; users: number[] }>();
  for (const s of staff) {
    for (const d of new Set(s.districts)) {
      const k = `${d}\u0000${s.role}`;
      const g = groups.get(k) ?? { district: d, role: s.role, users: [] };
      g.users.push(s.userId);
      groups.set(k, g);
    }
  }
  const keys = [...groups.keys()].sort();
  const out: CoverageCell[] = [];
  for (const c of courses) {
    for (const k of keys) {
      const g = groups.get(k)!;
      let trained = 0;
      let current = 0;
      let due = 0;
      for (const u of g.users) {
        const on = last.get(`${u}:${c.id}`);
        if (on === undefined) continue;
        trained += 1;
        const st = refresherStatus(c.refresherMonths, on, asOf).status;
        if (st === 'due') due += 1;
        else current += 1;
      }
      out.push({ courseId: c.id, course: c.name, district: g.district, role: g.role, staff: g.users.length, trained, current, due });
    }
  }
  return out;
}

export interface RefresherEntry { userId: number; courseId: number; lastAttended: string; dueOn: string; overdue: boolean }

/**
 * Refreshers falling due on or before `until` (including those already overdue on `asOf`), for
 * courses with a refresher interval. Overdue: the due day is before `asOf` (due on the day itself is
 * due, not yet overdue).
 */
export function refreshersDue(courses: readonly CoverageCourse[], attendance: readonly CoverageAttendance[], asOf: string, until: string): RefresherEntry[] {
  const byId = new Map(courses.map((c) => [c.id, c]));
  const out: RefresherEntry[] = [];
  for (const [k, on] of latestAttendance(attendance, asOf)) {
    const [userId, courseId] = k.split(':').map(Number) as [number, number];
    const c = byId.get(courseId);
    if (!c || c.refresherMonths === null) continue;
    const { dueOn } = refresherStatus(c.refresherMonths, on, on);
    if (dueOn === null || dueOn > until) continue;
    out.push({ userId, courseId, lastAttended: on, dueOn, overdue: dueOn < asOf });
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.userId - b.userId || a.courseId - b.courseId);
}
