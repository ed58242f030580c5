/** Help of the records module's commands (kept apart so `hub --help` loads no import code). */
export const RECORDS_HELP = {
  'import-records': `hub import-records FILE --mapping MAPPING [--allow-shrink] [--json]
  Imports a crime, incident or outcome extract of the force's records system (a CSV) with its mapping
  file (JSON or YAML, docs/force-records.md), which names the columns and declares what the extract
  covers (kind, recorded dates from and to, the day it was taken). The file is atomic: a bad row changes
  nothing and is reported as FILE:LINE: reason (20 listed, then a count); a row outside the declared
  coverage is a bad row. A re-export replaces exactly the rows its coverage overlaps; one with more than
  2% fewer rows (HUB_IMPORT_MAX_SHRINK) is refused unless --allow-shrink. Nominal ids become person keys
  under the records key (HUB_RECORDS_KEY_FILE, HUB_RECORDS_KEY, or records.key in the data directory,
  made on first use). --json prints {"files":[summary]} with oldRows and newRows. Exit 6 when refused.`,
  'import-population': `hub import-population FILE [--json]
  Imports ONS mid-year population estimates by LSOA and age band (CSV with year, lsoa_code, age_min,
  age_max, population; docs/force-records.md). Atomic; the years in the file replace those held.`,
  records: `hub records key | coverage | link PERSON_ID --nominal ID | link PERSON_ID --key KEY | unlink KEY | example DIR [--json]
  key: the records key's place and fingerprint (made if missing on the embedded database).
  coverage: what the force's records held cover, per kind, and the latest imports.
  link: links a person record to the person key of a records-system nominal id (or to a key), audited;
  the nominal id is turned into its key here and never stored. unlink: removes a key's link, audited.
  example: writes the worked example (mapping files and SYNTHETIC extracts of each kind, population) into DIR.`,
} as const;
