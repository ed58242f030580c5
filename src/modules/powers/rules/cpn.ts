/**
 * Community protection warnings and notices (Anti-social Behaviour, Crime and Policing Act 2014
 * ss43-52). A CPW's and a CPN's rules are read on the day of issue; a fixed penalty's on the day
 * of the failure to comply that it is for.
 */
import type { ConfigReader } from '../../../platform/config-store/index.js';
import { daysBetween, lastDayBeginningWith, lastDayFollowing, londonDate } from '../../../platform/time/london.js';
import { ACT_2014, ageAtEvent, RuleRun, type RuleOutcome, type Subject } from './common.js';

export interface WarningDraft {
  issuedAt: Date;
  recipient: Subject;
  conductCategory: string;
  conduct: string;
  requirements: readonly string[];
}

export interface CpnDraft extends WarningDraft {
  /** The issuer confirms the recipient had enough time since the warning to deal with the conduct (s43(5)(b)). */
  timeEnoughConfirmed: boolean;
}

/** A CPW already given to the same recipient for the same conduct category. */
export interface PriorWarning {
  id: number;
  issuedAt: Date;
  requirements: readonly string[];
}

function checkRecipient(r: RuleRun, d: WarningDraft, what: string): void {
  const age = ageAtEvent(d.recipient, d.issuedAt);
  r.derived.age = age;
  const min = r.need<number>('powers.cpn.min_recipient_age_years');
  if (age.basis === 'unknown') r.refuse('cpn.recipient_age', 'subject.dateOfBirth', `Give the recipient's date of birth or apparent age (a ${what} may be given to a person of ${min} or over, or to a body).`, r.source('powers.cpn.min_recipient_age_years'));
  else if (age.age !== null && age.age < min) {
    r.refuse('cpn.recipient_age', age.basis === 'date_of_birth' ? 'subject.dateOfBirth' : 'subject.appearsAge', `A ${what} may be given only to a person aged ${min} or over (or a body): ${age.age} recorded.`, r.source('powers.cpn.min_recipient_age_years'));
  }
  if (!d.conductCategory.trim()) r.refuse('cpn.conduct', 'conductCategory', 'Choose the kind of conduct.', `${ACT_2014} s43(7)`);
  if (!d.conduct.trim()) r.refuse('cpn.conduct', 'conduct', `Describe the conduct the ${what} is about.`, `${ACT_2014} s43(7)`);
  if (d.requirements.length === 0 || d.requirements.some((q) => !q.trim())) r.refuse('cpn.requirements', 'requirements', 'List what the recipient must stop doing, do, or take steps to achieve.', `${ACT_2014} s43(3)`);
}

/** s43(1), s43(5): a written warning (CPW) to a person of 16 or over (or a body) about the conduct. */
export function checkWarning(d: WarningDraft, store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.issuedAt);
  checkRecipient(r, d, 'written warning');
  return r.outcome();
}

/**
 * s43(5): a CPN only if the recipient "has been given a written warning" and, "despite enough time
 * to deal with it", the conduct persists: the time since the warning is shown and the issuer
 * confirms it was enough (the statute sets no minimum). The CPN's requirements start as the
 * CPW's; differences are flagged, not refused. s46(1): appeal "within the period of 21 days
 * beginning with the day on which the notice is issued".
 */
export function checkCpn(d: CpnDraft, priorWarnings: readonly PriorWarning[], store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.issuedAt);
  checkRecipient(r, d, 'community protection notice');
  const before = priorWarnings.filter((w) => w.issuedAt.getTime() < d.issuedAt.getTime()).sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
  const latest = before[0];
  if (r.value<boolean>('powers.cpn.cpw_required') === true) {
    if (!latest) {
      r.refuse('cpn.prior_cpw', 'cpwId', 'A CPN needs a prior written warning to this person for this conduct: none found.', r.source('powers.cpn.cpw_required'));
    } else {
      const days = daysBetween(londonDate(latest.issuedAt), londonDate(d.issuedAt));
      r.derived.cpwId = latest.id;
      r.derived.daysSinceCpw = days;
      r.derived.cpwIssuedOn = londonDate(latest.issuedAt);
      if (!d.timeEnoughConfirmed) {
        r.refuse('cpn.time_enough', 'timeEnoughConfirmed', `Confirm the recipient had enough time to deal with the conduct since the written warning of ${londonDate(latest.issuedAt)} (${days} day${days === 1 ? '' : 's'} ago).`, `${ACT_2014} s43(5)(b)`);
      }
      const removed = latest.requirements.filter((q) => !d.requirements.includes(q));
      const added = d.requirements.filter((q) => !latest.requirements.includes(q));
      if (removed.length || added.length) {
        r.notice('cpn.requirements_differ', 'requirements', `The requirements differ from the written warning's${added.length ? `; added: ${added.join('; ')}` : ''}${removed.length ? `; left out: ${removed.join('; ')}` : ''}.`, 'ASB practitioners\' guidance: CPN requirements mirror the CPW');
      }
    }
  }
  const appealDays = r.need<number>('powers.cpn.appeal_days');
  const issued = londonDate(d.issuedAt);
  r.deadline({ kind: 'cpn_appeal', what: 'Last day to appeal the CPN to the magistrates\' court', due: lastDayBeginningWith(issued, appealDays), legalSource: r.source('powers.cpn.appeal_days') });
  return r.outcome();
}

export interface FixedPenaltyDraft {
  /** When the recipient failed to comply (selects the rules: the maximum in force then). */
  failedAt: Date;
  issuedAt: Date;
  amountGbp: number;
}

/** The highest fixed penalty in force at `at`: the 2026 Act's once commenced, else the 2014 Act's s52(7). */
export function fpnMaximum(r: RuleRun): { max: number; key: string } {
  const v2026 = r.value<number>('powers.cpn.fpn_max_gbp_2026');
  if (v2026 !== null) return { max: v2026, key: 'powers.cpn.fpn_max_gbp_2026' };
  return { max: r.need<number>('powers.cpn.fpn_max_gbp'), key: 'powers.cpn.fpn_max_gbp' };
}

/**
 * s52: a fixed penalty notice for failing to comply with a CPN: the amount at most the maximum in
 * force when the failure happened (s52(7); GBP 500 once the 2026 Act's rise is commenced); no
 * proceedings "before the end of the period of 14 days following the date of the notice" (s52(5)):
 * the day of the notice does not count.
 */
export function checkFixedPenalty(d: FixedPenaltyDraft, store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.failedAt);
  const { max, key } = fpnMaximum(r);
  r.derived.maximumGbp = max;
  if (!(d.amountGbp > 0)) r.refuse('cpn.fpn_amount', 'amountGbp', 'Give the fixed penalty amount in pounds.', r.source(key));
  else if (d.amountGbp > max) r.refuse('cpn.fpn_amount', 'amountGbp', `A fixed penalty may be at most GBP ${max} for a failure on ${londonDate(d.failedAt)}: GBP ${d.amountGbp} given.`, r.source(key));
  if (d.issuedAt.getTime() < d.failedAt.getTime()) r.refuse('cpn.fpn_after_failure', 'issuedAt', 'A fixed penalty notice follows the failure to comply.', `${ACT_2014} s52(1)`);
  const days = r.need<number>('powers.cpn.fpn_no_proceedings_days');
  r.deadline({ kind: 'fpn_payment', what: 'Fixed penalty payment period ends (no proceedings before then)', due: lastDayFollowing(londonDate(d.issuedAt), days), legalSource: r.source('powers.cpn.fpn_no_proceedings_days') });
  return r.outcome();
}

export const BREACH_ACTIONS = ['fixed_penalty', 'prosecution', 'remedial_action', 'forfeiture_sought', 'no_further_action'] as const;
export type BreachAction = (typeof BREACH_ACTIONS)[number];

export interface BreachDraft {
  /** When the recipient failed to comply. */
  breachedAt: Date;
  /** When the CPN breached was issued. */
  cpnIssuedAt: Date;
  /** The requirement not met, in the notice's words. */
  requirement: string;
  action: BreachAction;
  /** London date the action was decided (proceedings started, remedial action taken...). */
  actionOn: string;
  issuerAgency: string;
  /** Last days of the payment periods of fixed penalties already issued for this notice (London dates). */
  fpnPaymentEnds: readonly string[];
}

/**
 * s48(1): failing to comply with a CPN without reasonable excuse is an offence, so a breach comes
 * after the notice and names the requirement not met. s47(1): remedial action in default is the
 * local authority's (the agencies are a dated setting). s52(5): no proceedings for the offence
 * "before the end of the period of 14 days following the date of the notice" of a fixed penalty
 * already issued: a prosecution decided on or before the last day of that period is refused.
 */
export function checkBreach(d: BreachDraft, store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.breachedAt);
  if (d.breachedAt.getTime() < d.cpnIssuedAt.getTime()) {
    r.refuse('cpn.breach_after_notice', 'occurredAt', `A breach comes after the notice: the CPN was issued on ${londonDate(d.cpnIssuedAt)}.`, `${ACT_2014} s48(1)`);
  }
  if (!d.requirement.trim()) r.refuse('cpn.breach_requirement', 'requirement', 'Say which requirement of the notice was not met.', `${ACT_2014} s48(1)`);
  if (d.actionOn < londonDate(d.breachedAt)) r.refuse('cpn.breach_action_date', 'actionOn', `The action follows the breach of ${londonDate(d.breachedAt)}.`, `${ACT_2014} s48(1)`);
  if (d.action === 'remedial_action') {
    const who = r.need<string[]>('powers.cpn.remedial_action_agencies');
    if (!who.includes(d.issuerAgency)) {
      r.refuse('cpn.remedial_action_agency', 'action', `Remedial action in default is taken by ${who.map((a) => a.replace(/_/g, ' ')).join(' or ')}, not by ${d.issuerAgency.replace(/_/g, ' ')}.`, r.source('powers.cpn.remedial_action_agencies'));
    }
  }
  if (d.action === 'prosecution') {
    const open = [...d.fpnPaymentEnds].sort().filter((end) => d.actionOn <= end).pop();
    if (open) r.refuse('cpn.breach_fpn_period', 'action', `No proceedings while a fixed penalty can still be paid: its payment period ends on ${open}.`, `${ACT_2014} s52(5)`);
  }
  r.derived.action = d.action;
  return r.outcome();
}
