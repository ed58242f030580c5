/**
 * Route-matrix contributions of the modules (test support; not part of the build output's API).
 * Each module adds its own `src/modules/NAME/NAME.route-matrix.ts` exporting a `ModuleMatrix`, and
 * one line to `MODULE_MATRICES` below. The matrix test seeds each module's fixtures after the shared
 * ones (role users, people, problems, plans and panels) and checks every listed route: 401 signed
 * out, 2xx for the allowed roles, 403 for the others.
 */
import { reportMatrix } from '../modules/report/report.route-matrix.js';
import { powersMatrix } from '../modules/powers/powers.route-matrix.js';
import { complaintsMatrix } from '../modules/powers/case-review/complaints.route-matrix.js';
import { cboMatrix } from '../modules/powers/cbo/cbo.route-matrix.js';
import { youthMatrix } from '../modules/youth/youth.route-matrix.js';
import { offendersMatrix } from '../modules/offenders/offenders.route-matrix.js';

export type { MatrixRoute, ModuleMatrix } from '../platform/module/route-matrix.js';
import type { ModuleMatrix } from '../platform/module/route-matrix.js';

export const MODULE_MATRICES: readonly ModuleMatrix[] = [
  // one line per module
  reportMatrix,
  powersMatrix,
  complaintsMatrix,
  cboMatrix,
  youthMatrix,
  offendersMatrix,
];
