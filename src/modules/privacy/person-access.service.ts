import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { aboutPeople, toStoredEntry } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { plansAboutPeople } from '../plans/index.js';

type Audit = (trx: Db, event: { action: string; recordType: string; recordId: string; reason: string; details: Record<string, unknown> }) => Promise<void>;

/**
 * Everything held about one person record, for a subject access request: the person, records
 * merged into it, aliases, addresses, links to other records, occurrences, vehicles, sharing
 * (agencies and history), Proactive Management Plans about them and the audit rows about all these. Audited as an export with the reason.
 */
export async function personSubjectAccessExport(db: Db, personId: number, reason: string, audit: Audit): Promise<Record<string, unknown>> {
  if (reason.trim().length < 5) throw new AppError('validation', '--reason: say why (e.g. the request reference), at least 5 characters');
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!person) throw new AppError('not_found', `No person ${personId}`);
    if (person.merged_into !== null) throw new AppError('validation', `--person: person ${personId} was merged into ${person.merged_into}; export that record (it includes this one)`);
    const merged = await trx.selectFrom('person').selectAll().where('merged_into', '=', personId).execute();
    const ids = [personId, ...merged.map((m) => Number(m.id))];
    const aliases = await trx.selectFrom('person_alias').selectAll().where('person_id', '=', personId).orderBy('id').execute();
    const addresses = await trx.selectFrom('person_address').selectAll().where('person_id', '=', personId).orderBy('id').execute();
    const links = await trx.selectFrom('person_link').selectAll().where('person_id', '=', personId).orderBy('id').execute();
    const occurrences = await trx.selectFrom('person_occurrence').selectAll().where('person_id', '=', personId).orderBy('id').execute();
    const vehicles = await trx
      .selectFrom('vehicle_person as vp')
      .innerJoin('vehicle as v', 'v.id', 'vp.vehicle_id')
      .select(['v.id', 'v.vrm', 'v.make', 'v.model', 'v.colour', 'v.district', 'vp.relation', 'vp.created_at'])
      .where('vp.person_id', '=', personId)
      .execute();
    const shares = await trx.selectFrom('record_share').selectAll().where('record_type', '=', 'person').where('record_id', 'in', ids).execute();
    const sharingHistory = await trx.selectFrom('sharing_event').selectAll().where('record_type', '=', 'person').where('record_id', 'in', ids).orderBy('id').execute();
    const plans = await plansAboutPeople(trx, ids, new Date().toISOString().slice(0, 10));
    const planIds = plans.map((p) => String(p.id));
    const occurrenceIds = occurrences.map((o) => String(o.id));
    const vehicleIds = vehicles.map((v) => String(v.id));
    const entries = await sql<Parameters<typeof toStoredEntry>[0]>`
      select * from audit_log
      where ${aboutPeople(ids)}
        or (record_type = 'person_occurrence' and record_id in (${sql.join(occurrenceIds.length ? occurrenceIds : [''])}))
        or (record_type = 'plan' and record_id in (${sql.join(planIds.length ? planIds : [''])}))
        or (record_type = 'vehicle' and record_id in (${sql.join(vehicleIds.length ? vehicleIds : [''])}) and details->>'personId' = ${String(personId)})
      order by id`.execute(trx);
    await audit(trx, {
      action: 'export', recordType: 'person', recordId: String(personId), reason: reason.trim(),
      details: { kind: 'subject-access', mergedRecords: merged.length, plans: plans.length, auditEntries: entries.rows.length },
    });
    return {
      generatedAt: new Date().toISOString(),
      subject: { kind: 'person record', id: personId },
      person, mergedRecords: merged, aliases, addresses, links, occurrences, vehicles, shares, sharingHistory, plans,
      auditEntries: entries.rows.map((r) => {
        const e = toStoredEntry(r);
        return { id: e.id, at: e.at, actor: e.actor, action: e.action, recordType: e.recordType, recordId: e.recordId, purpose: e.purpose, recipients: e.recipients, reason: e.reason, details: e.details };
      }),
    };
  });
}
