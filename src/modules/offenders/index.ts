/** Offender management: cohorts, the tag inventory, before/after and case studies, top N lists. */
import { sql } from 'kysely';
import { offendersReport } from './offenders.report.js';
import { defineModule } from '../../platform/module/module.js';
import { membershipReviewsDue } from './cohorts.service.js';
import { offenderRoutes } from './offenders.routes.js';
import { offendersDemo } from './offenders.demo.js';
import { allocationsWhere } from './tags.service.js';

export { offenderRoutes } from './offenders.routes.js';
export { offendersPolicy } from './offenders.policy.js';
export { listCohorts, createCohort, getCohort, addMember, updateMember } from './cohorts.service.js';
export { listTags, createTag, getTag, allocateTag, returnTag, setTagStatus, addTagEvent } from './tags.service.js';
export { personRecord, personBeforeAfter, caseStudy } from './person.service.js';
export { topOffenders, offenderCounts } from './reports.service.js';
export { offendersReport, offendersSection } from './offenders.report.js';
export type { PersonEventSource, PersonEvent } from './before-after.js';
export type { OffenceSource, OffenceRecord } from './top-n.js';
export type { OffendersTables } from './offenders.tables.js';

export const offendersModule = defineModule({
  name: 'offenders',
  routes: offenderRoutes,
  report: offendersReport,
  commands: {
    offenders: {
      help: `hub offenders cohorts|cohort ID|tags|tag ID|person ID|before-after PERSON --allocation ID|--membership ID|top --district D [--to DATE] [--n N]|counts [--as-of DATE] [--json]
  Offender management: cohorts and memberships, the tag inventory, a person's before/after counts, the top N list
  of a district (recency-frequency-gravity, parameters stated) and the counts for the quarterly report.
hub offenders add-tag|allocate TAG|return TAG|add-cohort|add-member COHORT|update-member COHORT MEMBERSHIP --body JSON
  The same changes as the API (JSON bodies of /api/offenders), audited as cli:<os user>.`,
      load: async () => (await import('./offenders.command.js')).runOffenders,
    },
  },
  retention: [
    { recordType: 'offender_cohort_member', table: 'offender_cohort_member', id: sql`id::text`, clockStart: sql`deselected_on::timestamptz`, where: sql`deselected_on is not null`, deletable: false },
    { recordType: 'offender_tag_allocation', table: 'offender_tag_allocation', id: sql`id::text`, clockStart: sql`ended_on::timestamptz`, where: sql`ended_on is not null`, deletable: false },
  ],
  subjectAccess: async (t, personId) => {
    const memberships = await t.db.selectFrom('offender_cohort_member').innerJoin('offender_cohort', 'offender_cohort.id', 'offender_cohort_member.cohort_id')
      .select(['offender_cohort.name as cohort', 'offender_cohort.cohort_type as type', 'selected_on', 'selection_reason', 'deselected_on', 'deselection_reason', 'next_review_due'])
      .where('person_id', '=', personId).execute();
    const allocations = await allocationsWhere(t.db, sql`a.person_id = ${personId}`);
    if (memberships.length === 0 && allocations.length === 0) return null;
    return { cohortMemberships: memberships, tagAllocations: allocations.map(({ personName: _n, ...a }) => a) };
  },
  demo: offendersDemo,
  due: membershipReviewsDue,
});
