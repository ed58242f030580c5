import type { Db } from '../../platform/db/database.js';
import { toStoredEntry, type AuditRow } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { TxContext } from '../../platform/module/context.js';
import type { SubjectAccessSection } from '../../platform/module/module.js';

type Audit = (trx: Db, event: { action: string; recordType: string; recordId: string; reason: string; details: Record<string, unknown> }) => Promise<void>;

/**
 * Everything held about one person record, for a subject access request: each module that holds
 * data about people contributes its section (the registry's `subjectAccess`: people gives the
 * person, records merged into it, aliases, addresses, links, occurrences, vehicles and sharing;
 * plans the Proactive Management Plans about them), each with the audit rows about its records
 * (`auditEntries`, merged in id order). Audited as an export with the reason.
 */
export async function personSubjectAccessExport(
  db: Db,
  personId: number,
  reason: string,
  audit: Audit,
  sections: readonly { module: string; section: SubjectAccessSection }[],
): Promise<Record<string, unknown>> {
  if (reason.trim().length < 5) throw new AppError('validation', '--reason: say why (e.g. the request reference), at least 5 characters');
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('person').select(['id', 'merged_into']).where('id', '=', personId).executeTakeFirst();
    if (!person) throw new AppError('not_found', `No person ${personId}`);
    if (person.merged_into !== null) throw new AppError('validation', `--person: person ${personId} was merged into ${person.merged_into}; export that record (it includes this one)`);
    const t: TxContext = {
      db: trx,
      actor: { kind: 'cli', name: 'subject-access' },
      scope: { kind: 'all' },
      now: () => new Date(),
      audit: () => Promise.reject(new AppError('internal', 'a subject access section does not audit; the export is audited once')),
    };
    const held: Record<string, unknown> = {};
    const auditRows = new Map<string, AuditRow>();
    for (const { module, section } of sections) {
      const part = await section(t, personId);
      if (!part) continue;
      for (const [key, value] of Object.entries(part)) {
        if (key === 'auditEntries') {
          for (const row of value as AuditRow[]) auditRows.set(String(row.id), row);
          continue;
        }
        if (key in held) throw new AppError('internal', `subject access: '${key}' is given by two modules (the second: ${module})`);
        held[key] = value;
      }
    }
    const entries = [...auditRows.values()].map((r) => toStoredEntry(r)).sort((a, b) => a.id - b.id);
    const counts = Object.fromEntries(Object.entries(held).filter(([k, v]) => Array.isArray(v) && k !== 'person').map(([k, v]) => [k, (v as unknown[]).length]));
    await audit(trx, {
      action: 'export', recordType: 'person', recordId: String(personId), reason: reason.trim(),
      details: { kind: 'subject-access', ...counts, auditEntries: entries.length },
    });
    return {
      generatedAt: new Date().toISOString(),
      subject: { kind: 'person record', id: personId },
      ...held,
      auditEntries: entries.map((e) => ({ id: e.id, at: e.at, actor: e.actor, action: e.action, recordType: e.recordType, recordId: e.recordId, purpose: e.purpose, recipients: e.recipients, reason: e.reason, details: e.details })),
    };
  });
}

