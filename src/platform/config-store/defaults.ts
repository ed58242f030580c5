/**
 * The configuration defaults shipped with the hub: every key the store knows, what kind of value
 * it holds, and its dated versions with their source. A partnership or force overrides a key with
 * local versions in the database (`hub config set`, POST /api/config); defaults are changed here,
 * by a release. Values rest on DOMAIN-ANCHORS.md section 3 and LAW-2026.md; "verify" in a source
 * marks a value from secondary sources.
 *
 * `effectiveFrom: null` means "in force before any record the hub holds" (the start is not needed
 * to decide anything). A version with `value: null` means the rule is not in force (switched off,
 * repealed, or waiting for a commencement date still to be configured).
 */

import { POWERS_DEFAULTS } from './defaults/powers.js';
import { POWERS_ORDERS_DEFAULTS } from './defaults/powers-orders.js';
import { REPORT_DEFAULTS } from './defaults/report.js';
import { YOUTH_DEFAULTS } from './defaults/youth.js';
import { OFFENDERS_DEFAULTS } from './defaults/offenders.js';
import { KPIS_DEFAULTS } from './defaults/kpis.js';
import { OPERATIONS_DEFAULTS } from './defaults/operations.js';
import type { KeyDefinition } from './defaults/kinds.js';

export { RANKS, always, type ConfigKind, type DefaultVersion, type KeyDefinition } from './defaults/kinds.js';

/**
 * Every key, one file per area under `defaults/` (one spread line each, so modules add keys
 * without editing each other's lines).
 */
export const CONFIG_DEFAULTS = {
  ...POWERS_DEFAULTS,
  ...POWERS_ORDERS_DEFAULTS,
  ...REPORT_DEFAULTS,
  ...YOUTH_DEFAULTS,
  ...OFFENDERS_DEFAULTS,
  ...KPIS_DEFAULTS,
  ...OPERATIONS_DEFAULTS,
} as const satisfies Record<string, KeyDefinition>;

export type ConfigKey = keyof typeof CONFIG_DEFAULTS;
