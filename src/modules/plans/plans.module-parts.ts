/** The plans module's parts of the cross-module work the registry drives (retention, subject access, demo removal). */
import { sql } from 'kysely';
import { auditRowsWhere } from '../../platform/audit/audit.js';
import { deleteDemoRows } from '../../platform/demo/removal.js';
import type { TxContext } from '../../platform/module/context.js';
import type { RetentionSubject } from '../../platform/module/module.js';
import { deleteLinksTo, recordIdsOfPerson } from '../people/index.js';
import { plansAboutPeople } from './plan-detail.js';

/** A plan's clock starts when it closes (migration 0007). */
export const plansRetention: readonly RetentionSubject[] = [
  { recordType: 'plan', table: 'plan', id: sql`id::text`, clockStart: sql`closed_at`, where: sql`status = 'closed'`, deletable: false },
];

/** Every Proactive Management Plan about the person (or a record merged into them), closed ones included, with the audit rows about them. */
export async function plansSubjectAccess(t: TxContext, personId: number): Promise<Record<string, unknown>> {
  const ids = await recordIdsOfPerson(t.db, personId);
  const plans = await plansAboutPeople(t.db, ids, t.now().toISOString().slice(0, 10));
  const planIds = plans.map((p) => String(p.id));
  const auditEntries = planIds.length ? await auditRowsWhere(t.db, sql<boolean>`record_type = 'plan' and record_id in (${sql.join(planIds)})`) : [];
  return { plans, auditEntries };
}

/** Removes the demo plans and the people links that name them. */
export async function removeDemoPlans(t: TxContext): Promise<void> {
  await deleteLinksTo(t.db, 'plan', await deleteDemoRows(t.db, 'plan'));
}
