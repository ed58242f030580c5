/**
 * Child-centred policing (issue 16): intervention workbooks, programme referrals (Reframe),
 * deferred outcomes (Outcome 22), school lessons, later formal outcomes and the follow-up measure.
 */
export { youthModule } from './youth.module.js';
export { registerLaterOutcomeSource, type LaterOutcomeSource } from './later-outcomes.js';
export { followUp, wilson, describeFollowup, type FollowupResult, type FollowupSettings, type InterventionFact, type LaterOutcomeFact } from './followup.js';
export type { YouthTables } from './youth.tables.js';
export { workbooksCompletedCounts, followupForQuarter, workbooksLatestDate, type FollowupShare } from './youth.kpi.js';
