/** Usage text of the panels commands, shown by `hub --help` and on missing arguments. */
export const PANELS_HELP = `hub panels list [--json]
hub panels show ID [--json]
  Panels (governance) with their meetings, agendas, decisions and actions; views are audited.
hub panels create (--data JSON | --data-file FILE|-) [--json]
hub panels meeting ID (--data ...)
hub panels agenda|decision|action ID --meeting N (--data ...)
hub panels agenda-update|action-update ID --item N (--data ...)
  The JSON bodies and validation of the /api/panels routes (docs/api.md).`;
