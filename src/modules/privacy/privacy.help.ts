/** Usage text of the privacy commands, shown by `hub --help` and on missing arguments. */
export const RETENTION_HELP = `hub retention review [--as-of YYYY-MM-DD] [--json]
  Lists the retention rules and the records due for review or deletion.
hub retention apply --type RECORD_TYPE
  Deletes records a 'delete' rule has made due; the deletion is audited.
hub retention set --type RECORD_TYPE --keep-months N --action review|delete --basis "why" [--from YYYY-MM-DD]`;

export const SAR_HELP = `hub sar --user NAME --reason "request reference" [--out FILE]
hub sar --person ID --reason "request reference" [--out FILE]
  Subject access export of everything held on one person: a staff account and its audit trail, or
  a person record (aliases, addresses, links, occurrences, vehicles, sharing history, records merged
  into it and the audit rows about them); audited as an export with the reason.`;
