/**
 * Pure matching rules for the likely-duplicate warning. Names are compared after normalising
 * (case, accents, punctuation, spacing) with Jaro-Winkler similarity and a Soundex code, so
 * "Jon Smyth" matches "John Smith"; addresses after expanding common abbreviations.
 */

/** Lower case, accents removed, anything but letters and single spaces dropped. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\s-]/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

/** American Soundex of the letters of a name ('' for no letters): Robert and Rupert give R163. */
export function soundex(name: string): string {
  const s = normaliseName(name).replace(/[^a-z]/g, '');
  if (!s) return '';
  const code = (c: string): string => {
    if ('bfpv'.includes(c)) return '1';
    if ('cgjkqsxz'.includes(c)) return '2';
    if ('dt'.includes(c)) return '3';
    if (c === 'l') return '4';
    if ('mn'.includes(c)) return '5';
    if (c === 'r') return '6';
    return c === 'h' || c === 'w' ? '' : '0'; // vowels separate equal codes; h and w do not
  };
  let out = s[0]!.toUpperCase();
  let last = code(s[0]!);
  for (const c of s.slice(1)) {
    const k = code(c);
    if (k === '') continue;
    if (k !== '0' && k !== last) out += k;
    last = k;
    if (out.length === 4) break;
  }
  return out.padEnd(4, '0');
}

/** Jaro-Winkler similarity in [0, 1] (1 for equal strings, 0 when nothing matches). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (bMatch[j] || a[i] !== b[j]) continue;
      aMatch[i] = bMatch[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let half = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) half++;
    k++;
  }
  const t = half / 2;
  const jaro = (matches / a.length + matches / b.length + (matches - t) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

export interface NameParts {
  givenName: string;
  familyName: string;
}

/** Whether two single names are alike: equal, Jaro-Winkler at least 0.85, or same Soundex code. */
function alike(a: string, b: string): boolean {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (!x || !y) return false;
  if (x === y) return true;
  if (x.length === 1 || y.length === 1) return x[0] === y[0]; // an initial matches its name
  return jaroWinkler(x, y) >= 0.85 || soundex(x) === soundex(y);
}

/**
 * Whether two names are likely the same person's: given and family names both alike, or the
 * two swapped (a form filled in the wrong order). 'exact' when equal after normalising.
 */
export function compareNames(a: NameParts, b: NameParts): 'exact' | 'similar' | 'different' {
  const ga = normaliseName(a.givenName);
  const fa = normaliseName(a.familyName);
  const gb = normaliseName(b.givenName);
  const fb = normaliseName(b.familyName);
  if (ga === gb && fa === fb && fa !== '') return 'exact';
  if (alike(fa, fb) && alike(ga, gb)) return 'similar';
  if (alike(fa, gb) && alike(ga, fb)) return 'similar';
  return 'different';
}

const ABBREVIATIONS: Record<string, string> = {
  st: 'street', rd: 'road', ave: 'avenue', av: 'avenue', ln: 'lane', dr: 'drive', cl: 'close', ct: 'court', cres: 'crescent',
  pl: 'place', sq: 'square', gdns: 'gardens', tce: 'terrace', terr: 'terrace', pde: 'parade', hse: 'house', flt: 'flat',
};

/** Lower case, punctuation dropped, abbreviations expanded ('12 High St.' -> '12 high street'). */
export function normaliseAddress(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
}

/** Upper case without spaces: 'ct9 1aa' -> 'CT91AA' (null for blank). */
export function normalisePostcode(s: string | null | undefined): string | null {
  const p = (s ?? '').toUpperCase().replace(/\s+/g, '');
  return p || null;
}

/** Great-circle distance in metres between two WGS84 points (haversine). */
export function distanceMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How near two places must be to count as possibly the same. */
export const SAME_PLACE_METRES = 25;

export interface PlaceKey {
  address: string | null;
  postcode: string | null;
  lon: number | null;
  lat: number | null;
}

/** Why two places are probably one (null when they are not): same address (and postcode, when both have one) or within 25 m. */
export function samePlaceReason(a: PlaceKey, b: PlaceKey): string | null {
  if (a.address && b.address && normaliseAddress(a.address) === normaliseAddress(b.address)) {
    const pa = normalisePostcode(a.postcode);
    const pb = normalisePostcode(b.postcode);
    if (!pa || !pb || pa === pb) return 'same address';
  }
  if (a.lon !== null && a.lat !== null && b.lon !== null && b.lat !== null) {
    const d = distanceMetres(a.lon, a.lat, b.lon, b.lat);
    if (d <= SAME_PLACE_METRES) return `within ${Math.round(d)} m`;
  }
  return null;
}
