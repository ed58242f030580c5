import { z } from 'zod';
import { isCalendarDate } from '../../platform/time/london.js';

export const dateSchema = z.string({ error: 'must be a date (YYYY-MM-DD)' }).refine(isCalendarDate, 'must be a date (YYYY-MM-DD)');
const text = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const id = z.number({ error: 'must be a record number' }).int('must be a record number').positive('must be a record number');
const months = z.number({ error: 'must be a whole number of months' }).int('must be a whole number of months').min(1, 'must be at least 1 month').max(120, 'must be at most 120 months');

export const newCourseSchema = z.object({
  name: text(200), description: text(2000).optional(), refresherMonths: months.nullable().optional(),
});

export const courseUpdateSchema = z.object({
  name: text(200).optional(), description: text(2000).nullable().optional(), refresherMonths: months.nullable().optional(),
  active: z.boolean({ error: 'must be true or false' }).optional(),
}).refine((v) => Object.keys(v).length > 0, { message: 'give at least one field to change', path: ['name'] });

export const newSessionSchema = z.object({
  courseId: id, heldOn: dateSchema, trainer: text(200), district: text(80), venue: text(200).optional(), notes: text(2000).optional(),
});

export const attendanceSchema = z.object({
  attendees: z.array(z.object({ userId: id, team: text(120) }), { error: 'must be a list of {userId, team}' }).min(1, 'name at least one officer').max(200, 'at most 200 at a time'),
});

const num = (what: string) => z.string().regex(/^\d{1,15}$/, `must be ${what}`);
export const sessionsQuery = z.object({
  course: num('a course number').optional(), district: z.string().max(80).optional(), from: dateSchema.optional(), to: dateSchema.optional(),
});
export const coverageQuery = z.object({ asOf: dateSchema.optional(), district: z.string().max(80).optional(), course: num('a course number').optional() });
export const refreshersQuery = z.object({
  asOf: dateSchema.optional(), days: z.string().regex(/^\d{1,3}$/, 'must be a whole number of days up to 999').optional(),
  district: z.string().max(80).optional(), overdueOnly: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
});
export const deliveredQuery = z.object({ from: dateSchema, to: dateSchema });
