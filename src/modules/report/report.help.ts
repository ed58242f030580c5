/** Usage of `hub report` (kept apart so `hub --help` loads no report code). */
export const REPORT_HELP = `hub report quarterly --quarter 2025Q3|2025-26Q2 [--format html|pdf|xlsx|json] [--profile internal|public|child]
          [--force ID] [--as-of YYYY-MM-DD] --out FILE|-
  The quarterly prevention report from the records held now, in one format (not stored).
hub report create --quarter Q --profile internal|public|child [--force ID] [--as-of DATE] [--title T] [--json]
hub report list|show N [--json]
hub report narrative N --section ID (--text "..." | --text-file FILE|-)
hub report manual N --section ID --id ID --label "..." --count N --source "..." --owner "..."
hub report regenerate|approve|reopen N        publish N [--pdf]        verify N        download N --format F --out FILE
  Stored editions: a draft takes its figures from the live records (regenerate takes them again),
  the author writes the narrative and enters figures that have no record behind them; someone else
  signs it off; publishing freezes it and stores its files; verify regenerates a published edition
  from its frozen figures and compares. One disclosure profile applies to a whole edition.
  2025Q3 is July to September 2025; 2025-26Q2 the second quarter of the financial year 2025-26.`;
