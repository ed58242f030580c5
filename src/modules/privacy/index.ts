/** Privacy module: retention rules and review, subject access exports. */
import { defineModule } from '../../platform/module/module.js';
import { RETENTION_HELP, SAR_HELP } from './privacy.help.js';
export { listRules, reviewDue, applyDeletion, setRule } from './retention.service.js';
export type { RetentionRule, DueGroup } from './retention.service.js';
export { subjectAccessExport } from './subject-access.service.js';
export { personSubjectAccessExport } from './person-access.service.js';


export const privacyModule = defineModule({
  name: 'privacy',
  commands: {
    retention: { help: RETENTION_HELP, load: async () => (await import('./retention.command.js')).runRetention },
    sar: { help: SAR_HELP, load: async () => (await import('./sar.command.js')).runSar },
  },
});
