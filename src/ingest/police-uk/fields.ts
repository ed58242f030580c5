/** Field checks shared by the data.police.uk adapters. Each returns a reason or a value. */
export type Check<T> = { ok: true; value: T } | { ok: false; reason: string };

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function checkMonth(raw: string): Check<string> {
  return monthPattern.test(raw) ? { ok: true, value: raw } : { ok: false, reason: `Month: '${clip(raw)}' is not a month (YYYY-MM)` };
}

/**
 * The United Kingdom's bounding box (WGS84), with a little margin: Shetland to the Isles of
 * Scilly, St Kilda and County Fermanagh to Lowestoft. Published points all lie inside it.
 */
export const UK_BOUNDS = { west: -8.7, east: 1.8, south: 49.8, north: 60.9 } as const;

/**
 * A coordinate as data.police.uk publishes it: an optional minus sign, digits, and an optional
 * decimal part ("-0.123456", "51", "51.5"). No exponent, hexadecimal, binary, plus sign or
 * spaces (Number() would take all of those). A loop over the characters: it runs per row.
 */
export function isPlainDecimal(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  let whole = 0;
  let fraction = -1; // digits after the point, -1 before it
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (fraction < 0) whole++;
      else fraction++;
    } else if (c === 46 && fraction < 0) {
      fraction = 0;
    } else {
      return false;
    }
  }
  return whole > 0 && fraction !== 0;
}

/**
 * Both coordinates present, plain decimals and inside the United Kingdom; both empty (no
 * location); or a reason.
 */
export function checkLonLat(lonRaw: string, latRaw: string): Check<{ lon: number; lat: number } | null> {
  if (lonRaw === '' && latRaw === '') return { ok: true, value: null };
  if (lonRaw === '' || latRaw === '') return { ok: false, reason: `${lonRaw === '' ? 'Longitude' : 'Latitude'}: empty while the other coordinate is set` };
  if (!isPlainDecimal(lonRaw)) return { ok: false, reason: `Longitude: '${clip(lonRaw)}' is not a longitude (a decimal number such as -0.127758)` };
  if (!isPlainDecimal(latRaw)) return { ok: false, reason: `Latitude: '${clip(latRaw)}' is not a latitude (a decimal number such as 51.507351)` };
  const lon = Number(lonRaw);
  const lat = Number(latRaw);
  if (lon < UK_BOUNDS.west || lon > UK_BOUNDS.east || lat < UK_BOUNDS.south || lat > UK_BOUNDS.north) {
    return { ok: false, reason: `Longitude/Latitude: ${clip(lonRaw)}, ${clip(latRaw)} is outside the United Kingdom` };
  }
  return { ok: true, value: { lon, lat } };
}

/** "Folkestone and Hythe 012C" -> "Folkestone and Hythe". */
export function districtFromLsoaName(lsoaName: string): string | null {
  const m = /^(.*\S)\s+\d{3}[A-Z]$/.exec(lsoaName);
  return m ? m[1]! : null;
}

/** Characters shown escaped in messages: controls, byte order marks, replacement characters, line separators. */
// eslint-disable-next-line no-control-regex
const unprintable = /[\u0000-\u001f\u007f-\u009f\u00a0\u2028\u2029\ufeff\ufffd]/g;

const escaped = (c: string): string => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** A value for a message: at most `max` characters, with unprintable characters escaped (\x00, \ufffd). */
export function clip(s: string, max = 40): string {
  const short = s.length > max ? `${s.slice(0, max)}…` : s;
  return short.replace(unprintable, escaped);
}

/** Resolves a district's LAD code from imported lookups (LSOA boundaries, la_all_codes.csv). */
export interface DistrictResolver {
  ladCode(lsoaCode: string, districtName: string | null): string | null;
  /**
   * True when LSOA boundaries have been imported and this LSOA code (or an empty one) is not
   * among them: the row lies outside the area the boundaries cover. False when none are imported.
   */
  outsideLsoas(lsoaCode: string): boolean;
}

/** The lookups as data (they go to the parsing worker): LSOA code -> LAD code, lower-case district name -> LAD code. */
export interface DistrictLookup {
  byLsoa: ReadonlyMap<string, string>;
  byName: ReadonlyMap<string, string>;
}

export const noDistrictLookup: DistrictLookup = { byLsoa: new Map(), byName: new Map() };

/** The LAD code of an LSOA, else of the district named. */
export function resolverOf(lookup: DistrictLookup): DistrictResolver {
  const haveLsoas = lookup.byLsoa.size > 0;
  return {
    ladCode: (lsoaCode, districtName) => lookup.byLsoa.get(lsoaCode) ?? (districtName ? lookup.byName.get(districtName.toLowerCase()) ?? null : null),
    outsideLsoas: (lsoaCode) => haveLsoas && !lookup.byLsoa.has(lsoaCode),
  };
}
