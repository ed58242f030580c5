/**
 * Police Reform Act 2002 s59: warnings and seizures of vehicles used to cause alarm, distress or
 * annoyance. A seizure is judged by the rules in force on the day of the seizure (the warning
 * requirement of s59(4)-(5) applies to seizures up to 2026-06-28; the Crime and Policing Act 2026
 * s8 repealed it from 2026-06-29). Warnings stay recordable after the repeal.
 */
import type { ConfigReader } from '../../../platform/config-store/index.js';
import { addDays, addMonthsClamped, londonDate } from '../../../platform/time/london.js';
import { s59WarningRequired } from '../s59-warning.js';
import { ageAtEvent, RuleRun, type RuleOutcome, type Subject } from './common.js';

const PRA = 'Police Reform Act 2002';

export const normaliseVrm = (vrm: string) => vrm.replace(/\s+/g, '').toUpperCase();

export interface S59WarningDraft {
  givenAt: Date;
  subject: Subject;
  vrm: string;
}

/** s59(4): a warning to the person using the vehicle (person and registration kept). Recordable whatever the date. */
export function checkS59Warning(d: S59WarningDraft, store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.givenAt);
  r.derived.age = ageAtEvent(d.subject, d.givenAt);
  if (!normaliseVrm(d.vrm)) r.refuse('s59.vrm', 'vrm', 'Give the vehicle registration.', `${PRA} s59(4)`);
  if (!d.subject.personId && !d.subject.name?.trim()) r.refuse('s59.person', 'subject.name', 'Name the person warned: the warning attaches to the person.', `${PRA} s59(5)`);
  const months = r.value<number>('powers.s59.warning_valid_months');
  if (months !== null) r.deadline({ kind: 's59_warning_lapses', what: 'The s59 warning no longer counts after', due: addMonthsClamped(londonDate(d.givenAt), months), legalSource: r.source('powers.s59.warning_valid_months') });
  return r.outcome();
}

export interface PriorS59Warning {
  id: number;
  givenAt: Date;
  /** The warning was to the same person as the seizure. */
  samePerson: boolean;
  vrm: string;
}

export interface S59SeizureDraft {
  seizedAt: Date;
  subject: Subject;
  vrm: string;
  /** A warning was given on this occasion before the seizure. */
  warnedThisOccasion: boolean;
  /** Why a warning was impracticable, when it was. */
  warningImpracticableReason?: string | null | undefined;
}

/**
 * s59(4)-(5) as in force on the day of the seizure: a constable must warn before seizing unless
 * (a) it is impracticable, (b) a warning was already given on that occasion, or (c) the person
 * was warned on a previous occasion within the previous 12 months (whatever the vehicle; a
 * warning attaching to the vehicle as well is a local setting, off by default). After the
 * repeal (seizures from 2026-06-29) no warning is needed.
 */
export function checkS59Seizure(d: S59SeizureDraft, priorWarnings: readonly PriorS59Warning[], store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.seizedAt);
  r.derived.age = ageAtEvent(d.subject, d.seizedAt);
  if (!normaliseVrm(d.vrm)) r.refuse('s59.vrm', 'vrm', 'Give the vehicle registration.', `${PRA} s59(3)`);
  const decision = s59WarningRequired(d.seizedAt, store);
  r.value('powers.s59.warning_required_before_seizure');
  r.derived.warningRequired = decision.required;
  if (!decision.required) return r.outcome();
  if (d.warnedThisOccasion) { r.derived.exception = 'warned_this_occasion'; return r.outcome(); }
  if (d.warningImpracticableReason?.trim()) { r.derived.exception = 'impracticable'; return r.outcome(); }
  const months = r.need<number>('powers.s59.warning_valid_months');
  const vehicleToo = r.value<boolean>('powers.s59.warning_attaches_to_vehicle') === true;
  const seizedOn = londonDate(d.seizedAt);
  const earliest = addDays(addMonthsClamped(seizedOn, -months), 1);
  const vrm = normaliseVrm(d.vrm);
  const counts = priorWarnings.filter((w) => w.givenAt.getTime() < d.seizedAt.getTime() && londonDate(w.givenAt) >= earliest && (w.samePerson || (vehicleToo && normaliseVrm(w.vrm) === vrm)));
  if (counts.length > 0) {
    r.derived.exception = 'warned_previously';
    r.derived.priorWarningId = counts.sort((a, b) => b.givenAt.getTime() - a.givenAt.getTime())[0]!.id;
    return r.outcome();
  }
  r.refuse('s59.warning_before_seizure', 'warnedThisOccasion',
    `A vehicle seized on ${seizedOn} needed a warning first: none given on this occasion, none recorded to this person since ${earliest}${vehicleToo ? ' (or for this vehicle)' : ''}, and no reason it was impracticable.`,
    decision.source);
  return r.outcome();
}
