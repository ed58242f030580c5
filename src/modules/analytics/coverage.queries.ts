import type { Db } from '../../platform/db/database.js';
import { countIncidents, incidentFilterSchema, streetMonthsByForce } from '../police-data/index.js';
import { coverageOf, type AnalysedCoverage } from './coverage.js';

/** The coverage of the forces an analysis with these filters reads. */
export async function analysedCoverage(db: Db, f: { force?: readonly string[]; district?: readonly string[]; lsoa?: readonly string[] }): Promise<AnalysedCoverage> {
  const held = await streetMonthsByForce(db);
  let forces: string[];
  if (f.force?.length) forces = [...f.force];
  else if (f.district?.length || f.lsoa?.length) {
    const { rows } = await countIncidents(db, 'force', incidentFilterSchema.parse({ district: f.district ?? [], lsoa: f.lsoa ?? [] }));
    forces = rows.map((r) => r.key).filter((k): k is string => k !== null);
    if (!forces.length) forces = [...held.keys()];
  } else forces = [...held.keys()];
  return coverageOf(held, forces);
}
