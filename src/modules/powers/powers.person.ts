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
