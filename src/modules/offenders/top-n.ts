/**
 * Top N lists (pure): people ranked by a recency-frequency-gravity score over their recorded
 * offences in a district and period. The offence set, look-back, weights and harm index are the
 * configured `offenders.top_n_scoring` value, stated with every list.
 *
 *   recency   = 1 - (days from the latest offence to the end of the period) / (days in the period)
 *   frequency = the person's offences / the most offences of anyone listed
 *   gravity   = the person's summed harm / the most summed harm of anyone listed
 *   score     = (wR * recency + wF * frequency + wG * gravity) / (wR + wF + wG), between 0 and 1
 *
 * Ties: higher score, then more recent latest offence, then more offences, then lower person id.
 */
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { daysBetween } from '../../platform/time/london.js';

/** One offence of one person, from any source (people records today, force records later). */
export interface OffenceRecord {
  personId: number;
  on: string;
  category: string;
  district: string;
}

/**
 * Where offences come from. Implemented over the people module's recorded occurrences now; the
 * force's records (records module) can supply the same shape, linked by person key.
 */
export interface OffenceSource {
  name: string;
  limits: string[];
  offences: (q: { district: string; from: string; to: string; categories: readonly string[] }) => Promise<OffenceRecord[]>;
}

export const scoringSchema = z.object({
  name: z.string().min(1),
  categories: z.array(z.string().min(1)).min(1),
  lookbackDays: z.number().int().min(1).max(3660),
  weights: z.object({ recency: z.number().min(0), frequency: z.number().min(0), gravity: z.number().min(0) })
    .refine((w) => w.recency + w.frequency + w.gravity > 0, 'at least one weight must be above 0'),
  harmIndex: z.record(z.string(), z.number().min(0)),
  defaultHarm: z.number().min(0),
  harmIndexSource: z.string().min(1),
});
export type Scoring = z.infer<typeof scoringSchema>;

/** The configured value as scoring parameters; a malformed local value is an error naming the field. */
export function scoringOf(value: unknown): Scoring {
  const r = scoringSchema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new AppError('internal', `offenders.top_n_scoring: ${i.path.join('.')}: ${i.message}`);
  }
  return r.data;
}

export const harmOf = (category: string, s: Scoring): number => {
  const hit = Object.entries(s.harmIndex).find(([k]) => k.toLowerCase() === category.toLowerCase());
  return hit ? hit[1] : s.defaultHarm;
};

export interface RankedPerson {
  rank: number;
  personId: number;
  offences: number;
  latest: string;
  harm: number;
  recency: number;
  frequency: number;
  gravity: number;
  score: number;
  byCategory: Record<string, number>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Ranks the people with offences in [from, to] in the configured categories; the top `n`. Pure. */
export function rankOffenders(records: readonly OffenceRecord[], s: Scoring, period: { from: string; to: string }, n: number): RankedPerson[] {
  const cats = new Set(s.categories.map((c) => c.toLowerCase()));
  const span = daysBetween(period.from, period.to) + 1;
  const per = new Map<number, { offences: number; latest: string; harm: number; byCategory: Record<string, number> }>();
  for (const r of records) {
    if (!cats.has(r.category.toLowerCase()) || r.on < period.from || r.on > period.to) continue;
    const p = per.get(r.personId) ?? { offences: 0, latest: r.on, harm: 0, byCategory: {} };
    p.offences += 1;
    if (r.on > p.latest) p.latest = r.on;
    p.harm += harmOf(r.category, s);
    p.byCategory[r.category] = (p.byCategory[r.category] ?? 0) + 1;
    per.set(r.personId, p);
  }
  const maxF = Math.max(0, ...[...per.values()].map((p) => p.offences));
  const maxG = Math.max(0, ...[...per.values()].map((p) => p.harm));
  const w = s.weights;
  const wSum = w.recency + w.frequency + w.gravity;
  const rows = [...per.entries()].map(([personId, p]) => {
    const recency = 1 - daysBetween(p.latest, period.to) / span;
    const frequency = maxF > 0 ? p.offences / maxF : 0;
    const gravity = maxG > 0 ? p.harm / maxG : 0;
    const score = (w.recency * recency + w.frequency * frequency + w.gravity * gravity) / wSum;
    return { personId, ...p, recency: round(recency), frequency: round(frequency), gravity: round(gravity), score: round(score), exact: score };
  });
  rows.sort((a, b) => b.exact - a.exact || b.latest.localeCompare(a.latest) || b.offences - a.offences || a.personId - b.personId);
  return rows.slice(0, n).map(({ exact: _e, ...r }, i) => ({ rank: i + 1, ...r }));
}

/** The parameters in words, printed with every list. */
export function scoringStatement(s: Scoring, period: { from: string; to: string }): string {
  const harm = s.categories.map((c) => `${c} ${harmOf(c, s)}`).join(', ');
  return `${s.name}: offences in ${s.categories.join(', ')} from ${period.from} to ${period.to}; score = recency x ${s.weights.recency} + frequency x ${s.weights.frequency} + gravity x ${s.weights.gravity} , divided by the sum of the weights; harm index: ${harm} (${s.harmIndexSource}).`;
}
