/** Usage text of the police-data commands, shown by `hub --help` and on missing arguments. */
export const IMPORT_HELP = `hub import PATH... [--force FORCE] [--allow-shrink] [--json]
  Imports data.police.uk street, stop-and-search and outcomes CSVs, folders of them, and .zip archives.
  Each file replaces its (kind, force, month) snapshot atomically; a file with bad rows changes nothing.
  The force of street and outcomes files is the one that reported the rows; --force or a file name
  that disagrees is an error. A file with more than 2% fewer rows than the month it replaces
  (HUB_IMPORT_MAX_SHRINK) is refused unless --allow-shrink is given.`;

export const STATS_HELP = `hub stats --by month|category|district|outcome|force|lsoa [--from YYYY-MM] [--to YYYY-MM]
          [--category C]... [--district D]... [--force F]... [--outcome O]... [--lsoa CODE]... [--json]
  Counts street-level incidents; --json prints [{"key":...,"count":N}].`;
