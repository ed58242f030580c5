/** The database as Kysely sees it: the union of every module's tables. */
import type { BoundaryTables } from '../../modules/boundaries/boundaries.tables.js';
import type { IdentityTables } from '../../modules/identity/identity.tables.js';
import type { PoliceDataTables } from '../../modules/police-data/police-data.tables.js';

export interface Database extends PoliceDataTables, BoundaryTables, IdentityTables {}
