import { z } from 'zod';
import { PANEL_ACTION_STATUSES, PANEL_KINDS } from './panels.tables.js';

/** Contracts of the panels module: one set of schemas for the API, the CLI and the web's messages. */

const isoDate = z
  .string({ message: 'is required (YYYY-MM-DD)' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real date');
const text = (min: number, max: number, what: string) =>
  z.string({ message: `is required (${what})` }).trim().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);
const id = z.number({ message: 'must be a record id (a number)' }).int('must be a whole number').positive('must be a record id');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of ${values.join(', ')}` });

export const newPanelSchema = z.object({
  name: text(3, 120, 'the panel name'),
  kind: oneOf(PANEL_KINDS),
  districts: z.array(z.string().trim().min(1).max(80), { message: 'is required (the districts the panel covers)' }).min(1, 'choose at least one district').max(20),
  chair: z.string().trim().max(120, 'must be at most 120 characters').nullable().optional(),
  memberAgencyIds: z.array(id).max(50, 'at most 50 member agencies').default([]),
});

export const newMeetingSchema = z.object({
  heldOn: isoDate,
  location: z.string().trim().max(200, 'must be at most 200 characters').nullable().optional(),
  attendees: z.array(z.object({ name: text(2, 120, 'who attended'), agencyId: id.nullable().optional() })).max(100, 'at most 100 attendees').default([]),
});

export const newAgendaItemSchema = z
  .object({
    problemId: id.nullable().optional(),
    planId: id.nullable().optional(),
    note: z.string().trim().max(4000, 'must be at most 4000 characters').nullable().optional(),
  })
  .refine((v) => (v.problemId ? 1 : 0) + (v.planId ? 1 : 0) === 1, { message: 'give either a problem or a plan (one of them)', path: ['problemId'] });

export const agendaPatchSchema = z.object({ note: z.string().trim().max(4000, 'must be at most 4000 characters').nullable() });

export const newDecisionSchema = z.object({ text: text(3, 2000, 'what was decided'), agendaItemId: id.nullable().optional() });

export const newPanelActionSchema = z.object({
  description: text(3, 1000, 'what is to be done'),
  ownerName: text(2, 120, 'who will do it'),
  ownerAgencyId: id.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  agendaItemId: id.nullable().optional(),
  decisionId: id.nullable().optional(),
});

export const panelActionPatchSchema = z
  .object({ status: oneOf(PANEL_ACTION_STATUSES).optional(), dueDate: isoDate.nullable().optional() })
  .refine((p) => p.status !== undefined || p.dueDate !== undefined, { message: 'nothing to change', path: ['status'] });

export const reviewsQuerySchema = z.object({ problem: z.coerce.number({ message: 'must be a problem id' }).int().positive('must be a problem id') });
