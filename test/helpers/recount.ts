import { fieldsOf, readLines } from './csv.js';

/** Counts keyed like countIncidents rows: null for blank. */
export type Tally = Map<string | null, number>;

/** One street row as the recount sees it (blank values as ''). */
export interface RecountRow {
  crimeId: string;
  month: string;
  longitude: string;
  latitude: string;
  lsoaCode: string;
  lsoaName: string;
  district: string | null;
  category: string;
  outcome: string;
  context: string;
}

export interface StreetRecount {
  rows: number;
  noLocation: number;
  byCategory: Tally;
  byDistrict: Tally;
  byMonth: Tally;
  byOutcome: Tally;
  byLsoa: Tally;
  byForce: Tally;
}

const bump = (t: Tally, k: string | null, n = 1) => t.set(k, (t.get(k) ?? 0) + n);

/** "Medway 015G" -> "Medway": everything before the last space. Null when blank. */
export function districtOfLsoaName(name: string): string | null {
  if (name === '') return null;
  const i = name.lastIndexOf(' ');
  return i > 0 ? name.slice(0, i) : name;
}

/** Reads street rows with plain string splitting (data.police.uk files hold no quoted fields). */
export function streetRows(file: string): RecountRow[] {
  const [header, ...lines] = readLines(file);
  if (fieldsOf(header ?? '').length !== 12) throw new Error(`${file}: not a street file`);
  return lines
    .filter((l) => l !== '')
    .map((line) => {
      const f = fieldsOf(line);
      if (f.length !== 12) throw new Error(`${file}: a line with ${f.length} fields; the recount assumes unquoted files`);
      const [crimeId, month, , , longitude, latitude, , lsoaCode, lsoaName, category, outcome, context] = f as [
        string, string, string, string, string, string, string, string, string, string, string, string,
      ];
      return { crimeId, month, longitude, latitude, lsoaCode, lsoaName, district: districtOfLsoaName(lsoaName), category, outcome, context };
    });
}

/**
 * An independent recount of street files with plain string splitting (not the product's CSV
 * parser), optionally of the rows that pass `keep` (to mirror a filter).
 */
export function recountStreet(files: readonly string[], force: string, keep: (r: RecountRow) => boolean = () => true): StreetRecount {
  const r: StreetRecount = {
    rows: 0, noLocation: 0, byCategory: new Map(), byDistrict: new Map(), byMonth: new Map(),
    byOutcome: new Map(), byLsoa: new Map(), byForce: new Map(),
  };
  for (const file of files) {
    for (const row of streetRows(file)) {
      if (!keep(row)) continue;
      r.rows++;
      if (row.longitude === '' && row.latitude === '') r.noLocation++;
      bump(r.byCategory, row.category);
      bump(r.byDistrict, row.district);
      bump(r.byMonth, row.month);
      bump(r.byOutcome, row.outcome === '' ? null : row.outcome);
      bump(r.byLsoa, row.lsoaCode === '' ? null : row.lsoaCode);
      bump(r.byForce, force);
    }
  }
  return r;
}

/** The recount tally matching a countIncidents `by`. */
export function tallyBy(r: StreetRecount, by: 'category' | 'district' | 'month' | 'outcome' | 'lsoa' | 'force'): Tally {
  return { category: r.byCategory, district: r.byDistrict, month: r.byMonth, outcome: r.byOutcome, lsoa: r.byLsoa, force: r.byForce }[by];
}

/** A count result's rows as a Map, for comparing with a Tally. */
export const tallyOf = (rows: readonly { key: string | null; count: number }[]): Tally => new Map(rows.map((x) => [x.key, x.count]));

/** Sorted entries, so that toEqual compares tallies independent of order with a readable diff. */
export const sorted = (t: Tally): [string | null, number][] =>
  [...t.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

export const sum = (t: Tally): number => [...t.values()].reduce((a, b) => a + b, 0);
