import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { isVisible, linkPerson, unlinkPerson, viewerOf } from '../people/index.js';
import type { SubjectKind } from './plan-rules.js';
import type { Actor } from '../../platform/policy.js';

/** The person's role on the plan, as the people module's links name it. */
export const LINK_ROLE_OF: Readonly<Record<SubjectKind, 'offender' | 'victim' | 'young_person_at_risk'>> = {
  repeat_offender: 'offender',
  repeat_victim: 'victim',
  young_person_at_risk: 'young_person_at_risk',
};

/** 400 unless the acting user may see the person (a person outside their scope is not disclosed). */
export async function checkPersonVisible(trx: Db, actor: Actor, personId: number): Promise<void> {
  if (actor.kind === 'cli') return;
  if (!(await isVisible(trx, 'person', personId, await viewerOf(trx, actor.principal)))) throw new AppError('validation', `personId: no person ${personId}`);
}

/**
 * Links the person to the plan (record type 'plan') in the plan's district through the people
 * module, so the person page lists the plan and the person is in scope where the plan is
 * managed. Moving the plan to another district moves the link (`previousDistrict`).
 */
export async function linkPlanPerson(trx: Db, auditKey: Buffer, v: { personId: number; planId: number; subjectKind: SubjectKind; district: string; by: string; moved?: boolean }): Promise<void> {
  const recordId = String(v.planId);
  if (v.moved) await unlinkPerson(trx, auditKey, v.by, { personId: v.personId, recordType: 'plan', recordId });
  await linkPerson(trx, auditKey, v.by, { personId: v.personId, recordType: 'plan', recordId, role: LINK_ROLE_OF[v.subjectKind], district: v.district });
}
