/** Usage text of the boundaries commands, shown by `hub --help` and on missing arguments. */
export const IMPORT_BOUNDARIES_HELP = `hub import-boundaries PATH... [--json]
  Loads LSOA / ward / district boundaries (GeoJSON or TopoJSON) and district lookups (la_all_codes.csv).
  LSOA files also give district shapes (dissolved) and the LSOA-to-district lookup.`;
