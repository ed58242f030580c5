import type { PoliceDataKind } from '../../modules/police-data/index.js';

export const STREET_HEADER = [
  'Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location',
  'LSOA code', 'LSOA name', 'Crime type', 'Last outcome category', 'Context',
] as const;

export const OUTCOMES_HEADER = [
  'Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location',
  'LSOA code', 'LSOA name', 'Outcome type',
] as const;

export const STOP_SEARCH_HEADER = [
  'Type', 'Date', 'Part of a policing operation', 'Policing operation', 'Latitude', 'Longitude',
  'Gender', 'Age range', 'Self-defined ethnicity', 'Officer-defined ethnicity', 'Legislation',
  'Object of search', 'Outcome', 'Outcome linked to object of search',
  'Removal of more than just outer clothing',
] as const;

const known: [PoliceDataKind, readonly string[]][] = [
  ['street', STREET_HEADER],
  ['outcomes', OUTCOMES_HEADER],
  ['stop-and-search', STOP_SEARCH_HEADER],
];

/** The kind of a data.police.uk file, from its header row; null when it is none of them. */
export function detectKind(header: readonly string[]): PoliceDataKind | null {
  const cells = header.map((h) => h.trim());
  for (const [kind, expected] of known) {
    if (cells.length === expected.length && expected.every((h, i) => h === cells[i])) return kind;
  }
  return null;
}
