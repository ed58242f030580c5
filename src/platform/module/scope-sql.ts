/**
 * A scope's districts as a SQL condition on a district column (case-insensitive): every district
 * for force-wide roles and the CLI, none for a scope without districts. For counts that name no
 * one (report sections, dashboards); personal records use their module's own visibility rules.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Scope } from './context.js';

export function districtCondition(scope: Scope, column: string): RawBuilder<boolean> {
  if (scope.kind === 'all') return sql<boolean>`true`;
  if (scope.kind === 'districts' && scope.districts.length) return sql<boolean>`lower(${sql.ref(column)}) in (${sql.join(scope.districts.map((d) => d.toLowerCase()))})`;
  return sql<boolean>`false`;
}
