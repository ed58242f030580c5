/**
 * Deadlines: each record type declares what falls due and when (`due(record)`), and registers a
 * source the cross-module "what is due" query asks. A source lists its own records (its SQL, its
 * scope rules); `whatIsDue` merges them into one list ordered overdue first, then by date.
 */
import type { DueEntry } from '../../contracts/due.js';
import { AppError } from '../errors.js';
import { addDays, isCalendarDate } from '../time/london.js';

/** One deadline of a record type: `due(record)` gives the London date (or null: nothing due). */
export interface Deadline<R> {
  kind: string;
  /** What is due, in words for the officer. */
  what: (record: R) => string;
  due: (record: R) => string | null;
  /** The statute or policy that sets the deadline, when one does. */
  legalSource?: string;
}

/** One thing due, in the shape every source returns (the API's DueEntry without the status). */
export type DueItem = Omit<DueEntry, 'overdue' | 'daysOverdue'>;

/** A due item with its status on the day asked about: the shape GET /api/due answers with. */
export type DueItemWithStatus = DueEntry;

/** The deadlines of one record that have a date. */
export function deadlinesOf<R>(record: R, declared: readonly Deadline<R>[]): { kind: string; what: string; due: string; legalSource?: string }[] {
  return declared.flatMap((d) => {
    const due = d.due(record);
    if (due === null) return [];
    if (!isCalendarDate(due)) throw new AppError('internal', `deadline ${d.kind}: '${due}' is not a date`);
    return [{ kind: d.kind, what: d.what(record), due, ...(d.legalSource ? { legalSource: d.legalSource } : {}) }];
  });
}

/** A module's contribution to "what is due": its items due on or before `until` that `ctx` may see. */
export interface DueSource<Ctx> {
  name: string;
  list: (ctx: Ctx, window: { asOf: string; until: string }) => Promise<DueItem[]>;
}

const DAY = 86_400_000;
const daysFrom = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/**
 * Asks every source for what is due up to `horizonDays` after `asOf` (overdue items included),
 * and merges the answers: overdue first (oldest first), then by date, source and record.
 */
export async function whatIsDue<Ctx>(sources: readonly DueSource<Ctx>[], ctx: Ctx, asOf: string, horizonDays: number): Promise<DueItemWithStatus[]> {
  if (!isCalendarDate(asOf)) throw new AppError('validation', `asOf: '${asOf}' is not a date (use YYYY-MM-DD)`);
  const until = addDays(asOf, horizonDays);
  const lists = await Promise.all(sources.map((s) => s.list(ctx, { asOf, until })));
  return lists.flat()
    .filter((i) => i.due <= until)
    .map((i) => ({ ...i, overdue: i.due < asOf, daysOverdue: Math.max(0, daysFrom(i.due, asOf)) }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.source.localeCompare(b.source) || a.recordId - b.recordId || (a.itemId ?? 0) - (b.itemId ?? 0));
}
