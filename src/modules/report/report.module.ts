/** The report module's definition for the registry: /api/report and the `hub report` command. */
import { defineModule } from '../../platform/module/module.js';
import { REPORT_HELP } from './report.help.js';
import { reportRoutes } from './report.routes.js';

export const reportModule = defineModule({
  name: 'report',
  routes: (deps) => reportRoutes(deps),
  commands: { report: { help: REPORT_HELP, load: async () => (await import('./report.command.js')).runReport } },
});
