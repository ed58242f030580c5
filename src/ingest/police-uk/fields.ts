/** Field checks shared by the data.police.uk adapters. Each returns a reason or a value. */
export type Check<T> = { ok: true; value: T } | { ok: false; reason: string };

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function checkMonth(raw: string): Check<string> {
  return monthPattern.test(raw) ? { ok: true, value: raw } : { ok: false, reason: `Month: '${clip(raw)}' is not a month (YYYY-MM)` };
}

/** Both coordinates present and numeric, both empty (no location), or a reason. */
export function checkLonLat(lonRaw: string, latRaw: string): Check<{ lon: number; lat: number } | null> {
  if (lonRaw === '' && latRaw === '') return { ok: true, value: null };
  if (lonRaw === '' || latRaw === '') return { ok: false, reason: `${lonRaw === '' ? 'Longitude' : 'Latitude'}: empty while the other coordinate is set` };
  const lon = Number(lonRaw);
  const lat = Number(latRaw);
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) return { ok: false, reason: `Longitude: '${clip(lonRaw)}' is not a longitude` };
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) return { ok: false, reason: `Latitude: '${clip(latRaw)}' is not a latitude` };
  return { ok: true, value: { lon, lat } };
}

/** "Folkestone and Hythe 012C" -> "Folkestone and Hythe". */
export function districtFromLsoaName(lsoaName: string): string | null {
  const m = /^(.*\S)\s+\d{3}[A-Z]$/.exec(lsoaName);
  return m ? m[1]! : null;
}

export function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Resolves a district's LAD code from imported lookups (LSOA boundaries, la_all_codes.csv). */
export interface DistrictResolver {
  ladCode(lsoaCode: string, districtName: string | null): string | null;
}

/** The lookups as data (they go to the parsing worker): LSOA code -> LAD code, lower-case district name -> LAD code. */
export interface DistrictLookup {
  byLsoa: ReadonlyMap<string, string>;
  byName: ReadonlyMap<string, string>;
}

export const noDistrictLookup: DistrictLookup = { byLsoa: new Map(), byName: new Map() };

/** The LAD code of an LSOA, else of the district named. */
export function resolverOf(lookup: DistrictLookup): DistrictResolver {
  return {
    ladCode: (lsoaCode, districtName) => lookup.byLsoa.get(lsoaCode) ?? (districtName ? lookup.byName.get(districtName.toLowerCase()) ?? null : null),
  };
}
