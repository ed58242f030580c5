/** Identity module: accounts, sign-in, sessions, roles. */
import { sql } from 'kysely';
import { defineModule } from '../../platform/module/module.js';
import { identityRoutes as routesOfIdentity } from './identity.routes.js';
import { retireDemoUsers as retireDemo } from './users.service.js';
import { USER_HELP } from './identity.help.js';
export { signIn, resolveSession, signOut, signOutEverywhere, changePassword, hashPassword, WRONG_SIGN_IN } from './auth.service.js';
export type { AuthDeps, SessionUser } from './auth.service.js';
export { createUser, listUsers, updateUser, retireDemoUsers } from './users.service.js';
export { countUsers, findUserByName } from './users.repository.js';
export { identityRoutes } from './identity.routes.js';
export { sessionGuard, SESSION_COOKIE } from './session.middleware.js';
export { identityPolicy } from './identity.policy.js';
export { passwordProblems } from './password-policy.js';


export const identityModule = defineModule({
  name: 'identity',
  routes: ({ db, auditKey, secureCookies, trustedProxies }) =>
    routesOfIdentity({ db, auditKey, secureCookies: secureCookies ?? false, ...(trustedProxies ? { trustedProxies } : {}) }),
  commands: {
    user: { help: USER_HELP, load: async () => (await import('./user.command.js')).runUser },
  },
  retention: [
    { recordType: 'user_session', table: 'user_session', id: sql`token_hash`, clockStart: sql`expires_at`, deletable: true },
    { recordType: 'sign_in_failure', table: 'sign_in_failure', id: sql`client || '@' || at::text`, clockStart: sql`at`, deletable: true },
    { recordType: 'app_user', table: 'app_user', id: sql`id::text`, clockStart: sql`disabled_at`, where: sql`disabled_at is not null`, deletable: false },
  ],
  // The first real import switches the demo accounts off for good, each audited.
  demo: {
    order: 0,
    remove: async (t) => {
      for (const u of await retireDemo(t.db)) {
        await t.audit({
          action: 'disable', recordType: 'user', recordId: String(u.id),
          details: { username: u.username, demo: true, reason: 'the first real import removed the demo data' },
        });
      }
    },
  },
});
