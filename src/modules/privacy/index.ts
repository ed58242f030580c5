/** Privacy module: retention rules and review, subject access exports. */
export { listRules, reviewDue, applyDeletion, setRule } from './retention.service.js';
export type { RetentionRule, DueGroup } from './retention.service.js';
export { subjectAccessExport } from './subject-access.service.js';
export { personSubjectAccessExport } from './person-access.service.js';
export { retentionSubjects } from './retention.js';
