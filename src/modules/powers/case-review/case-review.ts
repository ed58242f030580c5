/**
 * ASB case review (formerly the Community Trigger), Anti-social Behaviour, Crime and Policing Act
 * 2014 s104; DOMAIN-ANCHORS 3.5. Early warning: qualifying complaints per victim and per location
 * within the local window, the threshold (set locally, never above three: s104(4)), an optional
 * local rule that one hate incident meets it, and an alert one complaint before it. Pure.
 *
 * Counting rules:
 * - A complaint qualifies when made within one month of the behaviour (s104(11)): by the same
 *   date a month later (the month's last day where it has no such date).
 * - One incident reported to several agencies counts once: complaints with the same incident
 *   reference count as the earliest; the others are listed as repeats of it.
 * - The window is the `windowMonths` months ending with the day checked (received dates).
 */
import type { Finding } from '../../../platform/errors.js';
import { addDays, daysInMonth } from '../../../platform/time/london.js';
import { lastDayOfMonthsBeginningWith } from '../cbo/cbo-rules.js';

const S104_4 = 'Anti-social Behaviour, Crime and Policing Act 2014 s104(4)';
const S104_11 = 'Anti-social Behaviour, Crime and Policing Act 2014 s104(11)';

export interface Complaint {
  id: string;
  /** The day the complaint was made (to the council, the police or a housing provider). */
  receivedOn: string;
  /** The day of the behaviour complained of. */
  behaviourOn: string;
  agency: string;
  /** The same incident reported to several agencies shares one reference (null: not known to be shared). */
  incidentRef: string | null;
  victimKey: string | null;
  locationKey: string | null;
  /** A hate incident or crime. */
  hate: boolean;
}

export interface CaseReviewSettings {
  threshold: number;
  /** The legal ceiling (three). */
  maxThreshold: number;
  windowMonths: number;
  complaintWithinMonths: number;
  hateMeetsThreshold: boolean;
}

/** Findings about local settings (a threshold above the legal ceiling, or below one). */
export function caseReviewSettingsFindings(s: CaseReviewSettings): Finding[] {
  const f: Finding[] = [];
  if (!Number.isInteger(s.threshold) || s.threshold < 1) f.push({ rule: 'case_review.threshold_positive', field: 'threshold', message: 'The threshold must be a whole number of complaints, at least 1' });
  if (s.threshold > s.maxThreshold) {
    f.push({ rule: 'case_review.threshold_ceiling', field: 'threshold', message: `A local threshold may not be above ${s.maxThreshold} qualifying complaints (${s.threshold} set)`, legalSource: S104_4 });
  }
  return f;
}

/** The first day of the period of `months` months ending with `day` (the day after the same date `months` earlier). */
export function firstDayOfMonthsEndingWith(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return addDays(`${ty}-${pad(tm)}-${pad(Math.min(d, daysInMonth(ty, tm)))}`, 1);
}

/** Whether a complaint was made within the months after the behaviour (s104(11)), and if not why. */
export function complaintQualifies(c: Pick<Complaint, 'receivedOn' | 'behaviourOn'>, withinMonths: number): { qualifies: boolean; reason: string | null } {
  if (c.receivedOn < c.behaviourOn) return { qualifies: false, reason: 'made before the behaviour it complains of: check the dates' };
  const last = lastDayOfMonthsBeginningWith(addDays(c.behaviourOn, 1), withinMonths);
  if (c.receivedOn > last) return { qualifies: false, reason: `made after ${last}, more than ${withinMonths === 1 ? 'a month' : `${withinMonths} months`} after the behaviour (${S104_11})` };
  return { qualifies: true, reason: null };
}

export interface CaseReviewEntry {
  /** The victim or location. */
  key: string;
  status: 'met' | 'alert' | 'below';
  qualifying: number;
  hate: number;
  /** The complaints counted, earliest first. */
  counted: string[];
  /** Why the threshold is met, or how far away it is, in words. */
  explanation: string;
}

export interface CaseReviewCheck {
  asOf: string;
  window: { from: string; to: string };
  settings: CaseReviewSettings;
  byVictim: CaseReviewEntry[];
  byLocation: CaseReviewEntry[];
  /** Complaints not counted, with the reason (outside the window, made too late, a repeat of one incident). */
  notCounted: { id: string; reason: string }[];
}

/** The early-warning check on `asOf` (complaints received after it are ignored). */
export function checkCaseReviews(complaints: readonly Complaint[], s: CaseReviewSettings, asOf: string): CaseReviewCheck {
  const problems = caseReviewSettingsFindings(s);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('; '));
  const from = firstDayOfMonthsEndingWith(asOf, s.windowMonths);
  const notCounted: { id: string; reason: string }[] = [];
  const firstOfIncident = new Map<string, Complaint>();
  const counted: Complaint[] = [];
  const ordered = [...complaints].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id));
  for (const c of ordered) {
    if (c.receivedOn > asOf) continue;
    if (c.receivedOn < from) {
      notCounted.push({ id: c.id, reason: `made before ${from}, outside the ${s.windowMonths}-month window` });
      continue;
    }
    const q = complaintQualifies(c, s.complaintWithinMonths);
    if (!q.qualifies) {
      notCounted.push({ id: c.id, reason: q.reason! });
      continue;
    }
    if (c.incidentRef !== null) {
      const first = firstOfIncident.get(c.incidentRef);
      if (first) {
        notCounted.push({ id: c.id, reason: `the same incident as complaint ${first.id} (to ${first.agency}): counted once` });
        continue;
      }
      firstOfIncident.set(c.incidentRef, c);
    }
    counted.push(c);
  }
  const entries = (keyOf: (c: Complaint) => string | null): CaseReviewEntry[] => {
    const groups = new Map<string, Complaint[]>();
    for (const c of counted) {
      const k = keyOf(c);
      if (k === null) continue;
      groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    return [...groups.entries()]
      .map(([key, cs]) => {
        const hate = cs.filter((c) => c.hate).length;
        const met = cs.length >= s.threshold || (s.hateMeetsThreshold && hate > 0);
        const alert = !met && cs.length === s.threshold - 1;
        const explanation = met
          ? cs.length >= s.threshold
            ? `${cs.length} qualifying complaints since ${from}: the threshold of ${s.threshold} is met`
            : `a hate incident since ${from}: the local rule meets the threshold`
          : `${cs.length} qualifying complaint${cs.length === 1 ? '' : 's'} since ${from}: ${s.threshold - cs.length} more meet${s.threshold - cs.length === 1 ? 's' : ''} the threshold`;
        return { key, status: met ? ('met' as const) : alert ? ('alert' as const) : ('below' as const), qualifying: cs.length, hate, counted: cs.map((c) => c.id), explanation };
      })
      .sort((a, b) => b.qualifying - a.qualifying || a.key.localeCompare(b.key));
  };
  return { asOf, window: { from, to: asOf }, settings: s, byVictim: entries((c) => c.victimKey), byLocation: entries((c) => c.locationKey), notCounted };
}

/** The local settings in force on `date`, with the configuration versions used. */
export function caseReviewSettingsAt(config: { valueAt(key: string, when: string): { value: unknown; versionId: string } }, date: string): { settings: CaseReviewSettings; versionIds: string[] } {
  const keys = {
    threshold: 'powers.asb_case_review.threshold_complaints',
    maxThreshold: 'powers.asb_case_review.max_threshold_complaints',
    windowMonths: 'powers.asb_case_review.window_months',
    complaintWithinMonths: 'powers.asb_case_review.complaint_within_months',
    hateMeetsThreshold: 'powers.asb_case_review.hate_incident_meets_threshold',
  } as const;
  const out: Record<string, unknown> = {};
  const versionIds: string[] = [];
  for (const [name, key] of Object.entries(keys)) {
    const v = config.valueAt(key, date);
    out[name] = v.value;
    versionIds.push(v.versionId);
  }
  return { settings: out as unknown as CaseReviewSettings, versionIds };
}
