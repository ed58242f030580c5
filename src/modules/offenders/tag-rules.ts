/**
 * Tag rules (pure): the states of a tag and the rules that guard an allocation.
 *
 * - A tag cannot be allocated twice at once (one open allocation per tag).
 * - Tags are voluntary: the person's consent is recorded; for a child (under the configured age,
 *   Children Act 1989 s105) a parent's or carer's consent too.
 * - A funder may restrict its tags by age on the day of allocation (the VRU: young people up to
 *   and including 25), a dated setting that states whether the bound is inclusive.
 *
 * The service gathers the context inside its transaction (open allocations, the person's date of
 * birth, the configuration in force on the allocation date) and calls `enforce`.
 */
import { defineLifecycle, type Rule, type RuleFinding } from '../../platform/lifecycle/lifecycle.js';
import { ageOn } from '../../platform/time/london.js';
import { AppError } from '../../platform/errors.js';

export const TAG_STATUSES = ['available', 'allocated', 'faulty', 'returned', 'lost'] as const;
export type TagStatus = (typeof TAG_STATUSES)[number];
export const TAG_TYPES = ['gps', 'alcohol'] as const;
export type TagType = (typeof TAG_TYPES)[number];
export const TAG_TYPE_LABEL: Record<TagType, string> = { gps: 'GPS', alcohol: 'Alcohol' };

/** A funder's age limit (offenders.tag_funder_age_limits). */
export interface AgeLimit {
  maxAgeYears: number;
  inclusive: boolean;
  /** The configuration version the limit came from (recorded on the allocation). */
  versionId?: string;
  source?: string;
}

export interface Consent {
  /** The person's own voluntary consent was given. */
  subject: boolean;
  /** A parent's or carer's consent was given (needed for a child). */
  parentOrCarer: boolean;
  /** Who gave it (a parent or carer), when they did. */
  parentOrCarerName?: string | null;
}

/** What the allocation rules look at. */
export interface AllocationContext {
  /** Allocations of this tag still open (not ended). */
  openAllocations: number;
  /** Calendar date the allocation starts (London). */
  allocatedOn: string;
  dateOfBirth: string | null;
  funder: string;
  consent: Consent;
  /** A person under this age on `allocatedOn` is a child. */
  childUnderAgeYears: number;
  /** The funder's age limit in force on `allocatedOn`, or null when it has none. */
  ageLimit: AgeLimit | null;
}

export const ageAtAllocation = (dob: string, on: string): number => ageOn(dob, on);

/** Is a person of `age` within the limit? "Up to and including 25": 25 is in when inclusive. */
export const withinAgeLimit = (age: number, limit: AgeLimit): boolean => (limit.inclusive ? age <= limit.maxAgeYears : age < limit.maxAgeYears);

export const notAllocatedTwice: Rule<AllocationContext> = {
  id: 'tag.not_allocated_twice',
  check: (c) => (c.openAllocations > 0 ? [{ field: 'tagId', message: 'This tag is already allocated: record its return before allocating it again' }] : []),
};

export const subjectConsent: Rule<AllocationContext> = {
  id: 'tag.subject_consent',
  legalSource: 'Voluntary tagging scheme (Kent & Medway VRU Buddi tag; IOM): the person agrees to wear the tag',
  check: (c) => (c.consent.subject ? [] : [{ field: 'consent.subject', message: 'Record the person\'s voluntary consent to wear the tag' }]),
};

export const childParentConsent: Rule<AllocationContext> = {
  id: 'tag.child_parent_consent',
  legalSource: 'Children Act 1989 s105(1) (child: under 18); voluntary scheme: a child\'s tag needs a parent\'s or carer\'s consent too',
  check: (c) => {
    if (c.dateOfBirth === null) return [{ field: 'dateOfBirth', message: 'Record the person\'s date of birth first: a child also needs a parent\'s or carer\'s consent' }];
    const age = ageAtAllocation(c.dateOfBirth, c.allocatedOn);
    if (age >= c.childUnderAgeYears) return [];
    const out: RuleFinding[] = [];
    if (!c.consent.parentOrCarer) out.push({ field: 'consent.parentOrCarer', message: `The person is ${age} on ${c.allocatedOn} (a child): record a parent's or carer's consent as well` });
    else if (!c.consent.parentOrCarerName?.trim()) out.push({ field: 'consent.parentOrCarerName', message: 'Name the parent or carer who gave consent' });
    return out;
  },
};

export const funderEligibility: Rule<AllocationContext> = {
  id: 'tag.funder_eligibility',
  check: (c) => {
    const limit = c.ageLimit;
    if (!limit) return [];
    const legalSource = limit.source;
    if (c.dateOfBirth === null) return [{ field: 'dateOfBirth', message: `${c.funder} tags have an age limit: record the person's date of birth first`, ...(legalSource ? { legalSource } : {}) }];
    const age = ageAtAllocation(c.dateOfBirth, c.allocatedOn);
    if (withinAgeLimit(age, limit)) return [];
    const bound = limit.inclusive ? `up to and including ${limit.maxAgeYears}` : `under ${limit.maxAgeYears}`;
    return [{ field: 'funder', message: `${c.funder} tags are for people aged ${bound}: the person is ${age} on ${c.allocatedOn}`, ...(legalSource ? { legalSource } : {}) }];
  },
};

/** The moves of a tag; allocation is guarded by the rules above. */
export const tagLifecycle = defineLifecycle<TagStatus, AllocationContext>({
  record: 'tag',
  states: TAG_STATUSES,
  transitions: {
    available: ['allocated', 'faulty', 'lost'],
    allocated: ['returned', 'faulty', 'lost'],
    returned: ['available', 'faulty', 'lost'],
    faulty: ['available', 'lost'],
    lost: ['available'],
  },
  guards: [
    { applies: (_f, to) => to === 'allocated', rule: notAllocatedTwice },
    { applies: (_f, to) => to === 'allocated', rule: subjectConsent },
    { applies: (_f, to) => to === 'allocated', rule: childParentConsent },
    { applies: (_f, to) => to === 'allocated', rule: funderEligibility },
  ],
  notAllowedMessage: (from, to) => `A tag that is ${from} cannot become ${to}${to === 'allocated' ? ' (only an available tag can be allocated)' : ''}`,
});

/** Reads a funder's limit out of the offenders.tag_funder_age_limits value; null when it has none. */
export function ageLimitOf(value: unknown, funder: string): Omit<AgeLimit, 'versionId' | 'source'> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const entry = Object.entries(value as Record<string, unknown>).find(([k]) => k.toLowerCase() === funder.toLowerCase())?.[1];
  if (!entry || typeof entry !== 'object') return null;
  const { maxAgeYears, inclusive } = entry as { maxAgeYears?: unknown; inclusive?: unknown };
  if (!Number.isInteger(maxAgeYears) || typeof inclusive !== 'boolean') throw new AppError('internal', `offenders.tag_funder_age_limits: ${funder} needs maxAgeYears (whole number) and inclusive (true/false)`);
  return { maxAgeYears: maxAgeYears as number, inclusive };
}
