import { describe, expect, it } from 'vitest';
import { evaluate } from '../../platform/lifecycle/lifecycle.js';
import { ageAtAllocation, ageLimitOf, tagLifecycle, withinAgeLimit, type AllocationContext } from './tag-rules.js';
import { cohortTypeFinding, membershipFindings, periodsOverlap } from './cohort-rules.js';

const VRU = { maxAgeYears: 25, inclusive: true, source: 'VRU' };
const ctx = (over: Partial<AllocationContext> = {}): AllocationContext => ({
  openAllocations: 0, allocatedOn: '2026-03-01', dateOfBirth: '1990-05-05', funder: 'IOM',
  consent: { subject: true, parentOrCarer: false }, childUnderAgeYears: 18, ageLimit: null, ...over,
});
const rules = (c: AllocationContext, from: 'available' | 'returned' = 'available') => evaluate(tagLifecycle, from, 'allocated', c).findings.map((f) => f.rule);

describe('tag allocation: one allocation at a time', () => {
  it('an available tag with consent and no age limit may be allocated', () => {
    expect(evaluate(tagLifecycle, 'available', 'allocated', ctx())).toEqual({ transition: true, allowed: true, findings: [] });
  });
  it('a tag with an open allocation is refused even if its status says available', () => {
    expect(rules(ctx({ openAllocations: 1 }))).toEqual(['tag.not_allocated_twice']);
  });
  it('an allocated tag cannot be allocated again (no such move: 409)', () => {
    expect(evaluate(tagLifecycle, 'allocated', 'allocated', ctx()).transition).toBe(false);
  });
  it('a returned tag must be made available before it is allocated again', () => {
    expect(evaluate(tagLifecycle, 'returned', 'allocated', ctx()).transition).toBe(false);
    expect(evaluate(tagLifecycle, 'returned', 'available', ctx()).allowed).toBe(true);
  });
  it('faulty and lost tags come back only through available', () => {
    expect(evaluate(tagLifecycle, 'faulty', 'allocated', ctx()).transition).toBe(false);
    expect(evaluate(tagLifecycle, 'lost', 'available', ctx()).allowed).toBe(true);
    expect(evaluate(tagLifecycle, 'lost', 'returned', ctx()).transition).toBe(false);
  });
});

describe('tag allocation: voluntary consent', () => {
  it('needs the person\'s consent', () => {
    expect(rules(ctx({ consent: { subject: false, parentOrCarer: false } }))).toEqual(['tag.subject_consent']);
  });
  it('a child needs a named parent or carer as well', () => {
    const child = { dateOfBirth: '2011-01-10', allocatedOn: '2026-01-09' }; // 14, a day before 15
    expect(rules(ctx(child))).toEqual(['tag.child_parent_consent']);
    expect(rules(ctx({ ...child, consent: { subject: true, parentOrCarer: true } }))).toEqual(['tag.child_parent_consent']);
    expect(rules(ctx({ ...child, consent: { subject: true, parentOrCarer: true, parentOrCarerName: 'Mother' } }))).toEqual([]);
    expect(rules(ctx({ ...child, consent: { subject: false, parentOrCarer: true, parentOrCarerName: 'Mother' } }))).toEqual(['tag.subject_consent']);
  });
  it('the 18th birthday ends childhood on the day itself', () => {
    expect(rules(ctx({ dateOfBirth: '2008-03-01', allocatedOn: '2026-02-28' }))).toEqual(['tag.child_parent_consent']);
    expect(rules(ctx({ dateOfBirth: '2008-03-01', allocatedOn: '2026-03-01' }))).toEqual([]);
  });
  it('someone born on 29 February turns 18 on 1 March in a common year', () => {
    expect(rules(ctx({ dateOfBirth: '2008-02-29', allocatedOn: '2026-02-28' }))).toEqual(['tag.child_parent_consent']);
    expect(rules(ctx({ dateOfBirth: '2008-02-29', allocatedOn: '2026-03-01' }))).toEqual([]);
  });
  it('without a date of birth the child rule cannot be checked: refused, naming the field', () => {
    const f = evaluate(tagLifecycle, 'available', 'allocated', ctx({ dateOfBirth: null })).findings;
    expect(f).toEqual([expect.objectContaining({ rule: 'tag.child_parent_consent', field: 'dateOfBirth' })]);
  });
});

describe('tag allocation: the funder\'s age limit (VRU: up to and including 25)', () => {
  const vru = (dateOfBirth: string, allocatedOn: string, inclusive = true) => rules(ctx({ funder: 'VRU', dateOfBirth, allocatedOn, ageLimit: { ...VRU, inclusive } }));
  it('25 on the day of allocation is eligible when the bound is inclusive', () => {
    expect(vru('2000-06-15', '2026-06-14')).toEqual([]); // 25, day before 26th birthday
    expect(vru('2000-06-15', '2026-06-15')).toEqual(['tag.funder_eligibility']); // 26 today
  });
  it('with an exclusive bound 25 is too old', () => {
    expect(vru('2000-06-15', '2025-06-14', false)).toEqual([]); // 24
    expect(vru('2000-06-15', '2025-06-15', false)).toEqual(['tag.funder_eligibility']); // 25
  });
  it('a 29 February birthday: 26 is reached on 1 March in a common year (and on 29 February in a leap year)', () => {
    expect(vru('2000-02-29', '2026-02-28')).toEqual([]);
    expect(vru('2000-02-29', '2026-03-01')).toEqual(['tag.funder_eligibility']);
    expect(vru('2000-02-29', '2026-02-28', false)).toEqual(['tag.funder_eligibility']); // 25, exclusive bound
    expect(ageAtAllocation('2000-02-29', '2028-02-29')).toBe(28);
  });
  it('the finding states the bound, the age and the date, with the setting\'s source', () => {
    const [f] = evaluate(tagLifecycle, 'available', 'allocated', ctx({ funder: 'VRU', dateOfBirth: '1990-01-01', ageLimit: VRU })).findings;
    expect(f).toEqual({ rule: 'tag.funder_eligibility', field: 'funder', message: 'VRU tags are for people aged up to and including 25: the person is 36 on 2026-03-01', legalSource: 'VRU' });
  });
  it('no date of birth: the limit cannot be checked', () => {
    expect(evaluate(tagLifecycle, 'available', 'allocated', ctx({ funder: 'VRU', dateOfBirth: null, ageLimit: VRU })).findings.map((f) => f.rule)).toEqual(['tag.child_parent_consent', 'tag.funder_eligibility']);
  });
  it('every refusal is reported at once', () => {
    expect(rules(ctx({ openAllocations: 1, funder: 'VRU', dateOfBirth: '2012-01-01', consent: { subject: false, parentOrCarer: false }, ageLimit: VRU })))
      .toEqual(['tag.not_allocated_twice', 'tag.subject_consent', 'tag.child_parent_consent']);
  });
  it('ages and limits', () => {
    expect(ageAtAllocation('2004-02-29', '2028-02-29')).toBe(24);
    expect(ageAtAllocation('2004-02-29', '2028-02-28')).toBe(23);
    expect(withinAgeLimit(25, VRU)).toBe(true);
    expect(withinAgeLimit(25, { ...VRU, inclusive: false })).toBe(false);
  });
  it('reads the configured limits by funder name in any case; a malformed entry is an error', () => {
    expect(ageLimitOf({ VRU: { maxAgeYears: 25, inclusive: true } }, 'vru')).toEqual({ maxAgeYears: 25, inclusive: true });
    expect(ageLimitOf({ VRU: { maxAgeYears: 25, inclusive: true } }, 'IOM')).toBeNull();
    expect(ageLimitOf(null, 'VRU')).toBeNull();
    expect(() => ageLimitOf({ VRU: { maxAgeYears: '25' } }, 'VRU')).toThrow(/maxAgeYears/);
  });
});

describe('cohort membership', () => {
  const m = { selectedOn: '2026-01-01', selectionReason: 'Prolific shoplifting', deselectedOn: null, deselectionReason: null, others: [] };
  it('selection needs a reason; de-selection a date not before selection and a reason', () => {
    expect(membershipFindings(m)).toEqual([]);
    expect(membershipFindings({ ...m, selectionReason: ' ' }).map((f) => f.field)).toEqual(['selectionReason']);
    expect(membershipFindings({ ...m, deselectedOn: '2025-12-31', deselectionReason: 'x' }).map((f) => f.field)).toEqual(['deselectedOn']);
    expect(membershipFindings({ ...m, deselectedOn: '2026-01-01', deselectionReason: null }).map((f) => f.field)).toEqual(['deselectionReason']);
    expect(membershipFindings({ ...m, deselectedOn: '2026-01-01', deselectionReason: 'Moved away' })).toEqual([]);
    expect(membershipFindings({ ...m, deselectionReason: 'Moved away' }).map((f) => f.field)).toEqual(['deselectedOn']);
  });
  it('memberships of the same cohort may not overlap (a shared day is an overlap)', () => {
    expect(periodsOverlap({ selectedOn: '2025-01-01', deselectedOn: '2025-06-30' }, { selectedOn: '2025-06-30', deselectedOn: null })).toBe(true);
    expect(periodsOverlap({ selectedOn: '2025-01-01', deselectedOn: '2025-06-30' }, { selectedOn: '2025-07-01', deselectedOn: null })).toBe(false);
    expect(membershipFindings({ ...m, others: [{ selectedOn: '2025-01-01', deselectedOn: null }] }).map((f) => f.rule)).toEqual(['cohort.no_overlap']);
  });
  it('the cohort type must be on the list in force', () => {
    expect(cohortTypeFinding('iom fixed', ['IOM fixed', 'MOSOVO'])).toEqual([]);
    expect(cohortTypeFinding('ViSOR', ['IOM fixed'])[0]).toMatchObject({ rule: 'cohort.type_listed', field: 'type' });
  });
});
