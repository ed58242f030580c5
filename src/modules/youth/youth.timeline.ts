/**
 * The child's timeline: every step of the work with them and what followed, in date order —
 * workbooks (started, each session, completed or not), programme referrals, each stage of a
 * deferred outcome (offered, accepted or declined, activity, Outcome 22 or returned), dispersals and
 * the home visits they opened (from the powers register), and later formal outcomes. Pure.
 * On one day the entries keep the order of the steps (a workbook starts before it is completed).
 */
export interface TimelineEntry {
  on: string;
  kind: string;
  what: string;
  /** The record the entry belongs to (its page or its form). */
  record: { type: 'youth_workbook' | 'youth_referral' | 'youth_deferred' | 'youth_later_outcome' | 'power_record'; id: number };
}

export interface TimelineInput {
  workbooks: { id: number; category: string; startedOn: string; completedOn: string | null; endedOn: string | null; notCompletedReason: string | null; sessions: { heldOn: string; note: string | null }[] }[];
  referrals: { id: number; programme: string; provider: string | null; referredOn: string; completedOn: string | null; endedOn: string | null; outcome: string | null }[];
  deferred: { id: number; offeredOn: string; state: string; decidedOn: string | null; responsibilityAccepted: boolean | null; activity: string | null; provider: string | null; activityFrom: string | null; deadline: string | null; completedOn: string | null; returnedOn: string | null; finalOutcomeCode: string | null; reason: string | null }[];
  laterOutcomes: { id: number; outcomeCode: string; offenceOn: string; recordedOn: string }[];
  powers: { on: string; kind: string; what: string; recordId: number }[];
  /** Outcome code -> words (the dated reference table in force). */
  outcomeWords: Record<string, string>;
}

const STEP: Record<string, number> = {
  dispersal_direction: 0, home_visit_letter: 1, home_visit_made: 2, home_visit_due: 3,
  workbook_started: 10, workbook_session: 11, workbook_completed: 12, workbook_not_completed: 12,
  referral: 20, referral_completed: 21, referral_ended: 21,
  deferred_offered: 30, deferred_accepted: 31, deferred_declined: 31, deferred_activity: 32, deferred_completed: 33, deferred_returned: 33,
  later_outcome: 40,
};

export function childTimeline(x: TimelineInput): TimelineEntry[] {
  const words = (code: string | null) => (code ? `Outcome ${code}${x.outcomeWords[code] ? ` (${x.outcomeWords[code]})` : ''}` : 'a formal outcome');
  const out: TimelineEntry[] = [];
  for (const w of x.workbooks) {
    const record = { type: 'youth_workbook' as const, id: w.id };
    out.push({ on: w.startedOn, kind: 'workbook_started', what: `Workbook started: ${w.category}`, record });
    for (const s of w.sessions) out.push({ on: s.heldOn, kind: 'workbook_session', what: `Workbook session held (${w.category})${s.note ? `: ${s.note}` : ''}`, record });
    if (w.completedOn) out.push({ on: w.completedOn, kind: 'workbook_completed', what: `Workbook completed: ${w.category}`, record });
    if (w.endedOn) out.push({ on: w.endedOn, kind: 'workbook_not_completed', what: `Workbook not completed (${w.category})${w.notCompletedReason ? `: ${w.notCompletedReason}` : ''}`, record });
  }
  for (const r of x.referrals) {
    const record = { type: 'youth_referral' as const, id: r.id };
    out.push({ on: r.referredOn, kind: 'referral', what: `Referred to ${r.programme}${r.provider ? ` (${r.provider})` : ''}`, record });
    if (r.completedOn) out.push({ on: r.completedOn, kind: 'referral_completed', what: `${r.programme} completed${r.outcome ? `: ${r.outcome}` : ''}`, record });
    if (r.endedOn) out.push({ on: r.endedOn, kind: 'referral_ended', what: `${r.programme} not completed${r.outcome ? `: ${r.outcome}` : ''}`, record });
  }
  for (const d of x.deferred) {
    const record = { type: 'youth_deferred' as const, id: d.id };
    out.push({ on: d.offeredOn, kind: 'deferred_offered', what: 'Deferred outcome offered', record });
    if (d.decidedOn) {
      const declined = d.state === 'declined';
      out.push({ on: d.decidedOn, kind: declined ? 'deferred_declined' : 'deferred_accepted', what: declined ? `Deferred outcome declined${d.reason ? `: ${d.reason}` : ''}` : `Deferred outcome accepted${d.responsibilityAccepted ? ' (responsibility accepted)' : ''}`, record });
    }
    if (d.activityFrom) out.push({ on: d.activityFrom, kind: 'deferred_activity', what: `Activity${d.activity ? `: ${d.activity}` : ''}${d.provider ? ` with ${d.provider}` : ''}${d.deadline ? `, to finish by ${d.deadline}` : ''}`, record });
    if (d.completedOn) out.push({ on: d.completedOn, kind: 'deferred_completed', what: `Deferred outcome completed: ${words('22')} recorded`, record });
    if (d.returnedOn) out.push({ on: d.returnedOn, kind: 'deferred_returned', what: `Did not comply: returned for ${words(d.finalOutcomeCode)}${d.reason ? `; ${d.reason}` : ''}`, record });
  }
  for (const o of x.laterOutcomes) {
    out.push({ on: o.offenceOn, kind: 'later_outcome', what: `Later offence: ${words(o.outcomeCode)}, recorded ${o.recordedOn}`, record: { type: 'youth_later_outcome', id: o.id } });
  }
  for (const p of x.powers) out.push({ on: p.on, kind: p.kind, what: p.what, record: { type: 'power_record', id: p.recordId } });
  return out.map((e, i) => ({ e, i })).sort((a, b) => a.e.on.localeCompare(b.e.on) || (STEP[a.e.kind] ?? 99) - (STEP[b.e.kind] ?? 99) || a.i - b.i).map((x2) => x2.e);
}
