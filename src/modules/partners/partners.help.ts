/** Usage text of the partners commands, shown by `hub --help` and on missing arguments. */
export const PARTNERS_HELP = `hub partners add --name NAME --kind KIND [--email ADDRESS]
  KIND: police, community_safety_partnership, council, youth_justice, probation, health, school,
  violence_reduction_unit, housing, other.
hub partners list [--json]`;
