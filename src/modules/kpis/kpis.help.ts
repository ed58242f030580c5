export const KPIS_HELP = `hub kpi list [--at DATE] [--json]
  The KPI catalogue: each KPI with the version of its definition in force on the day (default today).
hub kpi show ID [--at DATE] [--json]
  One KPI: its definition in words (source, filters, measure, comparison, significance, disclosure)
  and every version with its dates, source and who added it.
hub kpi compute --kpi ID --period 2025Q3|2025-26Q2 [--by district] [--as-of DATE] [--trend N] [--json]
  The KPI for the quarter (2025Q3 is July-September 2025; 2025-26Q2 the same months as the second
  quarter of the police year) against its comparison period: counts, change, rate ratio with its 95%
  exact interval, E-test p-value, small numbers flagged, a trend of N quarters (default 8), and the
  definition version, filters, period, as-of date and data cut-off. --as-of counts only data to that
  day and uses the definitions that existed on it.
  Definitions are changed as configuration (admin): hub config set kpis.ID --value JSON --from DATE --source TEXT.`;
