/**
 * Closure notices and orders (Anti-social Behaviour, Crime and Policing Act 2014 ss76-82). A
 * notice's rules are read at its service; an order's on the day it is made. Christmas Day is
 * disregarded only where the statute says so: the 48-hour notice (s77(3)) and the 48 hours to the
 * hearing (s80(4)); not the 24-hour notice or its extension.
 */
import type { ConfigReader } from '../../../platform/config-store/index.js';
import { addDays, addElapsedHours, addHoursDisregarding, addMonthsClamped, isChristmasDay, londonDate } from '../../../platform/time/london.js';
import { ACT_2014, rankAtLeast, rankWords, RuleRun, type RuleOutcome, when } from './common.js';

export type ClosureIssuerAgency = 'police' | 'local_authority' | 'housing_provider';

export interface ClosureNoticeDraft {
  servedAt: Date;
  issuerAgency: string;
  issuerRank: string | null;
  /** The local authority's chief executive (or designate), or a housing provider's senior manager, signed it (48-hour notices). */
  signedBySenior: boolean;
  periodHours: 24 | 48;
  premises: string;
  /** When the magistrates' court will hear the application (the notice must say, s76(5)). */
  hearingAt: Date | null;
}

/** s77(1)-(3): when a notice served at `servedAt` for `periodHours` ends (48 hours disregard Christmas Day). */
export function closureNoticeEnds(servedAt: Date, periodHours: number, disregardChristmas: boolean): Date {
  return disregardChristmas ? addHoursDisregarding(servedAt, periodHours, isChristmasDay) : addElapsedHours(servedAt, periodHours);
}

/** s80(4): the application is heard "not later than 48 hours after the service of the closure notice", Christmas Day disregarded. */
export function hearingDeadline(servedAt: Date, hours: number): Date {
  return addHoursDisregarding(servedAt, hours, isChristmasDay);
}

/**
 * s76(1): issued by a police officer of at least the rank of inspector, or the local authority
 * (registered housing providers only once the 2026 Act's provision is in force); s77: 24 hours, or
 * 48 hours when signed by a superintendent (or the local authority's chief executive), Christmas Day
 * disregarded for the 48; s76(5): the notice states when and where the application will be heard,
 * which must be within 48 hours of service (s80(4)).
 */
export function checkClosureNotice(d: ClosureNoticeDraft, store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.servedAt);
  const minRank = r.need<string>('powers.closure.notice_min_rank');
  const rank48 = r.need<string>('powers.closure.notice_48h_min_rank');
  let senior = false;
  if (d.issuerAgency === 'police') {
    if (!rankAtLeast(d.issuerRank, minRank)) r.refuse('closure.issuer', 'issuerRank', `A closure notice needs a police officer of at least the rank of ${rankWords(minRank)}${d.issuerRank ? `: ${rankWords(d.issuerRank)} given` : ''}.`, r.source('powers.closure.notice_min_rank'));
    senior = rankAtLeast(d.issuerRank, rank48);
  } else if (d.issuerAgency === 'local_authority') {
    senior = d.signedBySenior;
  } else if (d.issuerAgency === 'housing_provider') {
    if (r.value<boolean>('powers.closure.housing_providers_may_issue') !== true) {
      r.refuse('closure.issuer', 'issuerAgency', `Registered housing providers may not issue closure notices on ${londonDate(d.servedAt)}: the Crime and Policing Act 2026 power is not in force.`, r.source('powers.closure.housing_providers_may_issue'));
    }
    senior = d.signedBySenior;
  } else {
    r.refuse('closure.issuer', 'issuerAgency', 'A closure notice is issued by the police or the local authority.', `${ACT_2014} s76(1)`);
  }
  const hours24 = r.need<number>('powers.closure.notice_hours_inspector');
  const hours48 = r.need<number>('powers.closure.notice_hours_superintendent');
  const long = d.periodHours === 48;
  if (long && !senior) {
    r.refuse('closure.notice_period', 'periodHours', `A ${hours48}-hour notice needs a ${rankWords(rank48)} or above (or the local authority's chief executive or designate); this issuer may close for ${hours24} hours.`, r.source('powers.closure.notice_hours_superintendent'));
  }
  const endsAt = closureNoticeEnds(d.servedAt, long ? hours48 : hours24, long);
  r.derived.endsAt = endsAt.toISOString();
  r.deadline({ kind: 'closure_notice_ends', what: 'Closure notice ends', due: londonDate(endsAt), at: endsAt.toISOString(), legalSource: r.source(long ? 'powers.closure.notice_hours_superintendent' : 'powers.closure.notice_hours_inspector') });
  const hearingHours = r.need<number>('powers.closure.hearing_within_hours');
  const latest = hearingDeadline(d.servedAt, hearingHours);
  r.derived.hearingBy = latest.toISOString();
  r.deadline({ kind: 'closure_hearing', what: 'Closure order application must be heard by', due: londonDate(latest), at: latest.toISOString(), legalSource: r.source('powers.closure.hearing_within_hours') });
  if (!d.premises.trim()) r.refuse('closure.premises', 'premises', 'Identify the premises.', `${ACT_2014} s76(5)(a)`);
  if (!d.hearingAt) r.refuse('closure.hearing_stated', 'hearingAt', 'The notice must say when the application for a closure order will be heard.', `${ACT_2014} s76(5)(d)`);
  else if (d.hearingAt.getTime() > latest.getTime()) {
    r.refuse('closure.hearing_deadline', 'hearingAt', `The court must hear the application within ${hearingHours} hours of service (Christmas Day disregarded): by ${when(latest)}, not ${when(d.hearingAt)}.`, r.source('powers.closure.hearing_within_hours'));
  } else if (d.hearingAt.getTime() < d.servedAt.getTime()) {
    r.refuse('closure.hearing_deadline', 'hearingAt', 'The hearing comes after the notice is served.', `${ACT_2014} s80(4)`);
  }
  return r.outcome();
}

export interface ClosureExtensionDraft {
  issuedAt: Date;
  issuerAgency: string;
  issuerRank: string | null;
  signedBySenior: boolean;
  hours: number;
  /** The notice as it stands: when it ends now, and whether it was extended before. */
  notice: { servedAt: Date; endsAt: Date; extended: boolean };
}

/** s77(4)-(5): a superintendent (or the local authority's chief executive) may extend a notice by up to 24 hours, before it ends; once. */
export function checkClosureExtension(d: ClosureExtensionDraft, store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.notice.servedAt);
  const rank = r.need<string>('powers.closure.notice_48h_min_rank');
  const max = r.need<number>('powers.closure.extension_hours');
  const senior = d.issuerAgency === 'police' ? rankAtLeast(d.issuerRank, rank) : d.issuerAgency === 'local_authority' && d.signedBySenior;
  if (!senior) r.refuse('closure.extension_issuer', 'issuerRank', `An extension needs a ${rankWords(rank)} or above (or the local authority's chief executive or designate).`, `${ACT_2014} s77(4)`);
  if (!(d.hours > 0) || d.hours > max) r.refuse('closure.extension_hours', 'hours', `A notice may be extended by up to ${max} hours: ${d.hours} given.`, r.source('powers.closure.extension_hours'));
  if (d.notice.extended) r.refuse('closure.extension_once', undefined, 'This notice has already been extended.', `${ACT_2014} s77(4)`);
  if (d.issuedAt.getTime() >= d.notice.endsAt.getTime()) r.refuse('closure.extension_before_end', 'issuedAt', `An extension must be issued before the notice ends (${when(d.notice.endsAt)}).`, `${ACT_2014} s77(5)`);
  if (d.hours > 0) {
    const endsAt = addElapsedHours(d.notice.endsAt, Math.min(d.hours, max));
    r.derived.endsAt = endsAt.toISOString();
    r.deadline({ kind: 'closure_notice_ends', what: 'Closure notice ends (extended)', due: londonDate(endsAt), at: endsAt.toISOString(), legalSource: `${ACT_2014} s77(4)` });
  }
  return r.outcome();
}

export interface AdjournmentDraft {
  hearingOn: string;
  adjournedTo: string;
  noticeServedAt: Date;
}

/** s81: the court may adjourn the hearing for not more than 14 days and order the notice to continue until then. */
export function checkAdjournment(d: AdjournmentDraft, store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.noticeServedAt);
  const max = r.need<number>('powers.closure.adjournment_max_days');
  const latest = addDays(d.hearingOn, max);
  if (d.adjournedTo <= d.hearingOn) r.refuse('closure.adjournment', 'adjournedTo', 'The adjourned hearing comes after the first hearing day.', `${ACT_2014} s81`);
  else if (d.adjournedTo > latest) r.refuse('closure.adjournment', 'adjournedTo', `The court may adjourn for not more than ${max} days: to ${latest} at the latest.`, r.source('powers.closure.adjournment_max_days'));
  r.deadline({ kind: 'closure_hearing', what: 'Adjourned closure order hearing', due: d.adjournedTo, legalSource: `${ACT_2014} s81` });
  return r.outcome();
}

export interface ClosureOrderDraft {
  madeOn: string;
  endsOn: string;
  licensedPremises: boolean;
  licensingAuthorityNotified: boolean;
}

/** s80(6): an order has effect for not more than 3 months (a dated rule: regulations may change it); s80(9): licensed premises: the licensing authority is notified. */
export function checkClosureOrder(d: ClosureOrderDraft, store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.madeOn);
  const months = r.need<number>('powers.closure.order_max_months');
  const latest = addMonthsClamped(d.madeOn, months);
  if (d.endsOn <= d.madeOn) r.refuse('closure.order_period', 'endsOn', 'The order must end after the day it is made.', `${ACT_2014} s80(6)`);
  else if (d.endsOn > latest) r.refuse('closure.order_period', 'endsOn', `A closure order lasts at most ${months} months: made on ${d.madeOn}, it ends by ${latest}.`, r.source('powers.closure.order_max_months'));
  if (d.licensedPremises && !d.licensingAuthorityNotified) r.notice('closure.licensing_notified', 'licensingAuthorityNotified', 'Licensed premises: the licensing authority must be told of the order.', `${ACT_2014} s80(9)`);
  r.deadline({ kind: 'closure_order_ends', what: 'Closure order ends', due: d.endsOn, legalSource: `${ACT_2014} s80(6)` });
  return r.outcome();
}

/** s82: an order may be extended, but not so that it lasts more than 6 months in total from when it was first made. */
export function checkClosureOrderExtension(originalMadeOn: string, currentEndsOn: string, newEndsOn: string, decidedOn: string, store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, decidedOn);
  const total = r.need<number>('powers.closure.order_total_max_months');
  const latest = addMonthsClamped(originalMadeOn, total);
  if (newEndsOn <= currentEndsOn) r.refuse('closure.order_extension', 'endsOn', `An extension ends after the order's current end (${currentEndsOn}).`, `${ACT_2014} s82`);
  else if (newEndsOn > latest) r.refuse('closure.order_total', 'endsOn', `A closure order may last at most ${total} months in total: first made on ${originalMadeOn}, it ends by ${latest}.`, r.source('powers.closure.order_total_max_months'));
  r.deadline({ kind: 'closure_order_ends', what: 'Closure order ends (extended)', due: newEndsOn, legalSource: `${ACT_2014} s82` });
  return r.outcome();
}
