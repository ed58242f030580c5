/** Identity module: accounts, sign-in, sessions, roles. */
export { signIn, resolveSession, signOut, signOutEverywhere, changePassword, hashPassword, WRONG_SIGN_IN } from './auth.service.js';
export type { AuthDeps, SessionUser } from './auth.service.js';
export { createUser, listUsers, updateUser, retireDemoUsers } from './users.service.js';
export { countUsers } from './users.repository.js';
export { identityRoutes } from './identity.routes.js';
export { sessionGuard, SESSION_COOKIE } from './session.middleware.js';
export { identityPolicy } from './identity.policy.js';
export { passwordProblems } from './password-policy.js';
