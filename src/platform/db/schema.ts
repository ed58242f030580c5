/** The database as Kysely sees it: the union of every module's tables. */
import type { ConfigTables } from '../config-store/config.tables.js';
import type { BoundaryTables } from '../../modules/boundaries/boundaries.tables.js';
import type { IdentityTables } from '../../modules/identity/identity.tables.js';
import type { PoliceDataTables } from '../../modules/police-data/police-data.tables.js';
import type { PartnerTables } from '../../modules/partners/partners.tables.js';
import type { PeopleTables } from '../../modules/people/people.tables.js';
import type { PlanTables } from '../../modules/plans/plans.tables.js';
import type { PanelTables } from '../../modules/panels/panels.tables.js';
import type { ProblemTables } from '../../modules/problems/problems.tables.js';
import type { YouthTables } from '../../modules/youth/youth.tables.js';

export interface Database extends PoliceDataTables, BoundaryTables, IdentityTables, PartnerTables, PeopleTables {}

/** Plans (PMPs) and panels (merged into Database: one line per module keeps edits apart). */
export interface Database extends PlanTables, PanelTables {}

/** Problems (OSARA). */
export interface Database extends ProblemTables {}

/** The versioned configuration store (platform/config-store). */
export interface Database extends ConfigTables {}

/** Child-centred policing (youth). */
export interface Database extends YouthTables {}
