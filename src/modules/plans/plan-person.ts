import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { SubjectKind } from './plan-rules.js';

/** The person's role on the plan, as the people module's links name it. */
export const LINK_ROLE_OF: Readonly<Record<SubjectKind, 'offender' | 'victim' | 'young_person_at_risk'>> = {
  repeat_offender: 'offender',
  repeat_victim: 'victim',
  young_person_at_risk: 'young_person_at_risk',
};

/**
 * Links the person to the plan (record type 'plan') in the plan's district, so the person page
 * lists the plan and the person is in scope where the plan is managed. A moved plan moves its link.
 */
export async function linkPlanPerson(trx: Db, v: { personId: number; planId: number; subjectKind: SubjectKind; district: string; by: string }): Promise<void> {
  await sql`insert into person_link (person_id, record_type, record_id, role, district, created_by)
    values (${v.personId}, 'plan', ${String(v.planId)}, ${LINK_ROLE_OF[v.subjectKind]}, ${v.district}, ${v.by})
    on conflict (person_id, record_type, record_id, role) do update set district = excluded.district`.execute(trx);
}
