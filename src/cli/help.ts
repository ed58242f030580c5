/** Usage text of each command, shown by `hub --help` and on missing arguments. */
export const helpTexts: Record<string, string> = {
  'plans': `hub plans list [--status draft|active|paused|closed] [--district NAME] [--json]
hub plans show ID [--json]
hub plans create --person ID --kind repeat_offender|young_person_at_risk|repeat_victim --district NAME
          --owner USERNAME --summary "aim of the plan" [--next-review YYYY-MM-DD] [--json]
  Proactive management plans for individuals; every view and change is audited.
hub plans update|status|risk|intervention|partner-action|review ID (--data JSON | --data-file FILE|-) [--json]
hub plans risk-update|intervention-update|partner-action-update ID --item N (--data JSON | --data-file FILE|-) [--json]
  The work of the plan page, with the JSON body and validation of its /api/plans route (docs/api.md).`,
  'panels': `hub panels list [--json]
hub panels show ID [--json]
  Panels (governance) with their meetings, agendas, decisions and actions; views are audited.
hub panels create (--data JSON | --data-file FILE|-) [--json]
hub panels meeting ID (--data ...)
hub panels agenda|decision|action ID --meeting N (--data ...)
hub panels agenda-update|action-update ID --item N (--data ...)
  The JSON bodies and validation of the /api/panels routes (docs/api.md).`,
  'problems': `hub problems list [--stage STAGE] [--district NAME] [--json]
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
  the export would publish, each removed name shown as »[name removed]«, and writes no file.`,
  'serve': `hub serve [--demo-if-empty]
  Serves the API and web app on HOST:PORT (default 127.0.0.1:3000, this computer only; HOST=0.0.0.0
  for every interface) and prints the address it listens on. With --demo-if-empty (what npm start
  uses), an empty database is first filled with generated demo data and demo accounts with a one-time
  password; the first real import removes the data and switches the accounts off.`,
  'import': `hub import PATH... [--force FORCE] [--allow-shrink] [--json]
  Imports data.police.uk street, stop-and-search and outcomes CSVs, folders of them, and .zip archives.
  Each file replaces its (kind, force, month) snapshot atomically; a file with bad rows changes nothing.
  The force of street and outcomes files is the one that reported the rows; --force or a file name
  that disagrees is an error. A file with more than 2% fewer rows than the month it replaces
  (HUB_IMPORT_MAX_SHRINK) is refused unless --allow-shrink is given.`,
  'import-boundaries': `hub import-boundaries PATH... [--json]
  Loads LSOA / ward / district boundaries (GeoJSON or TopoJSON) and district lookups (la_all_codes.csv).
  LSOA files also give district shapes (dissolved) and the LSOA-to-district lookup.`,
  'stats': `hub stats --by month|category|district|outcome|force|lsoa [--from YYYY-MM] [--to YYYY-MM]
          [--category C]... [--district D]... [--force F]... [--outcome O]... [--lsoa CODE]... [--json]
  Counts street-level incidents; --json prints [{"key":...,"count":N}].`,
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
  'user': `hub user create --username NAME --role admin|analyst|supervisor|officer|partner|auditor --password-stdin
          [--district NAME]... [--agency NAME] [--name "Display Name"] [--must-change-password]
  Creates an account; the password is one line on standard input. Officers and supervisors need
  at least one --district; partners need --agency. --must-change-password: a temporary password,
  the first sign-in must choose a new one before anything else.
hub user list`,
  'audit': `hub audit verify [--expect-head ID:HASH] [--json]
  Recomputes the tamper-evident audit chain; exits 0 when intact, 9 naming the first broken entry,
  10 when the audit key is missing or is not this database's key. With --expect-head (as printed by
  hub audit head), also fails when the chain no longer reaches that entry or it was rewritten.
hub audit head [--json]
  Verifies the chain and prints its head, ID:HASH, to keep somewhere off this machine.
  Neither command ever creates an audit key.`,
  'retention': `hub retention review [--as-of YYYY-MM-DD] [--json]
  Lists the retention rules and the records due for review or deletion.
hub retention apply --type RECORD_TYPE
  Deletes records a 'delete' rule has made due; the deletion is audited.
hub retention set --type RECORD_TYPE --keep-months N --action review|delete --basis "why" [--from YYYY-MM-DD]`,
  'people': `hub people add --given NAME --family NAME [--dob YYYY-MM-DD] [--district NAME] [--address TEXT [--postcode PC]]
          [--alias "Given Family"]... [--confirm-new] [--json]
  Records a person; likely duplicates are listed (exit 4) unless --confirm-new.
hub people find [--q TEXT] [--district NAME] [--json]
hub people show --id N [--json]
hub people merge --id N --into M
hub people occurrence --id N --role victim|offender --category TEXT --date YYYY-MM-DD --district NAME [--source REF]
hub people repeats [--role victim|offender] [--min 3] [--window 3] [--from YYYY-MM] [--to YYYY-MM] [--district NAME] [--json]
  Every view, search and change is audited as cli:<os user>.`,
  'vehicles': `hub vehicles add --vrm VRM --district NAME [--make TEXT] [--model TEXT] [--colour TEXT] [--json]
  Records a vehicle by its registration (upper case, spaces removed; a VRM recorded already is answered, not duplicated).
hub vehicles find [--vrm PART] [--json]
hub vehicles show --id N [--json]
hub vehicles link --id N --person M [--relation owner|keeper|driver|user]
  Every view, search and change is audited as cli:<os user>.`,
  'config': `hub config list [--at YYYY-MM-DD] [--json]
  The rule values in force on a day (default today, London): value, version id, period and source.
hub config history KEY [--json]
  Every version of one value: the defaults shipped with the hub, then local versions.
hub config set KEY --value V --from YYYY-MM-DD [--to YYYY-MM-DD] --source TEXT [--json]
  Adds a local version (audited). V is JSON (true, 48, 500, null = not in force) or a word for a rank.
  It may not overlap or start before the latest local version (exit 11 says why); an open-ended
  version before it is closed the day before.`,
  'partners': `hub partners add --name NAME --kind KIND [--email ADDRESS]
  KIND: police, community_safety_partnership, council, youth_justice, probation, health, school,
  violence_reduction_unit, housing, other.
hub partners list [--json]`,
  'sar': `hub sar --user NAME --reason "request reference" [--out FILE]
hub sar --person ID --reason "request reference" [--out FILE]
  Subject access export of everything held on one person: a staff account and its audit trail, or
  a person record (aliases, addresses, links, occurrences, vehicles, sharing history, records merged
  into it and the audit rows about them); audited as an export with the reason.`,
};

export const helpOf = (name: string): string => helpTexts[name] ?? '';
