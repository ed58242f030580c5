import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, authorize, type Principal } from '../../platform/policy.js';
import { partnersPolicy } from './partners.policy.js';
import { agencyPatchSchema, newAgencySchema } from './partners.schema.js';
import type { AgencyKind } from './partners.tables.js';
import { parseOrThrow } from '../../platform/validate.js';

/** The agency that owns records created by the force's own staff (seeded by migration 0005). */
export const HOME_AGENCY = 'Kent Police';

export interface Agency {
  id: number;
  name: string;
  kind: AgencyKind;
  email: string | null;
  active: boolean;
}

const columns = ['id', 'name', 'kind', 'email', 'active'] as const;
const toAgency = (r: { id: number; name: string; kind: AgencyKind; email: string | null; active: boolean }): Agency => ({ ...r, id: Number(r.id) });

export async function listAgencies(db: Db, principal: Principal): Promise<Agency[]> {
  authorize(partnersPolicy, 'partners.list', principal);
  return (await db.selectFrom('partner_agency').select(columns).orderBy('name').execute()).map(toAgency);
}

export async function findAgency(db: Db, id: number): Promise<Agency | undefined> {
  const r = await db.selectFrom('partner_agency').select(columns).where('id', '=', id).executeTakeFirst();
  return r && toAgency(r);
}

/** The agency a record belongs to when nobody says otherwise: the force, created if a database lacks it. */
export async function homeAgencyId(trx: Db): Promise<number> {
  const found = await trx.selectFrom('partner_agency').select('id').where('name', '=', HOME_AGENCY).executeTakeFirst();
  if (found) return Number(found.id);
  const made = await trx.insertInto('partner_agency').values({ name: HOME_AGENCY, kind: 'police' }).returning('id').executeTakeFirstOrThrow();
  return Number(made.id);
}

/** The agency of a partner account: app_user.partner_agency matched to partner_agency.name (case-insensitive). */
export async function agencyIdOfPrincipal(db: Db, principal: Principal): Promise<number | null> {
  if (!principal.partnerAgency) return null;
  const r = await db
    .selectFrom('partner_agency')
    .select('id')
    .where(sql<string>`lower(name)`, '=', principal.partnerAgency.trim().toLowerCase())
    .executeTakeFirst();
  return r ? Number(r.id) : null;
}

async function assertNameFree(trx: Db, name: string, exceptId?: number) {
  let q = trx.selectFrom('partner_agency').select('id').where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('conflict', `name: an agency called '${name}' already exists`);
}

export async function createAgency(db: Db, auditKey: Buffer, principal: Principal, input: unknown, actor = actorOf(principal)): Promise<Agency> {
  authorize(partnersPolicy, 'partners.create', principal);
  const a = parseOrThrow(newAgencySchema, input);
  return db.transaction().execute(async (trx) => {
    await assertNameFree(trx, a.name);
    const row = await trx.insertInto('partner_agency').values({ name: a.name, kind: a.kind, email: a.email ?? null }).returning(columns).executeTakeFirstOrThrow();
    await appendAudit(trx, auditKey, { actor, action: 'create', recordType: 'partner_agency', recordId: String(row.id), details: { kind: a.kind } });
    return toAgency(row);
  });
}

export async function updateAgency(db: Db, auditKey: Buffer, principal: Principal, id: number, input: unknown): Promise<Agency> {
  authorize(partnersPolicy, 'partners.update', principal);
  const p = parseOrThrow(agencyPatchSchema, input);
  return db.transaction().execute(async (trx) => {
    if (!(await findAgency(trx, id))) throw new AppError('not_found', `No partner agency ${id}`);
    if (p.name) await assertNameFree(trx, p.name, id);
    const row = await trx
      .updateTable('partner_agency')
      .set({ ...p, updated_at: new Date() })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
    await appendAudit(trx, auditKey, { actor: actorOf(principal), action: 'update', recordType: 'partner_agency', recordId: String(id), details: { fields: Object.keys(p) } });
    return toAgency(row);
  });
}
