import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { authorize, type PolicyTable } from '../../platform/policy.js';

/**
 * The quarterly report: analysts, supervisors and admins draft editions; supervisors and admins
 * sign them off and publish them; officers read them; partner agencies read published public and
 * child-level editions only. The auditor reads the audit log, not reports.
 */
export const reportPolicy = {
  'report.read': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'report.draft': ['admin', 'analyst', 'supervisor'],
  'report.approve': ['admin', 'supervisor'],
} as const satisfies PolicyTable<string>;

export type ReportAction = keyof typeof reportPolicy;

/** Throws 403 unless the context's user may act (the CLI operator may). */
export function allow(ctx: Pick<ServiceContext, 'actor'>, action: ReportAction): void {
  if (ctx.actor.kind === 'user') authorize(reportPolicy, action, ctx.actor.principal);
}

/** Partner agencies see published public and child-level editions only (others: as if there were none). */
export function assertEditionVisible(ctx: Pick<ServiceContext, 'actor'>, e: { id: string | number; status: string; profile: string }): void {
  if (ctx.actor.kind === 'user' && ctx.actor.principal.role === 'partner' && (e.status !== 'published' || e.profile === 'internal')) {
    throw new AppError('not_found', `No report edition ${e.id}`);
  }
}

export const isPartner = (ctx: Pick<ServiceContext, 'actor'>): boolean => ctx.actor.kind === 'user' && ctx.actor.principal.role === 'partner';
