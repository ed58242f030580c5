import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { dueBefore, type RetentionSubject } from './retention.js';

export interface RetentionRule {
  recordType: string;
  keepMonths: number;
  action: 'review' | 'delete';
  basis: string;
  effectiveFrom: string;
}

export interface DueGroup {
  rule: RetentionRule;
  dueBefore: string;
  count: number;
  sampleIds: string[];
}

export async function listRules(db: Db): Promise<RetentionRule[]> {
  const rows = await sql<{ record_type: string; keep_months: number; action: 'review' | 'delete'; basis: string; effective_from: string }>`
    select record_type, keep_months, action, basis, effective_from::text as effective_from from retention_rule order by record_type`.execute(db);
  return rows.rows.map((r) => ({ recordType: r.record_type, keepMonths: r.keep_months, action: r.action, basis: r.basis, effectiveFrom: r.effective_from }));
}

/**
 * Records whose retention period has run out, per record type, as of a date. `subjects`: the
 * record types under retention, each declared by its module (the registry's `retention`).
 */
export async function reviewDue(db: Db, asOf: Date, subjects: readonly RetentionSubject[]): Promise<DueGroup[]> {
  const rules = new Map((await listRules(db)).map((r) => [r.recordType, r]));
  const out: DueGroup[] = [];
  for (const s of subjects) {
    const rule = rules.get(s.recordType);
    if (!rule) continue;
    const cutoff = dueBefore(asOf, rule.keepMonths);
    const filter = s.where ? sql`and ${s.where}` : sql``;
    const r = await sql<{ n: number; ids: string[] | null }>`
      select count(*)::int8 as n, (array_agg(${s.id}::text order by ${s.clockStart}))[1:10] as ids
      from ${sql.table(s.table)} where ${s.clockStart} < ${cutoff.toISOString()}::timestamptz ${filter}`.execute(db);
    const n = Number(r.rows[0]?.n ?? 0);
    if (n > 0) out.push({ rule, dueBefore: cutoff.toISOString(), count: n, sampleIds: r.rows[0]?.ids ?? [] });
  }
  return out;
}

/**
 * Deletes records of one type that a 'delete' rule has made due, recording the deletion in the
 * audit log in the same transaction. Types kept under 'review' are never deleted here.
 */
export async function applyDeletion(
  db: Db,
  subjects: readonly RetentionSubject[],
  recordType: string,
  asOf: Date,
  audit: (trx: Db, event: { action: string; recordType: string; reason: string; details: Record<string, unknown> }) => Promise<void>,
): Promise<number> {
  const subject = subjects.find((s) => s.recordType === recordType);
  if (!subject) throw new AppError('validation', `--type: unknown record type '${recordType}' (one of ${subjects.map((s) => s.recordType).join(', ')})`);
  const rule = (await listRules(db)).find((r) => r.recordType === recordType);
  if (!rule) throw new AppError('not_found', `No retention rule for ${recordType}`);
  if (rule.action !== 'delete' || !subject.deletable) throw new AppError('conflict', `${recordType} records are kept for review, not deleted automatically (rule: ${rule.action})`);
  const cutoff = dueBefore(asOf, rule.keepMonths);
  return db.transaction().execute(async (trx) => {
    const filter = subject.where ? sql`and ${subject.where}` : sql``;
    const r = await sql`delete from ${sql.table(subject.table)} where ${subject.clockStart} < ${cutoff.toISOString()}::timestamptz ${filter}`.execute(trx);
    const n = Number(r.numAffectedRows ?? 0n);
    await audit(trx, {
      action: 'delete', recordType, reason: `retention rule: ${rule.keepMonths} months (${rule.basis})`,
      details: { deleted: n, dueBefore: cutoff.toISOString(), ruleEffectiveFrom: rule.effectiveFrom },
    });
    return n;
  });
}

/** Changes a rule (dated); the change is audited by the caller's transaction. */
export async function setRule(
  db: Db,
  subjects: readonly RetentionSubject[],
  rule: { recordType: string; keepMonths: number; action: 'review' | 'delete'; basis: string; effectiveFrom: string },
  by: string,
  audit: (trx: Db, event: { action: string; recordType: string; recordId: string; details: Record<string, unknown> }) => Promise<void>,
): Promise<void> {
  const subject = subjects.find((s) => s.recordType === rule.recordType);
  if (!subject) throw new AppError('validation', `--type: unknown record type '${rule.recordType}'`);
  if (rule.action === 'delete' && !subject.deletable) throw new AppError('validation', `--action: ${rule.recordType} records may only be reviewed, never deleted automatically`);
  await db.transaction().execute(async (trx) => {
    await sql`insert into retention_rule (record_type, keep_months, action, basis, effective_from, updated_by)
      values (${rule.recordType}, ${rule.keepMonths}, ${rule.action}, ${rule.basis}, ${rule.effectiveFrom}::date, ${by})
      on conflict (record_type) do update set keep_months = excluded.keep_months, action = excluded.action, basis = excluded.basis,
        effective_from = excluded.effective_from, updated_by = excluded.updated_by, updated_at = now()`.execute(trx);
    await audit(trx, { action: 'update', recordType: 'retention_rule', recordId: rule.recordType, details: { ...rule } });
  });
}
