import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorName, authorize, type Actor } from '../../platform/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { panelsPolicy } from './panels.policy.js';

type PanelsAction = keyof typeof panelsPolicy;

/** Which panels an actor reaches: all, those covering some districts, or those their agency sits on. */
export type PanelScope = { kind: 'all' } | { kind: 'districts'; districts: readonly string[] } | { kind: 'agency'; agency: string };

/** Checks the role (403) and returns the scope. The CLI is the operator: every panel. */
export function panelScope(actor: Actor, action: PanelsAction): PanelScope {
  if (actor.kind === 'cli') return { kind: 'all' };
  const p = authorize(panelsPolicy, action, actor.principal);
  if (p.role === 'officer' || p.role === 'supervisor') return { kind: 'districts', districts: p.districts };
  if (p.role === 'partner') return { kind: 'agency', agency: p.partnerAgency ?? '' };
  return { kind: 'all' };
}

/** A where-clause on `panel` for the scope. */
export function inPanelScope(scope: PanelScope) {
  return (eb: ExpressionBuilder<Database, 'panel'>): Expression<SqlBool> => {
    if (scope.kind === 'all') return sql<boolean>`true`;
    if (scope.kind === 'districts') {
      return scope.districts.length
        ? eb.exists(eb.selectFrom('panel_district as d').select('d.panel_id').whereRef('d.panel_id', '=', 'panel.id').where('d.district', 'in', [...scope.districts]))
        : sql<boolean>`false`;
    }
    return sql<boolean>`exists (select 1 from panel_member_agency m join partner_agency a on a.id = m.agency_id
      where m.panel_id = panel.id and lower(a.name) = lower(${scope.agency}))`;
  };
}

/** Districts scoped roles may put on a panel: all of the panel's districts must be theirs. */
export function checkPanelDistricts(actor: Actor, districts: readonly string[]): void {
  if (actor.kind !== 'user') return;
  const p = actor.principal;
  if (p.role !== 'officer' && p.role !== 'supervisor') return;
  const outside = districts.filter((d) => !p.districts.includes(d));
  if (outside.length) throw new AppError('forbidden', `districts: you may only run panels for your districts (${p.districts.join(', ') || 'none'}), not ${outside.join(', ')}`);
}

/**
 * Runs `work` on one panel in one transaction: role check, the panel in scope (404 otherwise),
 * then one audit row about the panel in the same transaction.
 */
export async function withPanel<T>(
  db: Db, auditKey: Buffer, actor: Actor, action: PanelsAction, panelId: number,
  work: (trx: Db, panel: { id: number; name: string }) => Promise<{ result: T; audit: { action: string; details?: Record<string, unknown> } }>,
): Promise<T> {
  const scope = panelScope(actor, action);
  return db.transaction().execute(async (trx) => {
    const panel = await trx.selectFrom('panel').select(['id', 'name']).where('id', '=', panelId).where(inPanelScope(scope)).executeTakeFirst();
    if (!panel) throw new AppError('not_found', `No panel ${panelId}`);
    const { result, audit } = await work(trx, panel);
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: audit.action, recordType: 'panel', recordId: String(panelId), details: audit.details ?? null });
    return result;
  });
}
