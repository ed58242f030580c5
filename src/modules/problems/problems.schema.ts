import { z } from 'zod';

/** Contracts of the problems module: one set of schemas for the API, the CLI and the web's messages. */

export const STAGES = ['objective', 'scanning', 'analysis', 'response', 'assessment', 'closed'] as const;
export type Stage = (typeof STAGES)[number];
export const STATEMENT_TYPES = ['behaviour', 'place', 'persons', 'time'] as const;
export const MECHANISMS = ['situational', 'enforcement', 'diversion', 'engagement'] as const;
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
/** The impact scale (MPS problem solvers' guide): eliminate; reduce; reduce seriousness; handle better; hand over. */
export const OUTCOMES = ['eliminated', 'reduced', 'less_serious', 'handled_better', 'handed_over'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABEL: Record<Outcome, string> = {
  eliminated: 'Eliminated',
  reduced: 'Reduced',
  less_serious: 'Less serious',
  handled_better: 'Handled better',
  handed_over: 'Handed to a better-placed body',
};

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'must be a real date');
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optText = (max: number) => text(max).nullable().optional();
const codes = z.array(z.string().trim().min(1, 'must not be empty').max(20, 'must be a code')).max(500, 'at most 500 codes');
const list = z.array(z.string().trim().min(1).max(200)).max(100);

/** Harm weights per category: an object, or "Category=weight; Category=weight" as typed in the web form. */
const harmWeightsSchema = z.union([z.record(z.string(), z.number().min(0, 'weights must be >= 0')), z.string()]).transform((v, ctx) => {
  if (typeof v !== 'string') return v;
  const out: Record<string, number> = {};
  for (const part of v.split(';').map((x) => x.trim()).filter(Boolean)) {
    const at = part.lastIndexOf('=');
    const w = at > 0 && part.slice(at + 1).trim() !== '' ? Number(part.slice(at + 1)) : NaN;
    if (!Number.isFinite(w) || w < 0) {
      ctx.addIssue({ code: 'custom', message: `must be CATEGORY=WEIGHT pairs separated by ';' with weights >= 0, not '${part}'` });
      return z.NEVER;
    }
    out[part.slice(0, at).trim()] = w;
  }
  return out;
});

/** The saved incident filter of the Scanning stage: area as districts and/or LSOA codes, categories, period. */
export const problemFilterSchema = z
  .object({
    district: list.default([]),
    lsoa: codes.default([]),
    category: list.default([]),
    from: month.optional(),
    to: month.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "must not be after 'to'", path: ['from'] });
export type ProblemFilter = z.output<typeof problemFilterSchema>;

/** Where a problem was opened from: a repeat location or hotspot with its figures and the window it was picked from. */
export const problemSourceSchema = z.object({
  kind: z.enum(['repeat-location', 'hotspot']),
  label: text(300).optional(),
  filter: problemFilterSchema.optional(),
  pickedFrom: month,
  pickedTo: month,
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).default({}),
  longitude: z.number().min(-180).max(180).optional(),
  latitude: z.number().min(-90).max(90).optional(),
}).refine((s) => s.pickedFrom <= s.pickedTo, { message: "must not be after 'pickedTo'", path: ['pickedFrom'] });
export type ProblemSource = z.output<typeof problemSourceSchema>;

/** Every editable field (PATCH); null clears a field. */
export const problemFieldsSchema = z.object({
  title: text(200).min(3, 'must be at least 3 characters').optional(),
  statementType: z.enum(STATEMENT_TYPES, { error: 'must be one of behaviour, place, persons, time' }).optional(),
  objectiveTarget: optText(1000),
  baselineFrom: month.nullable().optional(),
  baselineTo: month.nullable().optional(),
  ownerId: z.number().int().positive().nullable().optional(),
  /** The owner by username (what the web form sends); resolved to ownerId. */
  ownerUsername: z.string().trim().min(1, 'is required').max(100).nullable().optional(),
  reviewDate: isoDate.nullable().optional(),
  statement: optText(4000),
  whyProblem: optText(4000),
  filter: problemFilterSchema.optional(),
  offender: optText(2000),
  victimTarget: optText(2000),
  placeDescription: optText(2000),
  handler: optText(1000),
  guardian: optText(1000),
  manager: optText(1000),
  dataSources: optText(2000),
  hypotheses: optText(4000),
  evalStart: month.nullable().optional(),
  evalPreMonths: z.number().int('must be a whole number').min(1, 'must be 1 to 120').max(120, 'must be 1 to 120').nullable().optional(),
  evalPostMonths: z.number().int('must be a whole number').min(1, 'must be 1 to 120').max(120, 'must be 1 to 120').nullable().optional(),
  areaTreated: codes.optional(),
  areaControl: codes.optional(),
  areaDispTreated: codes.optional(),
  areaDispControl: codes.optional(),
  harmWeights: harmWeightsSchema.optional(),
  outcome: z.enum(OUTCOMES, { error: `must be one of ${OUTCOMES.join(', ')}` }).nullable().optional(),
  outcomeDetail: optText(2000),
  lessons: optText(4000),
  goodPractice: z.boolean().optional(),
});
export type ProblemFields = z.output<typeof problemFieldsSchema>;

export const newProblemSchema = problemFieldsSchema.extend({
  title: text(200).min(3, 'must be at least 3 characters'),
  district: text(100).min(1, 'is required: the district the problem is in'),
  statementType: z.enum(STATEMENT_TYPES, { error: 'must be one of behaviour, place, persons, time' }),
  source: problemSourceSchema.optional(),
});
export type NewProblem = z.output<typeof newProblemSchema>;

export const stageMoveSchema = z.object({
  stage: z.enum(STAGES, { error: `must be one of ${STAGES.join(', ')}` }),
  note: text(1000).optional(),
});

export const newActionSchema = z.object({
  description: text(2000).min(3, 'must be at least 3 characters'),
  ownerId: z.number().int().positive().nullable().optional(),
  ownerUsername: z.string().trim().min(1, 'is required').max(100).nullable().optional(),
  partnerAgencyId: z.number().int().positive().nullable().optional(),
  mechanism: z.enum(MECHANISMS, { error: `must be one of ${MECHANISMS.join(', ')}` }),
  dueDate: isoDate.nullable().optional(),
  status: z.enum(ACTION_STATUSES, { error: 'must be one of open, done, dropped' }).default('open'),
});
export const actionPatchSchema = newActionSchema.partial().omit({ status: true }).extend({
  status: z.enum(ACTION_STATUSES, { error: 'must be one of open, done, dropped' }).optional(),
});

export const closeSchema = z.object({ reason: text(1000).optional() });

export const boardQuerySchema = z.object({
  stage: z.enum(STAGES, { error: `must be one of ${STAGES.join(', ')}` }).optional(),
  district: z.string().trim().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
