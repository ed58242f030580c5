import { describe, expect, it } from 'vitest';
import { coverage, latestAttendance, refreshersDue, type CoverageCourse } from './coverage.js';

const courses: CoverageCourse[] = [
  { id: 1, name: 'PREVENT Training', refresherMonths: 12 },
  { id: 2, name: 'Outcome 22', refresherMonths: null },
];

describe('latest attendance', () => {
  it('keeps the latest session on or before the as-of day, ignoring later ones', () => {
    const m = latestAttendance([
      { userId: 1, courseId: 1, heldOn: '2025-01-10' }, { userId: 1, courseId: 1, heldOn: '2025-06-10' }, { userId: 1, courseId: 1, heldOn: '2026-06-10' },
    ], '2026-01-01');
    expect(m.get('1:1')).toBe('2025-06-10');
    expect(latestAttendance([], '2026-01-01').size).toBe(0);
  });
});

describe('coverage by district and role', () => {
  it('counts staff, trained, current and due; an account in two districts counts in each', () => {
    const staff = [
      { userId: 1, role: 'officer', districts: ['Thanet'] },
      { userId: 2, role: 'officer', districts: ['Thanet', 'Dover'] },
      { userId: 3, role: 'supervisor', districts: ['Thanet'] },
      { userId: 4, role: 'officer', districts: ['Thanet'] },
    ];
    const att = [
      { userId: 1, courseId: 1, heldOn: '2025-01-31' }, // due 2026-01-31: due on the as-of day
      { userId: 2, courseId: 1, heldOn: '2025-02-01' }, // due 2026-02-01: current
      { userId: 3, courseId: 2, heldOn: '2020-05-05' }, // no refresher: current for ever
      { userId: 4, courseId: 1, heldOn: '2026-02-01' }, // after the as-of day: not counted
    ];
    const cells = coverage(courses, staff, att, '2026-01-31');
    const cell = (c: number, d: string, r: string) => cells.find((x) => x.courseId === c && x.district === d && x.role === r);
    expect(cell(1, 'Thanet', 'officer')).toMatchObject({ staff: 3, trained: 2, current: 1, due: 1 });
    expect(cell(1, 'Dover', 'officer')).toMatchObject({ staff: 1, trained: 1, current: 1, due: 0 });
    expect(cell(1, 'Thanet', 'supervisor')).toMatchObject({ staff: 1, trained: 0, current: 0, due: 0 });
    expect(cell(2, 'Thanet', 'supervisor')).toMatchObject({ staff: 1, trained: 1, current: 1, due: 0 });
    expect(cells).toHaveLength(2 * 3);
  });
  it('no staff or no courses: no rows', () => {
    expect(coverage(courses, [], [], '2026-01-01')).toEqual([]);
    expect(coverage([], [{ userId: 1, role: 'officer', districts: ['Thanet'] }], [], '2026-01-01')).toEqual([]);
    expect(coverage(courses, [{ userId: 1, role: 'officer', districts: [] }], [], '2026-01-01')).toEqual([]);
  });
});

describe('refreshers due', () => {
  const att = [
    { userId: 1, courseId: 1, heldOn: '2024-02-29' }, // due 2025-02-28
    { userId: 2, courseId: 1, heldOn: '2024-03-31' }, // due 2025-03-31
    { userId: 3, courseId: 1, heldOn: '2024-04-30' }, // due 2025-04-30: beyond the window
    { userId: 4, courseId: 2, heldOn: '2020-01-01' }, // no refresher: never listed
  ];
  it('lists what falls due up to the last day looked at, overdue when before the as-of day', () => {
    expect(refreshersDue(courses, att, '2025-03-01', '2025-04-29')).toEqual([
      { userId: 1, courseId: 1, lastAttended: '2024-02-29', dueOn: '2025-02-28', overdue: true },
      { userId: 2, courseId: 1, lastAttended: '2024-03-31', dueOn: '2025-03-31', overdue: false },
    ]);
  });
  it('due on the as-of day is not overdue; the last day of the window is included', () => {
    expect(refreshersDue(courses, att, '2025-02-28', '2025-02-28')).toEqual([{ userId: 1, courseId: 1, lastAttended: '2024-02-29', dueOn: '2025-02-28', overdue: false }]);
    expect(refreshersDue(courses, att, '2025-04-01', '2025-04-30').map((r) => r.userId)).toEqual([1, 2, 3]);
  });
  it('a refresher attended resets the clock', () => {
    expect(refreshersDue(courses, [...att, { userId: 1, courseId: 1, heldOn: '2025-02-20' }], '2025-03-01', '2025-04-29').map((r) => r.userId)).toEqual([2]);
  });
  it('nothing attended: nothing due', () => {
    expect(refreshersDue(courses, [], '2025-01-01', '2026-01-01')).toEqual([]);
  });
});
