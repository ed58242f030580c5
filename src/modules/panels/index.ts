/** Panels (governance): district panels with meetings, agendas of problems and plans, decisions and actions. */
export { createPanel, getPanel, listPanels, panelDetail, type PanelDetail } from './panels.service.js';
export { addMeeting, addAgendaItem, updateAgendaItem, addDecision, addPanelAction, updatePanelAction } from './panel-meetings.service.js';
export { reviewsOfProblem, problemReviews, type ProblemReview } from './panel-reviews.js';
export { panelRoutes } from './panels.routes.js';
export { panelsPolicy } from './panels.policy.js';
export { PANEL_KINDS, PANEL_ACTION_STATUSES, type PanelTables } from './panels.tables.js';
export type { PanelScope } from './panels.access.js';
export { panelsReport, panelsSection } from './panels.report.js';
