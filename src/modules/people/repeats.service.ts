import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { authorize } from '../../platform/policy.js';
import { addMonths } from '../analytics/index.js';
import type { Caller } from './caller.js';
import { ageAt, isChildAt, today } from './person-facts.js';
import { peoplePolicy } from './people.policy.js';
import { repeatsQuerySchema } from './people.schema.js';
import { rankRepeatPeople } from './repeat-people.js';
import { districtFilter, visibleCondition, viewerOf } from './scope.js';
import { parseOrThrow } from '../../platform/validate.js';

/**
 * Repeat victims or offenders: occurrences in the period (default the 12 months to this one)
 * within the caller's scope, ranked by the repeat rule shared with repeat locations.
 * Audited as a search with the number of people listed.
 */
export async function repeatPeople(db: Db, auditKey: Buffer, caller: Caller, query: unknown) {
  authorize(peoplePolicy, 'people.repeats', caller.principal);
  const q = parseOrThrow(repeatsQuerySchema, query);
  const to = q.to ?? (q.from ? addMonths(q.from, 11) : today().slice(0, 7));
  const from = q.from ?? addMonths(to, -11);
  const period = { from, to };
  const rule = { minIncidents: q.min, windowMonths: q.window };
  return db.transaction().execute(async (trx) => {
    const v = await viewerOf(trx, caller.principal);
    const ds = districtFilter(v);
    const scope = ds ? sql<boolean>`lower(o.district) in (${sql.join(ds.length ? ds : [''])})` : sql<boolean>`true`;
    const district = q.district ? sql<boolean>`lower(o.district) = ${q.district.toLowerCase()}` : sql<boolean>`true`;
    const rows = await sql<{ person_id: number; category: string; occurred_on: string }>`
      select o.person_id, o.category, o.occurred_on from person_occurrence o join person p on p.id = o.person_id
      where o.role = ${q.role} and o.occurred_on >= ${`${from}-01`}::date and o.occurred_on < (${`${addMonths(to, 1)}-01`}::date)
        and p.merged_into is null and ${scope} and ${district} and ${visibleCondition('person', v)}`.execute(trx);
    const ranked = rankRepeatPeople(rows.rows.map((r) => ({ personId: Number(r.person_id), category: r.category, occurredOn: r.occurred_on })), period, rule, q.all === 'true');
    const ids = ranked.map((r) => r.personId);
    const people = ids.length ? await trx.selectFrom('person').select(['id', 'given_name', 'family_name', 'date_of_birth', 'recorded_district']).where('id', 'in', ids).execute() : [];
    const byId = new Map(people.map((p) => [Number(p.id), p]));
    const asOf = today();
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'search', recordType: 'person', details: { kind: `repeat-${q.role}s`, results: ranked.length, period, rule }, personIds: ids });
    return {
      role: q.role, period,
      rule: { ...rule, description: `at least ${rule.minIncidents} ${q.role === 'victim' ? 'victimisations' : 'offences'} of one category within ${rule.windowMonths} month(s)` },
      people: ranked.map((r) => {
        const p = byId.get(r.personId)!;
        return { ...r, givenName: p.given_name, familyName: p.family_name, age: ageAt(p.date_of_birth, asOf), isChild: isChildAt(p.date_of_birth, asOf), recordedDistrict: p.recorded_district };
      }),
    };
  });
}
