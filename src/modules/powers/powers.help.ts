/** Usage of `hub powers` (kept apart so `hub --help` does not load the command). */
export const POWERS_HELP = `hub powers list [--type TYPE] [--district NAME] [--person ID] [--outside-rules true|false] [--from DATE] [--to DATE] [--limit N] [--json]
hub powers show ID [--json]
hub powers add --type TYPE (--data JSON | --data-file FILE|-) [--json]
hub powers check --type TYPE (--data JSON | --data-file FILE|-) [--json]
  The ASB powers register: one record and one power-use event per act. TYPE is one of dispersal_authorisation,
  dispersal_direction, dispersal_variation, cpw, cpn, cpn_fpn, cpn_breach, s59_warning, s59_seizure, closure_notice,
  closure_extension, closure_adjournment, closure_order, closure_order_extension; the JSON body is that of
  POST /api/powers (docs/api.md). A refusal by the rules exits 11 listing every finding; check prints
  {valid, findings, notices, deadlines, ruleVersions, derived} and exits 11 when not valid.
hub powers rules [--at YYYY-MM-DD] [--json]
hub powers rules set KEY --value V --from YYYY-MM-DD [--to YYYY-MM-DD] --source TEXT [--json]
  The powers rule values in force on a day, and a new dated value (audited; null switches a rule off).
hub powers ranks [list] [--json]
hub powers ranks set USERNAME RANK|none [--json]
  The rank each officer's account holds (admin; audited). A signed-in officer's acts carry it.
hub powers due [--as-of YYYY-MM-DD] [--days N] [--json]
hub powers tasks [--status open|done] [--kind home_visit|outside_rules_review] [--json]
hub powers task ID (--data JSON | --data-file FILE|-) [--json]
  What falls due (expiries, appeal deadlines, hearings, home visits, reviews), and task progress.
hub powers complaint (--data JSON | --data-file FILE|-) [--json]
hub powers complaints [--since YYYY-MM-DD] [--json]
hub powers case-review [--as-of YYYY-MM-DD] [--json]
  ASB complaints (the body of POST /api/asb-complaints) and the ASB case review early warning:
  victims and locations at the local threshold, or one complaint from it (2014 Act s104).
hub powers cbo list|show N [--json]
hub powers cbo open|move N|vary N (--data JSON | --data-file FILE|-) [--json]
  Criminal Behaviour Order cases: the file, the CPS, the application, the order and its reviews
  (the bodies of POST /api/cbos, /api/cbos/{id}/move and /vary; refusals by the rules exit 11).`;
