/**
 * Route-matrix contributions of the modules (test support; not part of the build output's API).
 * Each module adds its own `src/modules/NAME/NAME.route-matrix.ts` exporting a `ModuleMatrix`, and
 * one line to `MODULE_MATRICES` below. The matrix test seeds each module's fixtures after the shared
 * ones (role users, people, problems, plans and panels) and checks every listed route: 401 signed
 * out, 2xx for the allowed roles, 403 for the others.
 */
import type { Db } from '../platform/db/database.js';
import type { Role } from '../platform/policy.js';
import { reportMatrix } from '../modules/report/report.route-matrix.js';
import { powersMatrix } from '../modules/powers/powers.route-matrix.js';
import { complaintsMatrix } from '../modules/powers/case-review/complaints.route-matrix.js';
import { cboMatrix } from '../modules/powers/cbo/cbo.route-matrix.js';
import { youthMatrix } from '../modules/youth/youth.route-matrix.js';
import { offendersMatrix } from '../modules/offenders/offenders.route-matrix.js';
import { operationsMatrix } from '../modules/operations/operations.route-matrix.js';

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

export const MODULE_MATRICES: readonly ModuleMatrix[] = [
  // one line per module
  reportMatrix,
  powersMatrix,
  complaintsMatrix,
  cboMatrix,
  youthMatrix,
  offendersMatrix,
  operationsMatrix,
];
