/**
 * The shape of a module's route-matrix contribution (test support: each module's
 * `NAME.route-matrix.ts` exports one, listed in src/server/route-matrix.modules.ts; the matrix test
 * checks every route for every role). Types only, so modules need not import the server.
 */
import type { Db } from '../db/database.js';
import type { Role } from '../policy.js';

export interface MatrixRoute {
  method: string;
  /** A path with fixed ids that the module's `seed` creates (insert explicit ids). */
  path: string;
  /** The path a role's request uses, when each role needs a record of its own (a move that changes state). */
  pathFor?: (role: Role) => string;
  body?: unknown;
  allowed: readonly Role[];
}

export interface ModuleMatrix {
  module: string;
  /** Creates the records the routes name (runs once, after the shared fixtures). */
  seed?: (db: Db, auditKey: Buffer) => Promise<void>;
  routes: readonly MatrixRoute[];
}

