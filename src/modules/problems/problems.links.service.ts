import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/policy.js';
import { cliCaller, isVisible, LINK_ROLES, linkPerson, peopleLinkedTo, unlinkPerson, viewerOf } from '../people/index.js';
import { scopeOf, visibleProblem } from './problems.access.js';
import { parseOrThrow } from '../../platform/validate.js';
import { type Actor, actorName } from '../../platform/policy.js';

/** People link to a problem through the people module's person_link (record type 'problem'); places through problem_place. */
export const RECORD_TYPE = 'problem';

export const personLinkSchema = z.object({
  personId: z.number({ error: 'is required: the id of a person' }).int().positive(),
  role: z.enum(LINK_ROLES, { error: `must be one of ${LINK_ROLES.join(', ')}` }),
});
export const placeLinkSchema = z.object({ placeId: z.number({ error: 'is required: the id of a place' }).int().positive() });

const principalOf = (a: Actor): Principal => (a.kind === 'user' ? a.principal : cliCaller(a.name).principal);

async function mustSee(trx: Db, actor: Actor, type: 'person' | 'place', id: number): Promise<void> {
  if (!(await isVisible(trx, type, id, await viewerOf(trx, principalOf(actor))))) throw new AppError('validation', `${type}Id: no ${type} ${id} in your scope`);
}

export interface LinkedPlace {
  id: number;
  name: string | null;
  address: string | null;
  district: string;
  premisesType: string;
}

/** The people (names: the page is inside the viewer's scope; partners do not get them) and places linked to a problem. */
export async function problemLinks(db: Db, problemId: number, withPeople: boolean) {
  const people = withPeople ? await peopleLinkedTo(db, RECORD_TYPE, String(problemId)) : [];
  const places = await db.selectFrom('problem_place as l').innerJoin('place as p', 'p.id', 'l.place_id')
    .select(['p.id', 'p.name', 'p.address', 'p.district', 'p.premises_type']).where('l.problem_id', '=', problemId).orderBy('p.id').execute();
  return {
    people,
    places: places.map((p): LinkedPlace => ({ id: Number(p.id), name: p.name, address: p.address, district: p.district, premisesType: p.premises_type })),
  };
}

/** Links a person (offender, victim, witness, young person at risk) to the problem; the link's district is the problem's. */
export async function linkProblemPerson(db: Db, auditKey: Buffer, actor: Actor, problemId: number, input: unknown): Promise<void> {
  scopeOf(actor, 'problems.update');
  const l = parseOrThrow(personLinkSchema, input);
  await db.transaction().execute(async (trx) => {
    const p = await visibleProblem(trx, actor, 'problems.update', problemId, true);
    await mustSee(trx, actor, 'person', l.personId);
    await linkPerson(trx, auditKey, actorName(actor), { personId: l.personId, recordType: RECORD_TYPE, recordId: String(problemId), role: l.role, district: p.district });
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'update', recordType: 'problem', recordId: String(problemId), details: { linked: 'person' } });
  });
}

export async function unlinkProblemPerson(db: Db, auditKey: Buffer, actor: Actor, problemId: number, personId: number): Promise<void> {
  scopeOf(actor, 'problems.update');
  await db.transaction().execute(async (trx) => {
    await visibleProblem(trx, actor, 'problems.update', problemId, true);
    await unlinkPerson(trx, auditKey, actorName(actor), { personId, recordType: RECORD_TYPE, recordId: String(problemId) });
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'update', recordType: 'problem', recordId: String(problemId), details: { unlinked: 'person' } });
  });
}

/** Links a place (premises, a park, a transport hub) to the problem. */
export async function linkProblemPlace(db: Db, auditKey: Buffer, actor: Actor, problemId: number, input: unknown): Promise<void> {
  scopeOf(actor, 'problems.update');
  const l = parseOrThrow(placeLinkSchema, input);
  await db.transaction().execute(async (trx) => {
    await visibleProblem(trx, actor, 'problems.update', problemId, true);
    await mustSee(trx, actor, 'place', l.placeId);
    await trx.insertInto('problem_place').values({ problem_id: problemId, place_id: l.placeId, created_by: actorName(actor) }).onConflict((oc) => oc.columns(['problem_id', 'place_id']).doNothing()).execute();
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'link', recordType: 'place', recordId: String(l.placeId), details: { recordType: RECORD_TYPE, recordId: String(problemId) } });
  });
}

export async function unlinkProblemPlace(db: Db, auditKey: Buffer, actor: Actor, problemId: number, placeId: number): Promise<void> {
  scopeOf(actor, 'problems.update');
  await db.transaction().execute(async (trx) => {
    await visibleProblem(trx, actor, 'problems.update', problemId, true);
    await trx.deleteFrom('problem_place').where('problem_id', '=', problemId).where('place_id', '=', placeId).execute();
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'unlink', recordType: 'place', recordId: String(placeId), details: { recordType: RECORD_TYPE, recordId: String(problemId) } });
  });
}
