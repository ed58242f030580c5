import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from './errors.js';
import type { ServiceContext } from './module/context.js';

/** The roles of Prevention Hub. Scope (districts, partner agency) is checked per record. */
export const ROLES = ['admin', 'analyst', 'supervisor', 'officer', 'partner', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: set on the request by the session middleware. */
export interface Principal {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  partnerAgency: string | null;
  districts: string[];
  isDemo: boolean;
}

export interface AppEnv {
  Variables: {
    principal: Principal;
    /** The service context of this request (who acts, their scope, the audit): pass it to services. */
    ctx: ServiceContext;
    sessionTokenHash: string;
    csrfToken: string;
    /** The account must choose a new password before any other work (see identity's session guard). */
    mustChangePassword: boolean;
  };
}

/** A module's rules: which roles may perform each action. Small, declarative, tested per route. */
export type PolicyTable<A extends string> = Readonly<Record<A, readonly Role[]>>;

export function isAllowed<A extends string>(table: PolicyTable<A>, action: A, role: Role): boolean {
  return table[action].includes(role);
}

/** Throws 403 unless the principal's role may perform the action. */
export function authorize<A extends string>(table: PolicyTable<A>, action: A, principal: Principal | undefined): Principal {
  if (!principal) throw new AppError('unauthenticated', 'Sign in first');
  if (!isAllowed(table, action, principal.role)) throw new AppError('forbidden', `Your role (${principal.role}) may not ${action.replace(/[._]/g, ' ')}`);
  return principal;
}

/** Route middleware form of `authorize`. */
export function requirePermission<A extends string>(table: PolicyTable<A>, action: A): MiddlewareHandler<AppEnv> {
  return async (c: Context<AppEnv>, next) => {
    authorize(table, action, c.get('principal'));
    await next();
  };
}

/** Actor string written to the audit log. */
export const actorOf = (p: Principal): string => `user:${p.username}`;

/** Who acts in a service: a signed-in person (checked against policy and scope) or the operator's CLI. */
export type Actor = { kind: 'user'; principal: Principal } | { kind: 'cli'; name: string };

/** The audit log's actor: user:<name>, or cli:<os user> as given. */
export const actorName = (a: Actor): string => (a.kind === 'cli' ? a.name : actorOf(a.principal));
