import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { authorize, type Principal } from '../../platform/policy.js';
import type { Caller } from './caller.js';
import { assertOwnDistrict, checkDistrict } from './location.js';
import { normaliseVrm } from './person-facts.js';
import { peoplePolicy } from './people.policy.js';
import { newVehicleSchema, vehiclePersonSchema } from './people.schema.js';
import { assertVisible, viewerOf } from './scope.js';
import { parseOrThrow } from '../../platform/validate.js';

/** Vehicles are scoped by the district they were recorded in. */
function vehicleScope(p: Principal) {
  if (p.role !== 'officer' && p.role !== 'supervisor') return sql<boolean>`true`;
  if (!p.districts.length) return sql<boolean>`false`;
  return sql<boolean>`lower(v.district) in (${sql.join(p.districts.map((d) => d.toLowerCase()))})`;
}

async function visibleVehicle(db: Db, p: Principal, id: number) {
  const r = (await sql<{ id: number; vrm: string; make: string | null; model: string | null; colour: string | null; district: string }>`
    select v.id, v.vrm, v.make, v.model, v.colour, v.district from vehicle v where v.id = ${id} and ${vehicleScope(p)}`.execute(db)).rows[0];
  if (!r) throw new AppError('not_found', `No vehicle ${id}`);
  return { ...r, id: Number(r.id) };
}

/**
 * Records a vehicle by its normalised VRM. A VRM recorded already answers that vehicle
 * (`existing: true`, nothing changed) when the caller may see it, else 409 without its id.
 */
export async function createVehicle(db: Db, auditKey: Buffer, caller: Caller, input: unknown): Promise<{ id: number; vrm: string; existing: boolean }> {
  authorize(peoplePolicy, 'vehicles.write', caller.principal);
  const v = parseOrThrow(newVehicleSchema, input);
  const vrm = normaliseVrm(v.vrm);
  const district = await checkDistrict(db, v.district, 'district');
  assertOwnDistrict(caller.principal, district, 'district');
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('vehicle').select('id').where('vrm', '=', vrm).executeTakeFirst();
    if (existing) {
      const id = Number(existing.id);
      await visibleVehicle(trx, caller.principal, id).catch(() => {
        throw new AppError('conflict', 'vrm: this registration is recorded already, outside your districts');
      });
      await appendAudit(trx, auditKey, { actor: caller.actor, action: 'view', recordType: 'vehicle', recordId: String(id), details: { kind: 'recorded-already' } });
      return { id, vrm, existing: true };
    }
    const row = await trx
      .insertInto('vehicle')
      .values({ vrm, make: v.make ?? null, model: v.model ?? null, colour: v.colour ?? null, district, created_by: caller.actor })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'create', recordType: 'vehicle', recordId: String(row.id), details: { fields: Object.keys(v).filter((k) => k !== 'vrm') } });
    return { id: Number(row.id), vrm, existing: false };
  });
}

/** A vehicle and the people linked to it that the caller may see (audited view). */
export async function getVehicle(db: Db, auditKey: Buffer, caller: Caller, id: number) {
  authorize(peoplePolicy, 'vehicles.read', caller.principal);
  return db.transaction().execute(async (trx) => {
    const v = await visibleVehicle(trx, caller.principal, id);
    const viewer = await viewerOf(trx, caller.principal);
    const links = await trx
      .selectFrom('vehicle_person as vp')
      .innerJoin('person as p', 'p.id', 'vp.person_id')
      .select(['p.id', 'p.given_name', 'p.family_name', 'vp.relation'])
      .where('vp.vehicle_id', '=', id)
      .orderBy('p.family_name')
      .execute();
    const people = [];
    for (const l of links) {
      const ok = await assertVisible(trx, 'person', Number(l.id), viewer).then(() => true, () => false);
      if (ok) people.push({ personId: Number(l.id), givenName: l.given_name, familyName: l.family_name, relation: l.relation });
    }
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'view', recordType: 'vehicle', recordId: String(id), personIds: people.map((p) => p.personId) });
    return { ...v, people };
  });
}

/** Finds vehicles by (part of) a VRM, spaces and case ignored; audited as a search. */
export async function searchVehicles(db: Db, auditKey: Buffer, caller: Caller, vrmPart: string | undefined) {
  authorize(peoplePolicy, 'vehicles.read', caller.principal);
  const part = (vrmPart ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return db.transaction().execute(async (trx) => {
    const rows = await sql<{ id: number; vrm: string; make: string | null; model: string | null; colour: string | null; district: string }>`
      select v.id, v.vrm, v.make, v.model, v.colour, v.district from vehicle v
      where ${vehicleScope(caller.principal)} and v.vrm like ${`%${part}%`} order by v.vrm limit 100`.execute(trx);
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'search', recordType: 'vehicle', details: { results: rows.rows.length, filtered: part.length > 0 } });
    return rows.rows.map((r) => ({ ...r, id: Number(r.id) }));
  });
}

/** Links a person to a vehicle (owner, keeper, driver, user); both must be in the caller's scope. */
export async function linkVehiclePerson(db: Db, auditKey: Buffer, caller: Caller, vehicleId: number, input: unknown): Promise<void> {
  authorize(peoplePolicy, 'vehicles.write', caller.principal);
  const l = parseOrThrow(vehiclePersonSchema, input);
  await db.transaction().execute(async (trx) => {
    await visibleVehicle(trx, caller.principal, vehicleId);
    await assertVisible(trx, 'person', l.personId, await viewerOf(trx, caller.principal));
    await trx
      .insertInto('vehicle_person')
      .values({ vehicle_id: vehicleId, person_id: l.personId, relation: l.relation })
      .onConflict((oc) => oc.columns(['vehicle_id', 'person_id']).doUpdateSet({ relation: l.relation }))
      .execute();
    await appendAudit(trx, auditKey, { actor: caller.actor, action: 'link', recordType: 'vehicle', recordId: String(vehicleId), details: { personId: l.personId } });
  });
}
