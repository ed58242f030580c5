/**
 * The rules of the youth records, as pure functions of facts the service gathers in its
 * transaction (configuration values included). Sources: LAW-2026.md section 2 (Outcome 22,
 * Re-Frame), the Home Office Crime Outcomes framework.
 */
import { defineLifecycle, type RuleFinding } from '../../platform/lifecycle/lifecycle.js';
import type { DeferredState, WorkbookStatus } from './youth.tables.js';

const OUTCOME_22 = 'NPCC guidance on Outcome 22 (LAW-2026.md section 2)';

/** A workbook: started, then completed or not completed (with the reason). */
export interface WorkbookMove {
  startedOn: string;
  today: string;
  /** The date of the move (completion or end). */
  on: string;
  reason: string | null;
}

const notBeforeStart = (on: string, start: string, what: string): RuleFinding[] =>
  on < start ? [{ field: 'on', message: `The ${what} date is before the workbook started (${start}).` }] : [];
const notInFuture = (on: string, today: string, what: string): RuleFinding[] =>
  on > today ? [{ field: 'on', message: `The ${what} date is in the future: record it on the day it happens.` }] : [];

export const workbookLifecycle = defineLifecycle<WorkbookStatus, WorkbookMove>({
  record: 'workbook',
  states: ['started', 'completed', 'not_completed'],
  transitions: { started: ['completed', 'not_completed'], completed: [], not_completed: [] },
  notAllowedMessage: (from) => `This workbook is already ${from === 'completed' ? 'completed' : 'closed as not completed'}; it cannot change again.`,
  guards: [
    { rule: { id: 'youth.workbook.dates', check: (m) => [...notBeforeStart(m.on, m.startedOn, 'end'), ...notInFuture(m.on, m.today, 'end')] } },
    {
      applies: (_f, to) => to === 'not_completed',
      rule: { id: 'youth.workbook.reason', check: (m) => (m.reason?.trim() ? [] : [{ field: 'reason', message: 'Say why the workbook was not completed.' }]) },
    },
  ],
});

/** What a deferred-outcome move needs (input and settings). */
export interface DeferredMove {
  offeredOn: string;
  decidedOn: string | null;
  activityFrom: string | null;
  today: string;
  on: string;
  /** Setting youth.outcome22.requires_acceptance_of_responsibility at the offer. */
  schemeRequiresResponsibility: boolean;
  responsibilityAccepted: boolean | null;
  provider: string | null;
  deadline: string | null;
  /** The formal outcome chosen when the child did not comply. */
  outcomeCode: string | null;
  /** Outcome codes in force (the dated reference table). */
  knownOutcomeCodes: readonly string[];
  /** Whether the child admitted the offence (needed for a community resolution, Outcome 8). */
  admitted: boolean | null;
}

export const deferredLifecycle = defineLifecycle<DeferredState, DeferredMove>({
  record: 'deferred outcome',
  states: ['offered', 'accepted', 'declined', 'activity', 'completed', 'not_complied'],
  transitions: { offered: ['accepted', 'declined'], accepted: ['activity'], activity: ['completed', 'not_complied'], declined: [], completed: [], not_complied: [] },
  notAllowedMessage: (from, to) => `A deferred outcome that is ${from.replace('_', ' ')} cannot be marked ${to.replace('_', ' ')}.`,
  guards: [
    {
      rule: {
        id: 'youth.deferred.dates',
        check: (m) => {
          const after = m.activityFrom ?? m.decidedOn ?? m.offeredOn;
          return [
            ...(m.on < after ? [{ field: 'on', message: `The date is before an earlier step of this deferred outcome (${after}).` }] : []),
            ...notInFuture(m.on, m.today, 'step'),
          ];
        },
      },
    },
    {
      applies: (_f, to) => to === 'accepted',
      rule: {
        id: 'youth.deferred.responsibility',
        legalSource: 'Local scheme setting (youth.outcome22.requires_acceptance_of_responsibility); Outcome 22 itself needs no admission',
        check: (m) => (m.schemeRequiresResponsibility && m.responsibilityAccepted !== true
          ? [{ field: 'responsibilityAccepted', message: 'This scheme asks the child to accept responsibility before the deferred outcome goes ahead.' }] : []),
      },
    },
    {
      applies: (_f, to) => to === 'activity',
      rule: {
        id: 'youth.deferred.activity',
        legalSource: OUTCOME_22,
        check: (m) => [
          ...(m.provider?.trim() ? [] : [{ field: 'provider', message: 'Name who provides the activity.' }]),
          ...(!m.deadline ? [{ field: 'deadline', message: 'Set the date by which the activity must be completed.' }]
            : m.deadline < m.on ? [{ field: 'deadline', message: 'The deadline is before the activity starts.' }] : []),
        ],
      },
    },
    {
      applies: (_f, to) => to === 'not_complied',
      rule: {
        id: 'youth.deferred.formal_outcome',
        legalSource: 'Home Office Crime Outcomes framework',
        check: (m) => {
          if (!m.outcomeCode) return [{ field: 'outcomeCode', message: 'Choose the formal outcome the case returns to.' }];
          if (m.outcomeCode === '22') return [{ field: 'outcomeCode', message: 'Outcome 22 is recorded only when the activity is completed; choose another outcome.', legalSource: OUTCOME_22 }];
          if (!m.knownOutcomeCodes.includes(m.outcomeCode)) return [{ field: 'outcomeCode', message: `Outcome ${m.outcomeCode} is not in the outcome list in force.` }];
          if (m.outcomeCode === '8' && m.admitted !== true) return [{ field: 'admitted', message: 'A community resolution needs the child to admit the offence.', legalSource: 'Home Office Crime Outcomes framework: Outcome 8 requires an admission' }];
          return [];
        },
      },
    },
  ],
});

/** Eligibility facts of a programme referral (Reframe: age 10-17 and Class B or C drugs, by default). */
export interface ReferralEligibility {
  programme: string;
  age: number | null;
  drugClass: string | null;
  reframe: { minAge: number; maxAge: number; drugClasses: readonly string[] } | null;
}

export function referralFindings(e: ReferralEligibility): RuleFinding[] {
  if (e.programme.toLowerCase() !== 'reframe' || !e.reframe) return [];
  const r = e.reframe;
  const src = 'LAW-2026.md section 2: Re-Frame is for children aged 10-17 found with Class B or C drugs';
  const out: RuleFinding[] = [];
  if (e.age === null) out.push({ field: 'personId', message: 'Record the child\'s date of birth first: Reframe has an age range.', legalSource: src });
  else if (e.age < r.minAge || e.age > r.maxAge) out.push({ field: 'personId', message: `Reframe is for children aged ${r.minAge} to ${r.maxAge}; this child is ${e.age}.`, legalSource: src });
  if (!e.drugClass) out.push({ field: 'drugClass', message: 'Say which class of drug was found.', legalSource: src });
  else if (!r.drugClasses.includes(e.drugClass.toUpperCase())) out.push({ field: 'drugClass', message: `Reframe is for Class ${r.drugClasses.join(' or ')} drugs, not Class ${e.drugClass}.`, legalSource: src });
  return out;
}
