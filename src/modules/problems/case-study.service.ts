import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { scopeOf, visibleProblem } from './problems.access.js';
import { problemDetail } from './problems.service.js';
import { buildCaseStudy, caseStudyHtml, caseStudyPreview, type CaseStudyPreview } from './case-study.js';
import { type Actor, actorName } from '../../platform/policy.js';

/** Names that must not appear: people linked to the problem (with aliases) and the staff on it. */
async function namesToRedact(db: Db, id: number): Promise<string[]> {
  const people = await sql<{ n: string }>`
    select unnest(array[p.given_name, p.family_name, p.given_name || ' ' || p.family_name]) as n
      from person_link l join person p on p.id = l.person_id where l.record_type = 'problem' and l.record_id = ${String(id)}
    union select unnest(array[a.given_name, a.family_name, a.given_name || ' ' || a.family_name])
      from person_link l join person_alias a on a.person_id = l.person_id where l.record_type = 'problem' and l.record_id = ${String(id)}
    union select coalesce(u.display_name, u.username) from app_user u
      where u.id in (select owner_id from problem where id = ${id} union select owner_id from problem_action where problem_id = ${id})`.execute(db);
  return people.rows.map((r) => r.n).filter((n): n is string => typeof n === 'string');
}

/** The case study of a closed problem as HTML; the export is audited. */
export async function caseStudyDocument(db: Db, auditKey: Buffer, actor: Actor, id: number, format: 'html' | 'pdf'): Promise<string> {
  scopeOf(actor, 'problems.export');
  return db.transaction().execute(async (trx) => {
    const p = await visibleProblem(trx, actor, 'problems.export', id);
    if (p.stage !== 'closed') throw new AppError('conflict', `Only a closed problem can be shared as good practice: problem ${id} is at ${p.stage}`);
    const cs = buildCaseStudy(await problemDetail(trx, p), await namesToRedact(trx, id));
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'export', recordType: 'problem', recordId: String(id), purpose: 'good practice case study', details: { format } });
    return caseStudyHtml(cs, { id, closedAt: p.closedAt, generatedAt: new Date().toISOString() });
  });
}

/**
 * What the export would publish, each redaction marked, for the author to check before a case
 * study leaves the system (the same redaction and text as caseStudyDocument). Reading it is a
 * view of the problem and is audited as one; nothing leaves the system.
 */
export async function caseStudyPreviewOf(db: Db, auditKey: Buffer, actor: Actor, id: number): Promise<CaseStudyPreview & { id: number }> {
  scopeOf(actor, 'problems.export');
  return db.transaction().execute(async (trx) => {
    const p = await visibleProblem(trx, actor, 'problems.export', id);
    if (p.stage !== 'closed') throw new AppError('conflict', `Only a closed problem can be shared as good practice: problem ${id} is at ${p.stage}`);
    const cs = buildCaseStudy(await problemDetail(trx, p), await namesToRedact(trx, id));
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'view', recordType: 'problem', recordId: String(id), purpose: 'case study preview' });
    return { id, ...caseStudyPreview(cs) };
  });
}

// PDFs come from the shared document renderer (platform/document): re-exported for the routes.
export { assertPdfAvailable, chromiumPath, htmlToPdf } from '../../platform/document/index.js';
