/**
 * A person's dispersal history for their timeline (the youth module's child page): each direction
 * given to them and the home visit to their parent or carer that it opened (letter sent, visit made,
 * or still due). Only records in the caller's scope; partners reach none (the register is not theirs).
 */
import type { Db } from '../../platform/db/database.js';
import type { Scope } from '../../platform/module/context.js';
import { londonDate } from '../../platform/time/london.js';
import { inScope } from './powers.service.js';

export interface PowersTimelineEntry {
  on: string;
  kind: 'dispersal_direction' | 'home_visit_letter' | 'home_visit_made' | 'home_visit_due';
  what: string;
  recordId: number;
}

export async function powersTimelineFor(t: { db: Db; scope: Scope }, personId: number): Promise<PowersTimelineEntry[]> {
  const rows = await t.db.selectFrom('power_record as r').leftJoin('power_task as k', (j) => j.onRef('k.record_id', '=', 'r.id').on('k.kind', '=', 'home_visit'))
    .select(['r.id', 'r.occurred_at', 'r.ends_at', 'r.district', 'r.place_description', 'r.outside_rules', 'k.due_on', 'k.status', 'k.letter_sent_on', 'k.visit_made_on', 'k.outcome'])
    .where('r.person_id', '=', personId).where('r.record_type', '=', 'dispersal_direction').where(inScope(t.scope)).orderBy('r.occurred_at').execute();
  const out: PowersTimelineEntry[] = [];
  for (const r of rows) {
    const where = [r.place_description, r.district].filter(Boolean).join(', ');
    out.push({ on: londonDate(r.occurred_at), kind: 'dispersal_direction', what: `Dispersal direction (${where})${r.outside_rules ? ', recorded outside the rules' : ''}`, recordId: r.id });
    if (r.letter_sent_on) out.push({ on: String(r.letter_sent_on), kind: 'home_visit_letter', what: 'Letter sent to the parent or carer after the dispersal', recordId: r.id });
    if (r.visit_made_on) out.push({ on: String(r.visit_made_on), kind: 'home_visit_made', what: `Home visit made${r.outcome ? `: ${r.outcome}` : ''}`, recordId: r.id });
    else if (r.due_on && r.status === 'open') out.push({ on: String(r.due_on), kind: 'home_visit_due', what: 'Home visit to the parent or carer due', recordId: r.id });
  }
  return out;
}

/** One enforcement act against a person, for lists of people (the offenders module's top N). */
export interface EnforcementEntry { recordId: number; type: string; on: string; what: string; endsAt: string | null }

const ENFORCEMENT_WORDS: Record<string, string> = {
  dispersal_direction: 'Dispersal direction', cpw: 'Community protection warning', cpn: 'Community protection notice', cpn_fpn: 'Fixed penalty (CPN breach)',
  cpn_breach: 'CPN breach', s59_warning: 'Vehicle warning (s59)', s59_seizure: 'Vehicle seizure (s59)',
};

/**
 * The enforcement acts recorded against each person in the last `sinceDays` days up to `asOf`
 * (London dates), newest first, within the caller's scope: dispersal directions, CPWs, CPNs, their
 * breaches and fixed penalties, s59 warnings and seizures. Acts recorded outside the rules say so.
 */
export async function enforcementOf(t: { db: Db; scope: Scope }, personIds: readonly number[], asOf: string, sinceDays: number): Promise<Map<number, EnforcementEntry[]>> {
  const out = new Map<number, EnforcementEntry[]>();
  if (!personIds.length) return out;
  const rows = await t.db.selectFrom('power_record as r').select(['r.id', 'r.person_id', 'r.record_type', 'r.occurred_at', 'r.ends_at', 'r.conduct_category', 'r.outside_rules'])
    .where('r.person_id', 'in', [...personIds]).where('r.record_type', 'in', Object.keys(ENFORCEMENT_WORDS) as never[]).where(inScope(t.scope))
    .orderBy('r.occurred_at', 'desc').orderBy('r.id', 'desc').execute();
  const from = new Date(`${asOf}T00:00:00Z`).getTime() - sinceDays * 86_400_000;
  for (const r of rows) {
    const on = londonDate(r.occurred_at);
    if (on > asOf || new Date(`${on}T00:00:00Z`).getTime() < from) continue;
    const list = out.get(Number(r.person_id)) ?? [];
    list.push({ recordId: r.id, type: r.record_type, on, endsAt: r.ends_at?.toISOString() ?? null, what: `${ENFORCEMENT_WORDS[r.record_type]}${r.conduct_category ? ` (${r.conduct_category})` : ''} on ${on}${r.outside_rules ? ', recorded outside the rules' : ''}` });
    out.set(Number(r.person_id), list);
  }
  return out;
}
