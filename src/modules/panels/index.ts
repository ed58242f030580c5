/** Panels (governance): district panels with meetings, agendas of problems and plans, decisions and actions. */
import { sql } from 'kysely';
import { panelsReport } from './panels.report.js';
import { deleteDemoRows } from '../../platform/demo/removal.js';
import { defineModule } from '../../platform/module/module.js';
import { panelRoutes as routesOfPanels } from './panels.routes.js';
import { PANELS_HELP } from './panels.help.js';
export { createPanel, getPanel, listPanels, panelDetail, type PanelDetail } from './panels.service.js';
export { addMeeting, addAgendaItem, updateAgendaItem, addDecision, addPanelAction, updatePanelAction } from './panel-meetings.service.js';
export { reviewsOfProblem, problemReviews, type ProblemReview } from './panel-reviews.js';
export { panelRoutes } from './panels.routes.js';
export { panelsPolicy } from './panels.policy.js';
export { PANEL_KINDS, PANEL_ACTION_STATUSES, type PanelTables } from './panels.tables.js';
export type { PanelScope } from './panels.access.js';
export { panelsReport, panelsSection } from './panels.report.js';


export const panelsModule = defineModule({
  name: 'panels',
  report: panelsReport,
  routes: ({ db, auditKey }) => routesOfPanels(db, auditKey),
  commands: {
    panels: { help: PANELS_HELP, load: async () => (await import('./panels.command.js')).runPanels },
  },
  // A meeting's clock starts when it was held (migration 0007).
  retention: [{ recordType: 'panel_meeting', table: 'panel_meeting', id: sql`id::text`, clockStart: sql`held_on::timestamptz`, deletable: false }],
  // Removed first: a panel's agenda points at problems and plans.
  demo: { order: 40, remove: async (t) => void (await deleteDemoRows(t.db, 'panel')) },
});
