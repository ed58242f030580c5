/** Usage text of the plans commands, shown by `hub --help` and on missing arguments. */
export const PLANS_HELP = `hub plans list [--status draft|active|paused|closed] [--district NAME] [--json]
hub plans show ID [--json]
hub plans create --person ID --kind repeat_offender|young_person_at_risk|repeat_victim --district NAME
          --owner USERNAME --summary "aim of the plan" [--next-review YYYY-MM-DD] [--json]
  Proactive management plans for individuals; every view and change is audited.
hub plans update|status|risk|intervention|partner-action|review ID (--data JSON | --data-file FILE|-) [--json]
hub plans risk-update|intervention-update|partner-action-update ID --item N (--data JSON | --data-file FILE|-) [--json]
  The work of the plan page, with the JSON body and validation of its /api/plans route (docs/api.md).`;
