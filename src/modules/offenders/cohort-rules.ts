/**
 * Cohort membership rules (pure). A person is selected into a cohort on a date with a reason and
 * de-selected on a later date with a reason; memberships of one person in one cohort never
 * overlap; the cohort type must be on the configured list in force (offenders.cohort_types).
 */
import type { Finding } from '../../platform/errors.js';
import { checkRules, type Rule } from '../../platform/lifecycle/lifecycle.js';

export interface MembershipPeriod {
  id?: number;
  selectedOn: string;
  deselectedOn: string | null;
}

export interface MembershipContext {
  selectedOn: string;
  selectionReason: string;
  deselectedOn: string | null;
  deselectionReason: string | null;
  /** Other memberships of the same person in the same cohort. */
  others: readonly MembershipPeriod[];
}

/** Do two periods (inclusive dates; open end = still a member) share a day? */
export function periodsOverlap(a: MembershipPeriod, b: MembershipPeriod): boolean {
  const aEnd = a.deselectedOn ?? '9999-12-31';
  const bEnd = b.deselectedOn ?? '9999-12-31';
  return a.selectedOn <= bEnd && b.selectedOn <= aEnd;
}

const selectionReason: Rule<MembershipContext> = {
  id: 'cohort.selection_reason',
  check: (c) => (c.selectionReason.trim() ? [] : [{ field: 'selectionReason', message: 'Say why the person was selected into the cohort' }]),
};

const deselection: Rule<MembershipContext> = {
  id: 'cohort.deselection',
  check: (c) => {
    if (c.deselectedOn === null) return c.deselectionReason?.trim() ? [{ field: 'deselectedOn', message: 'A de-selection reason needs the de-selection date' }] : [];
    const out = [];
    if (c.deselectedOn < c.selectedOn) out.push({ field: 'deselectedOn', message: `De-selection (${c.deselectedOn}) cannot come before selection (${c.selectedOn})` });
    if (!c.deselectionReason?.trim()) out.push({ field: 'deselectionReason', message: 'Say why the person was de-selected' });
    return out;
  },
};

const noOverlap: Rule<MembershipContext> = {
  id: 'cohort.no_overlap',
  check: (c) => {
    const clash = c.others.find((o) => periodsOverlap(o, { selectedOn: c.selectedOn, deselectedOn: c.deselectedOn }));
    return clash ? [{ field: 'selectedOn', message: `The person is already in this cohort from ${clash.selectedOn}${clash.deselectedOn ? ` to ${clash.deselectedOn}` : ' (still a member)'}` }] : [];
  },
};

export const MEMBERSHIP_RULES = [selectionReason, deselection, noOverlap] as const;

export const membershipFindings = (c: MembershipContext): Finding[] => checkRules(MEMBERSHIP_RULES, c);

/** Is the cohort type on the list in force? */
export function cohortTypeFinding(type: string, list: readonly string[]): Finding[] {
  return list.some((t) => t.toLowerCase() === type.toLowerCase())
    ? []
    : [{ rule: 'cohort.type_listed', field: 'type', message: `'${type}' is not a cohort type in use (one of: ${list.join(', ')})` }];
}
