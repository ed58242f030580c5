/**
 * Where later formal outcomes come from. Outcomes recorded by hand or through the API live in
 * youth_later_outcome; the force records module (outcome extracts linked by person key) plugs in
 * as another `LaterOutcomeSource` with `registerLaterOutcomeSource`, without editing this module.
 */
import type { Db } from '../../platform/db/database.js';
import type { LaterOutcomeFact } from './followup.js';

export interface LaterOutcomeSource {
  /** Named in the measure's provenance. */
  name: string;
  /** Formal outcomes of these person records (any code, any date: the measure filters). */
  outcomesFor: (db: Db, personIds: readonly number[]) => Promise<LaterOutcomeFact[]>;
}

/** Outcomes recorded against the child in the youth module (by hand, API or import). */
export const recordedOutcomes: LaterOutcomeSource = {
  name: 'youth later outcomes (recorded by hand, through the API or imported)',
  outcomesFor: async (db, ids) => {
    if (!ids.length) return [];
    const rows = await db.selectFrom('youth_later_outcome').select(['person_id', 'outcome_code', 'offence_on', 'recorded_on']).where('person_id', 'in', [...ids]).execute();
    return rows.map((r) => ({ childId: r.person_id, outcomeCode: r.outcome_code, offenceOn: r.offence_on, recordedOn: r.recorded_on }));
  },
};

const sources: LaterOutcomeSource[] = [recordedOutcomes];

/** Adds a source (e.g. the force records module's outcome extracts); a second source of the same name replaces the first. */
export function registerLaterOutcomeSource(source: LaterOutcomeSource): void {
  const i = sources.findIndex((s) => s.name === source.name);
  if (i >= 0) sources[i] = source;
  else sources.push(source);
}

export const laterOutcomeSources = (): readonly LaterOutcomeSource[] => sources;

/** Every source's outcomes for the children, with the source names used. */
export async function laterOutcomesFor(db: Db, ids: readonly number[]): Promise<{ outcomes: LaterOutcomeFact[]; sources: string[] }> {
  const all = await Promise.all(sources.map((s) => s.outcomesFor(db, ids)));
  return { outcomes: all.flat(), sources: sources.map((s) => s.name) };
}
