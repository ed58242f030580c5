/** Usage text of the config commands, shown by `hub --help` and on missing arguments. */
export const CONFIG_HELP = `hub config list [--at YYYY-MM-DD] [--json]
  The rule values in force on a day (default today, London): value, version id, period and source.
hub config history KEY [--json]
  Every version of one value: the defaults shipped with the hub, then local versions.
hub config set KEY --value V --from YYYY-MM-DD [--to YYYY-MM-DD] --source TEXT [--json]
  Adds a local version (audited). V is JSON (true, 48, 500, null = not in force) or a word for a rank.
  It may not overlap or start before the latest local version (exit 11 says why); an open-ended
  version before it is closed the day before.`;
