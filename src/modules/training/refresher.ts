// Who is due a refresher of a training course. Pure: no database, no clock.
// A course's refresher interval is a whole number of months (or none: attended once is enough).
// The refresher falls due on the same day of the month, that many months after the last attendance;
// when that month has no such day (31st, or 29 February outside a leap year) it falls due on the
// last day of that month.
import { addMonthsClamped, parseCalendarDate } from '../../platform/time/london.js';
import { AppError } from '../../platform/errors.js';

export type RefresherStatus = 'never_attended' | 'due' | 'current' | 'no_refresher';

export interface RefresherResult {
  status: RefresherStatus;
  /** Day the refresher falls due (null when never attended or the course has no refresher). */
  dueOn: string | null;
}

/**
 * Whether a person is due a refresher on `asOf`.
 * `refresherMonths` null means the course has no refresher; `lastAttended` null means never attended.
 * Due from the due day itself (inclusive).
 */
export function refresherStatus(refresherMonths: number | null, lastAttended: string | null, asOf: string): RefresherResult {
  parseCalendarDate(asOf, 'as-of date');
  if (lastAttended === null) return { status: 'never_attended', dueOn: null };
  parseCalendarDate(lastAttended, 'last attended date');
  if (lastAttended > asOf) {
    throw new AppError('validation', `last attended date ${lastAttended} is after the as-of date ${asOf}`);
  }
  if (refresherMonths === null) return { status: 'no_refresher', dueOn: null };
  if (!Number.isInteger(refresherMonths) || refresherMonths < 1) {
    throw new AppError('validation', `refresher months must be a whole number of at least 1 (got ${refresherMonths})`);
  }
  const dueOn = addMonthsClamped(lastAttended, refresherMonths);
  return { status: asOf >= dueOn ? 'due' : 'current', dueOn };
}
