/**
 * The sources behind before/after and the top N lists, over the people module's recorded
 * occurrences (person_occurrence). The force's records (records module, being built) can supply
 * the same interfaces later, linked by person key; nothing else changes.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Scope } from '../../platform/module/context.js';
import type { PersonEventSource } from './before-after.js';
import { districtScope } from './offenders.access.js';
import type { OffenceSource } from './top-n.js';

const SOURCE = 'Occurrences recorded against people in Prevention Hub (people records)';

/** A person's occurrences (as offender or victim) within the actor's districts. */
export function peopleEventSource(db: Db, scope: Scope): PersonEventSource {
  return {
    name: SOURCE,
    limits: [
      'Outcomes (charges, cautions, court results) are not held in the people records, so none are counted.',
      'Only occurrences recorded against this person in Prevention Hub are counted, not every police record about them.',
    ],
    eventsOf: async (personId, from, to) => {
      const r = await sql<{ on: string; category: string; role: string }>`
        select occurred_on::text as on, category, role from person_occurrence
        where person_id = ${personId} and occurred_on between ${from} and ${to} and ${districtScope({ scope }, sql`district`)}
        order by occurred_on, id`.execute(db);
      return r.rows.map((x) => ({ on: x.on, kind: 'incident' as const, type: x.category, role: x.role }));
    },
  };
}

/** Offences (occurrences as offender) in a district, of people not merged away. */
export function peopleOffenceSource(db: Db): OffenceSource {
  return {
    name: SOURCE,
    limits: [
      'Ranked on occurrences recorded against people in Prevention Hub as offender; force records are not linked yet.',
    ],
    offences: async (q) => {
      const r = await sql<{ person_id: number; on: string; category: string; district: string }>`
        select o.person_id, o.occurred_on::text as on, o.category, o.district from person_occurrence o join person p on p.id = o.person_id
        where o.role = 'offender' and p.merged_into is null and lower(o.district) = ${q.district.toLowerCase()}
          and o.occurred_on between ${q.from} and ${q.to} and lower(o.category) in (${sql.join(q.categories.map((c) => c.toLowerCase()))})`.execute(db);
      return r.rows.map((x) => ({ personId: Number(x.person_id), on: x.on, category: x.category, district: x.district }));
    },
  };
}
