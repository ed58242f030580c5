/** Help text of `hub youth` (kept apart so the CLI code loads only when the command runs). */
export const YOUTH_HELP = `hub youth <subcommand> [id] [--data JSON | --data-file FILE] [--json]
  Children's interventions (workbooks, programme referrals, deferred outcomes), schools and lessons.
  Lists:    workbooks | referrals | deferred [--district D] [--status S] [--person N]; schools | lessons [--district D]
  Records:  workbook ID | child PERSON_ID | lists [--on DATE]
  Create:   add-workbook | add-referral | add-deferred | add-school | add-lesson | add-outcome   --data '{...}' (the API body)
  Change:   workbook-status ID | workbook-session ID | referral-update ID | deferred-status ID   --data '{...}'
  Report:   counts [--quarter 2025-26Q2] [--as-of DATE] [--district D]   (quarterly tables and the follow-up measure)
  Import:   import-workbooks FILE.csv | import-lessons FILE.csv   (all rows or none; errors as file:line)
  --json prints the full result (the API's JSON fields, docs/api.md "Youth").`;
