import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/policy.js';
import { inPolygons, polygonsFromGeoJson } from '../analytics/evaluation/index.js';

export interface Located {
  lsoaCode: string | null;
  district: string;
}

/** The LSOA (and its district) containing a point, from the imported boundaries; null outside them all. */
export async function lsoaOfPoint(db: Db, lon: number, lat: number): Promise<{ code: string; district: string | null } | null> {
  const candidates = await db
    .selectFrom('boundary')
    .select(['code', 'district_name', 'geometry'])
    .where('level', '=', 'lsoa')
    .where('min_lon', '<=', lon)
    .where('max_lon', '>=', lon)
    .where('min_lat', '<=', lat)
    .where('max_lat', '>=', lat)
    .execute();
  for (const c of candidates) {
    const geometry = typeof c.geometry === 'string' ? JSON.parse(c.geometry) : c.geometry;
    if (inPolygons(lon, lat, polygonsFromGeoJson(geometry, 'boundary'))) return { code: c.code, district: c.district_name };
  }
  return null;
}

/** Districts the system knows: boundary and lookup names, districts of imported incidents and of staff accounts. */
export async function knownDistricts(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select name from lad
    union select district_name from boundary where level = 'district' and district_name is not null
    union select district from incident_count where district <> ''
    union select district from user_district
    order by 1`.execute(db);
  return r.rows.map((x) => x.name);
}

/** A chosen district in its known spelling; 400 when unknown (any name is accepted before data is loaded). */
export async function checkDistrict(db: Db, district: string, field: string): Promise<string> {
  const known = await knownDistricts(db);
  if (known.length === 0) return district;
  const hit = known.find((k) => k.toLowerCase() === district.toLowerCase());
  if (!hit) throw new AppError('validation', `${field}: unknown district (choose one of the ${known.length} known districts)`);
  return hit;
}

/** LSOA and district of an address or place: from the point when given (it wins over a chosen district), else the chosen district. */
export async function locate(db: Db, input: { lon?: number | undefined; lat?: number | undefined; district?: string | undefined }, field: string): Promise<Located> {
  if (input.lon !== undefined && input.lat !== undefined) {
    const hit = await lsoaOfPoint(db, input.lon, input.lat);
    if (hit?.district) return { lsoaCode: hit.code, district: hit.district };
    if (!input.district) throw new AppError('validation', `${field}.district: the point is outside the loaded boundaries; choose the district`);
    return { lsoaCode: hit?.code ?? null, district: await checkDistrict(db, input.district, `${field}.district`) };
  }
  if (!input.district) throw new AppError('validation', `${field}.district: choose the district (or give lon/lat)`);
  return { lsoaCode: null, district: await checkDistrict(db, input.district, `${field}.district`) };
}

/** Officers and supervisors may only record within their own districts. */
export function assertOwnDistrict(principal: Principal, district: string, field: string): void {
  if (principal.role !== 'officer' && principal.role !== 'supervisor') return;
  if (!principal.districts.some((d) => d.toLowerCase() === district.toLowerCase())) {
    throw new AppError('validation', `${field}: outside your districts (${principal.districts.join(', ')})`);
  }
}
