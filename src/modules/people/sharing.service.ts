import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/policy.js';
import { findAgency } from '../partners/index.js';
import type { Caller } from './caller.js';
import { peoplePolicy } from './people.policy.js';
import { sharingSchema, transferSchema } from './people.schema.js';
import type { ShareableType, SharingStatus } from './people.tables.js';
import { assertVisible, viewerOf } from './scope.js';
import { parseOrThrow } from '../../platform/validate.js';

export interface SharingState {
  owningAgency: { id: number; name: string };
  status: SharingStatus;
  consentRecordedAt: string | null;
  consentRecordedBy: string | null;
  lawfulBasis: string | null;
  sharedWith: { id: number; name: string; sharedAt: Date }[];
  history: { event: string; status: string | null; lawfulBasis: string | null; fromAgency: string | null; toAgency: string | null; recordedBy: string; recordedAt: Date }[];
}

/** The owning agency, sharing status, agencies shared with and the history of changes of a person or place. */
export async function sharingOf(db: Db, type: ShareableType, id: number): Promise<SharingState> {
  const table = sql.table(type);
  const head = (
    await sql<{ owning_agency_id: number; agency: string; sharing_status: SharingStatus; consent_recorded_at: string | null; consent_recorded_by: string | null; lawful_basis: string | null }>`
      select r.owning_agency_id, a.name as agency, r.sharing_status, r.consent_recorded_at, r.consent_recorded_by, r.lawful_basis
      from ${table} r join partner_agency a on a.id = r.owning_agency_id where r.id = ${id}`.execute(db)
  ).rows[0];
  if (!head) throw new AppError('not_found', `No ${type} ${id}`);
  const shares = await db
    .selectFrom('record_share as s')
    .innerJoin('partner_agency as a', 'a.id', 's.agency_id')
    .select(['a.id', 'a.name', 's.shared_at'])
    .where('s.record_type', '=', type)
    .where('s.record_id', '=', id)
    .orderBy('a.name')
    .execute();
  const history = await db
    .selectFrom('sharing_event as e')
    .leftJoin('partner_agency as f', 'f.id', 'e.from_agency_id')
    .leftJoin('partner_agency as t', 't.id', 'e.to_agency_id')
    .select(['e.event', 'e.status', 'e.lawful_basis', 'f.name as from_name', 't.name as to_name', 'e.recorded_by', 'e.recorded_at'])
    .where('e.record_type', '=', type)
    .where('e.record_id', '=', id)
    .orderBy('e.id')
    .execute();
  return {
    owningAgency: { id: Number(head.owning_agency_id), name: head.agency },
    status: head.sharing_status,
    consentRecordedAt: head.consent_recorded_at,
    consentRecordedBy: head.consent_recorded_by,
    lawfulBasis: head.lawful_basis,
    sharedWith: shares.map((s) => ({ id: Number(s.id), name: s.name, sharedAt: s.shared_at })),
    history: history.map((h) => ({
      event: h.event, status: h.status, lawfulBasis: h.lawful_basis, fromAgency: h.from_name, toAgency: h.to_name, recordedBy: h.recorded_by, recordedAt: h.recorded_at,
    })),
  };
}

async function liveRecord(trx: Db, type: ShareableType, id: number, caller: Caller) {
  await assertVisible(trx, type, id, await viewerOf(trx, caller.principal));
  const r = (await sql<{ merged_into: number | null; owning_agency_id: number }>`select merged_into, owning_agency_id from ${sql.table(type)} where id = ${id} for update`.execute(trx)).rows[0]!;
  if (r.merged_into !== null) throw new AppError('conflict', `${type} ${id} was merged into ${r.merged_into}; change the surviving record`);
  return r;
}

/**
 * Sets the sharing status and the agencies a record is shared with (admin, supervisor).
 * Consent is recorded with its date and who recorded it; sharing without consent needs its
 * lawful basis. Each change is a sharing_event and an audit row ('share') naming the recipients.
 */
export async function setSharing(db: Db, auditKey: Buffer, caller: Caller, type: ShareableType, id: number, input: unknown): Promise<SharingState> {
  authorize(peoplePolicy, 'people.share', caller.principal);
  const s = parseOrThrow(sharingSchema, input);
  return db.transaction().execute(async (trx) => {
    const rec = await liveRecord(trx, type, id, caller);
    for (const agencyId of s.agencyIds) {
      const a = await findAgency(trx, agencyId);
      if (!a) throw new AppError('validation', `agencyIds: no partner agency ${agencyId}`);
      if (agencyId === Number(rec.owning_agency_id)) throw new AppError('validation', `agencyIds: agency ${agencyId} owns the record already`);
    }
    const consentAt = s.status === 'shared_with_consent' ? s.consentDate! : null;
    const basis = s.status === 'shared_without_consent' ? s.lawfulBasis! : null;
    await sql`update ${sql.table(type)} set sharing_status = ${s.status}, consent_recorded_at = ${consentAt}, consent_recorded_by = ${consentAt ? caller.actor : null},
      lawful_basis = ${basis}, updated_at = now() where id = ${id}`.execute(trx);
    const before = (await trx.selectFrom('record_share').select('agency_id').where('record_type', '=', type).where('record_id', '=', id).execute()).map((r) => Number(r.agency_id));
    // Withdrawn consent keeps the list (who had it) but stops partner access; otherwise the list is replaced.
    const after = s.status === 'consent_withdrawn' && s.agencyIds.length === 0 ? before : s.agencyIds;
    const added = after.filter((a) => !before.includes(a));
    const removed = before.filter((a) => !after.includes(a));
    if (removed.length) await trx.deleteFrom('record_share').where('record_type', '=', type).where('record_id', '=', id).where('agency_id', 'in', removed).execute();
    for (const agencyId of added) await trx.insertInto('record_share').values({ record_type: type, record_id: id, agency_id: agencyId, shared_by: caller.actor }).execute();
    const event = (e: 'status' | 'share' | 'unshare', to: number | null) =>
      trx.insertInto('sharing_event').values({ record_type: type, record_id: id, event: e, status: s.status, lawful_basis: basis, to_agency_id: to, from_agency_id: null, recorded_by: caller.actor }).execute();
    await event('status', null);
    for (const a of added) await event('share', a);
    for (const a of removed) await event('unshare', a);
    await appendAudit(trx, auditKey, {
      actor: caller.actor, action: 'share', recordType: type, recordId: String(id), recipients: after.map(String).join(',') || null,
      details: { status: s.status, added, removed },
    });
    return sharingOf(trx, type, id);
  });
}

/**
 * Moves ownership to another agency. Consent given to one agency does not carry to another: the
 * status becomes 'needs_review' (partners lose access until it is reviewed) and the consent and
 * lawful basis are cleared; the history keeps what they were.
 */
export async function transferOwnership(db: Db, auditKey: Buffer, caller: Caller, type: ShareableType, id: number, input: unknown): Promise<SharingState> {
  authorize(peoplePolicy, 'people.share', caller.principal);
  const t = parseOrThrow(transferSchema, input);
  return db.transaction().execute(async (trx) => {
    const rec = await liveRecord(trx, type, id, caller);
    if (!(await findAgency(trx, t.agencyId))) throw new AppError('validation', `agencyId: no partner agency ${t.agencyId}`);
    const from = Number(rec.owning_agency_id);
    if (from !== t.agencyId) {
      await sql`update ${sql.table(type)} set owning_agency_id = ${t.agencyId}, sharing_status = 'needs_review', consent_recorded_at = null,
        consent_recorded_by = null, lawful_basis = null, updated_at = now() where id = ${id}`.execute(trx);
      await trx.deleteFrom('record_share').where('record_type', '=', type).where('record_id', '=', id).where('agency_id', '=', t.agencyId).execute();
      await trx.insertInto('sharing_event').values({ record_type: type, record_id: id, event: 'transfer', status: 'needs_review', lawful_basis: null, from_agency_id: from, to_agency_id: t.agencyId, recorded_by: caller.actor }).execute();
    }
    await appendAudit(trx, auditKey, {
      actor: caller.actor, action: 'transfer', recordType: type, recordId: String(id), recipients: String(t.agencyId),
      details: { fromAgency: from, toAgency: t.agencyId, changed: from !== t.agencyId },
    });
    return sharingOf(trx, type, id);
  });
}
