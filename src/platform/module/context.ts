/**
 * The one service context: who acts, what they may reach, the clock, and the audit bound to the
 * transaction. Built once per request (identity's session middleware) or once per CLI command
 * (platform/cli/context.ts), and passed as the first argument of every service function.
 *
 *   await ctx.tx(async (t) => {
 *     const id = await insertThing(t.db, input);
 *     await t.audit({ action: 'thing.create', recordType: 'thing', recordId: String(id) });
 *   });
 *
 * A module turns `ctx.scope` into SQL for its own tables with its own `inScope(scope)` fragment;
 * scope is never re-derived from the principal inside a module.
 */
import type { Db } from '../db/database.js';
import { appendAudit, type AuditEvent } from '../audit/audit.js';
import { actorName, type Actor, type Principal } from '../policy.js';

export type { Actor, Principal };

/**
 * What an actor reaches:
 *  - `all`: every district and agency (admin, analyst, auditor reading, the operator's CLI);
 *  - `districts`: officers and supervisors, their districts (lower-case compare is the module's job);
 *  - `agency`: a partner, the records owned by or shared with their agency (null: agency unknown, so nothing);
 *  - `none`: nothing (a role without case access).
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'districts'; districts: readonly string[] }
  | { kind: 'agency'; agencyId: number | null; agencyName: string | null }
  | { kind: 'none' };

/** The scope of a principal; a partner's agency id is looked up by the caller (partners module). */
export function scopeFor(principal: Principal, agencyId: number | null = null): Scope {
  switch (principal.role) {
    case 'admin':
    case 'analyst':
    case 'auditor':
      return { kind: 'all' };
    case 'officer':
    case 'supervisor':
      return { kind: 'districts', districts: principal.districts };
    case 'partner':
      return { kind: 'agency', agencyId, agencyName: principal.partnerAgency };
    default:
      return { kind: 'none' };
  }
}

/** The CLI is the operator on the server: every district. */
export const CLI_SCOPE: Scope = { kind: 'all' };

/** Whether a scope reaches a district (agency scopes decide per record, so: false here). */
export function scopeHasDistrict(scope: Scope, district: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind !== 'districts') return false;
  const d = district.toLowerCase();
  return scope.districts.some((x) => x.toLowerCase() === d);
}

export type AuditInput = Omit<AuditEvent, 'actor'>;

/** The context inside a transaction: `db` is the transaction, `audit` appends in it. */
export interface TxContext {
  db: Db;
  actor: Actor;
  scope: Scope;
  now: () => Date;
  audit: (event: AuditInput) => Promise<number>;
}

export interface ServiceContext {
  db: Db;
  actor: Actor;
  scope: Scope;
  /** The clock (tests pass a fixed one). */
  now: () => Date;
  /** Appends to the audit log inside `trx` (a transaction the caller opened). */
  audit: (trx: Db, event: AuditInput) => Promise<number>;
  /** Runs `fn` in one transaction with the audit bound to it: all or nothing. */
  tx: <T>(fn: (t: TxContext) => Promise<T>) => Promise<T>;
}

export interface ContextInput {
  db: Db;
  auditKey: Buffer;
  actor: Actor;
  scope: Scope;
  now?: () => Date;
}

export function makeContext(input: ContextInput): ServiceContext {
  const { db, auditKey, actor, scope } = input;
  const now = input.now ?? (() => new Date());
  const who = actorName(actor);
  const audit = (trx: Db, event: AuditInput) => appendAudit(trx, auditKey, { ...event, actor: who });
  return {
    db,
    actor,
    scope,
    now,
    audit,
    tx: (fn) =>
      db.transaction().execute((trx) =>
        fn({ db: trx, actor, scope, now, audit: (event) => audit(trx, event) }),
      ),
  };
}
