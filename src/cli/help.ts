/** Usage text of the commands the CLI itself owns (the modules' own are in their NAME.help.ts). */
export const helpTexts: Record<string, string> = {
  'serve': `hub serve [--demo-if-empty]
  Serves the API and web app on HOST:PORT (default 127.0.0.1:3000, this computer only; HOST=0.0.0.0
  for every interface) and prints the address it listens on. With --demo-if-empty (what npm start
  uses), an empty database is first filled with generated demo data and demo accounts with a one-time
  password; the first real import removes the data and switches the accounts off.`,
  'backup': `hub backup FILE [--force] [--json]
  Writes a consistent backup of the whole database (either engine) to one file (owner-only). On the
  embedded database a running server takes it (local socket). The audit key is not in it: keep it separately.
  --force replaces an existing FILE.`,
  'restore': `hub restore FILE [--force] [--json]
  Restores a backup into an empty database, all or nothing, then applies newer database changes.
  A database that holds data is refused; --force replaces it. Put back the audit key kept with the
  backup first: the restored audit log is verified with it.`,
  'migrate': `hub migrate
  Applies pending database migrations (every command does this first) and reports the engine.`,
  'analyse': `hub analyse NAME [options] [--json]
  Runs an analysis; \`hub analyse NAME --help\` for its options.`,
};

export const helpOf = (name: string): string => helpTexts[name] ?? '';
