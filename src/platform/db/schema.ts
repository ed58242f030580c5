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
import type { RecordsTables } from '../../modules/records/records.tables.js';
import type { ReportTables } from '../../modules/report/report.tables.js';
import type { PowersTables } from '../../modules/powers/powers.tables.js';
import type { ComplaintTables } from '../../modules/powers/case-review/complaints.tables.js';
import type { CboTables } from '../../modules/powers/cbo/cbo.tables.js';
import type { OffendersTables } from '../../modules/offenders/offenders.tables.js';
import type { OperationsTables } from '../../modules/operations/operations.tables.js';
import type { YouthTables } from '../../modules/youth/youth.tables.js';

export interface Database extends PoliceDataTables, BoundaryTables, IdentityTables, PartnerTables, PeopleTables {}

/** Plans (PMPs) and panels (merged into Database: one line per module keeps edits apart). */
export interface Database extends PlanTables, PanelTables {}

/** Problems (OSARA). */
export interface Database extends ProblemTables {}

/** The versioned configuration store (platform/config-store). */
export interface Database extends ConfigTables {}

/** Quarterly report editions. */
export interface Database extends ReportTables {}
/** ASB powers register (modules/powers). */
export interface Database extends PowersTables {}

/** ASB complaints for the case review early warning (modules/powers/case-review). */
export interface Database extends ComplaintTables {}
/** Offender management: cohorts and tags (migration 0045). */
export interface Database extends OffendersTables {}

/** Criminal Behaviour Orders (modules/powers/cbo). */
export interface Database extends CboTables {}
/** Child-centred policing (youth). */
export interface Database extends YouthTables {}

/** A force's own records: DRAFT, not migrated or mounted yet (src/modules/records/README.md). */
export interface Database extends RecordsTables {}

/** Named operations: deployments, results and feedback (migration 0050). */
export interface Database extends OperationsTables {}
