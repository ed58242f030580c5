export const OPERATIONS_HELP = `hub operations list [--district D] [--current true|false] | show ID | deployment ID | match ID [--from DATE] [--to DATE] | summary --from DATE --to DATE [--json]
  Named operations (Pilot, Vigilant, ...): their deployments with venues, tactics and results, feedback, the
  recorded stop searches matched to the published stop-and-search data, and the results for a period.
hub operations add|update ID|add-deployment OP|results DEPLOYMENT|add-feedback OP|consent FEEDBACK --body JSON
  The same changes as the API (JSON bodies of /api/operations), audited as cli:<os user>.`;
