/** Usage of `hub report` (kept apart so `hub --help` loads no report code). */
export const REPORT_HELP = `hub report quarterly --quarter 2025Q3|2025-26Q2 [--format html|pdf|xlsx|json] [--profile internal|public|child]
          [--force ID] [--as-of YYYY-MM-DD] --out FILE
  The quarterly prevention report from the records held now: every section the modules contribute,
  one disclosure profile for the whole edition (default internal), each figure with its endnote.
  2025Q3 is July to September 2025; 2025-26Q2 the second quarter of the financial year 2025-26.`;
