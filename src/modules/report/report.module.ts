/** The report module's definition for the registry: the `hub report` command. */
import { defineModule } from '../../platform/module/module.js';
import { REPORT_HELP } from './report.help.js';

export const reportModule = defineModule({
  name: 'report',
  commands: { report: { help: REPORT_HELP, load: async () => (await import('./report.command.js')).runReport } },
});
