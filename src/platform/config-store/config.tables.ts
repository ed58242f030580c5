import type { ColumnType, Generated } from 'kysely';

/** Local versions of configuration values (migration 0011). */
export interface ConfigValueTable {
  id: Generated<number>;
  key: string;
  version: number;
  /** jsonb; null: not in force. */
  value: ColumnType<unknown, string | null, string | null>;
  effective_from: string;
  effective_to: string | null;
  source: string;
  created_by: string;
  created_at: Generated<Date>;
  closed_by: string | null;
  closed_at: Date | null;
}

export interface ConfigTables {
  config_value: ConfigValueTable;
}
