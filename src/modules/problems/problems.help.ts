/** Usage text of the problems commands, shown by `hub --help` and on missing arguments. */
export const PROBLEMS_HELP = `hub problems list [--stage STAGE] [--district NAME] [--json]
hub problems show ID [--json]
hub problems create --title TEXT --district NAME --type behaviour|place|persons|time [--json]
hub problems close ID [--reason TEXT] [--json]
  OSARA problems. Closing needs an assessment, an outcome and lessons learned (exit 11 says what is missing).
hub problems update|stage|action|assess|link-person|link-place ID (--data JSON | --data-file FILE|-) [--json]
hub problems action-update ID --action N (--data JSON | --data-file FILE|-) [--json]
  The stage work of the web page, with the JSON body and validation of its API route (docs/api.md):
  update = PATCH /api/problems/{id}, stage = .../stage, action = .../actions, assess = .../assessment.
hub problems export ID [--format html|pdf] --out FILE
hub problems export ID --preview
  The good-practice case study of a closed problem (audited as an export). --preview prints the text
  the export would publish, each removed name shown as »[name removed]«, and writes no file.`;
