/** Usage text of the audit commands, shown by `hub --help` and on missing arguments. */
export const AUDIT_HELP = `hub audit verify [--expect-head ID:HASH] [--json]
  Recomputes the tamper-evident audit chain; exits 0 when intact, 9 naming the first broken entry,
  10 when the audit key is missing or is not this database's key. With --expect-head (as printed by
  hub audit head), also fails when the chain no longer reaches that entry or it was rewritten.
hub audit head [--json]
  Verifies the chain and prints its head, ID:HASH, to keep somewhere off this machine.
  Neither command ever creates an audit key.`;
