/**
 * The database as Kysely sees it: the union of every module's tables. Platform code imports no
 * module, so each module adds its own tables from its `NAME.tables.ts` by declaration merging:
 *
 *   declare module './schema.js' {
 *     interface Database extends ThingTables {}
 *   }
 */
import type { ConfigTables } from '../config-store/config.tables.js';

/** The versioned configuration store (platform/config-store); modules merge their tables in. */
export interface Database extends ConfigTables {}
