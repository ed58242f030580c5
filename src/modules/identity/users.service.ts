import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorName, authorize, type Actor, type Principal } from '../../platform/policy.js';
import { parseOrThrow } from '../../platform/validate.js';
import { hashPassword } from './auth.service.js';
import { identityPolicy } from './identity.policy.js';
import { newUserSchema, userPatchSchema } from './identity.schema.js';
import * as users from './users.repository.js';
import * as sessions from './sessions.repository.js';

/**
 * Creates an account (admin, or the CLI). The password never leaves this function unhashed.
 * `mustChangePassword`: the password was shown somewhere (the demo accounts' console line), so
 * the first sign-in must choose a new one before anything else.
 */
export async function createUser(
  db: Db, auditKey: Buffer, actor: Actor, input: unknown, opts: { demo?: boolean; mustChangePassword?: boolean } = {},
): Promise<{ id: number; username: string }> {
  if (actor.kind === 'user') authorize(identityPolicy, 'users.create', actor.principal);
  const u = parseOrThrow(newUserSchema, input);
  const passwordHash = await hashPassword(u.password);
  return db.transaction().execute(async (trx) => {
    if (await users.findUserByName(trx, u.username)) throw new AppError('conflict', `username: '${u.username}' is taken`);
    const id = await users.insertUser(trx, { username: u.username, displayName: u.displayName ?? null, role: u.role, partnerAgency: u.partnerAgency ?? null, passwordHash, isDemo: opts.demo ?? false, mustChangePassword: opts.mustChangePassword ?? false });
    await users.setUserDistricts(trx, id, u.districts);
    await appendAudit(trx, auditKey, {
      actor: actorName(actor), action: 'create', recordType: 'user', recordId: String(id),
      details: { username: u.username, role: u.role, districts: u.districts, partnerAgency: u.partnerAgency ?? null, demo: opts.demo ?? false, mustChangePassword: opts.mustChangePassword ?? false },
    });
    return { id, username: u.username };
  });
}

/** The account list is personal data of staff: reading it is audited. */
export async function listUsers(db: Db, principal: Principal, auditKey?: Buffer) {
  authorize(identityPolicy, 'users.list', principal);
  if (!auditKey) return users.listUsers(db);
  return db.transaction().execute(async (trx) => {
    const list = await users.listUsers(trx);
    await appendAudit(trx, auditKey, { actor: `user:${principal.username}`, action: 'search', recordType: 'user', details: { results: list.length } });
    return list;
  });
}

/** Changes role, districts, agency or disables an account; disabling ends its sessions. */
export async function updateUser(db: Db, auditKey: Buffer, principal: Principal, id: number, input: unknown): Promise<void> {
  authorize(identityPolicy, 'users.update', principal);
  const p = parseOrThrow(userPatchSchema, input);
  await db.transaction().execute(async (trx) => {
    const before = await users.findUserById(trx, id);
    if (!before) throw new AppError('not_found', `No user ${id}`);
    if (id === principal.id && (p.disabled || (p.role && p.role !== 'admin'))) throw new AppError('conflict', 'You cannot disable yourself or remove your own admin role');
    const role = p.role ?? before.role;
    const agency = p.partnerAgency === undefined ? before.partner_agency : p.partnerAgency;
    if (role === 'partner' && !agency) throw new AppError('validation', 'partnerAgency: a partner account needs its agency');
    await users.updateUser(trx, id, {
      ...(p.role ? { role: p.role } : {}),
      ...(p.displayName !== undefined ? { display_name: p.displayName } : {}),
      ...(p.partnerAgency !== undefined || p.role ? { partner_agency: role === 'partner' ? agency : null } : {}),
      ...(p.disabled !== undefined ? { disabled_at: p.disabled ? new Date() : null } : {}),
    });
    if (p.districts) await users.setUserDistricts(trx, id, p.districts);
    const districts = p.districts ?? (await users.userDistricts(trx, id));
    if ((role === 'officer' || role === 'supervisor') && districts.length === 0) throw new AppError('validation', `districts: ${role === "officer" ? "an" : "a"} ${role} needs at least one district`);
    if (p.disabled || p.role || p.districts) await sessions.deleteUserSessions(trx, id);
    await appendAudit(trx, auditKey, { actor: `user:${principal.username}`, action: 'update', recordType: 'user', recordId: String(id), details: { changes: p } });
  });
}

/** A password hash no password matches: what a retired demo account keeps. */
const RETIRED_PASSWORD = '!retired: the demo password no longer signs in';

/**
 * Switches every demo account off for good, when the first real import removes the demo data
 * (call inside that import's transaction): disabled, its password made unusable (so enabling it
 * again does not bring the printed password back) and its sessions ended. Returns the accounts.
 */
export async function retireDemoUsers(trx: Db, now = new Date()): Promise<{ id: number; username: string }[]> {
  const demo = await users.activeDemoUsers(trx);
  for (const u of demo) {
    await users.updateUser(trx, u.id, { disabled_at: now, password_hash: RETIRED_PASSWORD, must_change_password: false });
    await sessions.deleteUserSessions(trx, u.id);
  }
  return demo;
}
