/** The problems module's parts of the cross-module work the registry drives (retention, demo removal). */
import { sql } from 'kysely';
import { deleteDemoRows } from '../../platform/demo/removal.js';
import type { TxContext } from '../../platform/module/context.js';
import type { RetentionSubject } from '../../platform/module/module.js';
import { deleteLinksTo } from '../people/index.js';

/** A problem's clock starts when it closes (migration 0006). */
export const problemsRetention: readonly RetentionSubject[] = [
  { recordType: 'problem', table: 'problem', id: sql`id::text`, clockStart: sql`closed_at`, where: sql`stage = 'closed'`, deletable: false },
];

/** Removes the demo problems and the people links that name them. */
export async function removeDemoProblems(t: TxContext): Promise<void> {
  await deleteLinksTo(t.db, 'problem', await deleteDemoRows(t.db, 'problem'));
}
