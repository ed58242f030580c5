import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { BoundaryLevel, BoundaryTable } from './boundaries.tables.js';

export async function upsertBoundaries(db: Db, rows: BoundaryTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200).map((r) => ({ ...r, geometry: JSON.stringify(r.geometry) }));
    await db
      .insertInto('boundary')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['level', 'code']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          district_code: eb.ref('excluded.district_code'),
          district_name: eb.ref('excluded.district_name'),
          geometry: eb.ref('excluded.geometry'),
          min_lon: eb.ref('excluded.min_lon'),
          min_lat: eb.ref('excluded.min_lat'),
          max_lon: eb.ref('excluded.max_lon'),
          max_lat: eb.ref('excluded.max_lat'),
          source_file: eb.ref('excluded.source_file'),
          is_demo: eb.ref('excluded.is_demo'),
        })),
      )
      .execute();
  }
}

export async function upsertLads(db: Db, rows: { code: string; name: string; active_code: string | null; active_name: string | null; is_demo: boolean }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('lad')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          active_code: eb.ref('excluded.active_code'),
          active_name: eb.ref('excluded.active_name'),
          is_demo: eb.ref('excluded.is_demo'),
        })),
      )
      .execute();
  }
}

export async function ladNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('lad').select(['code', 'name', 'active_name']).execute();
  return new Map(rows.map((r) => [r.code, r.active_name ?? r.name]));
}

/** LSOA -> district code, and district name -> code, for resolving imported rows. */
export async function lookupTables(db: Db): Promise<{ byLsoa: Map<string, string>; byName: Map<string, string> }> {
  const lsoas = await db.selectFrom('boundary').select(['code', 'district_code']).where('level', '=', 'lsoa').where('district_code', 'is not', null).execute();
  const lads = await db.selectFrom('lad').select(['code', 'name']).execute();
  const districts = await db.selectFrom('boundary').select(['code', 'name']).where('level', '=', 'district').execute();
  const byName = new Map<string, string>();
  for (const d of districts) byName.set(d.name.toLowerCase(), d.code);
  for (const l of lads) byName.set(l.name.toLowerCase(), l.code);
  return { byLsoa: new Map(lsoas.map((l) => [l.code, l.district_code!])), byName };
}

/** Fills in district codes on rows imported before the lookups were. */
export async function backfillLadCodes(db: Db): Promise<number> {
  let n = 0;
  for (const table of ['incident_row', 'crime_outcome'] as const) {
    const bySlsoa = await sql`
      update ${sql.table(table)} t set lad_code = b.district_code
      from boundary b
      where t.lad_code is null and b.level = 'lsoa' and b.code = t.lsoa_code and b.district_code is not null`.execute(db);
    const byName = await sql`
      update ${sql.table(table)} t set lad_code = l.code
      from lad l
      where t.lad_code is null and t.district is not null and lower(l.name) = lower(t.district)`.execute(db);
    n += Number(bySlsoa.numAffectedRows ?? 0n) + Number(byName.numAffectedRows ?? 0n);
  }
  return n;
}

export async function lsoaShapes(db: Db, codes?: readonly string[]) {
  let q = db.selectFrom('boundary').select(['code', 'name', 'district_code', 'district_name', 'geometry', 'is_demo']).where('level', '=', 'lsoa');
  if (codes) q = q.where('code', 'in', codes);
  return q.execute();
}

export async function listBoundaries(db: Db, level: BoundaryLevel, districts: readonly string[]) {
  let q = db
    .selectFrom('boundary')
    .select(['level', 'code', 'name', 'district_code', 'district_name', 'geometry', 'is_demo'])
    .where('level', '=', level)
    .orderBy('code');
  if (districts.length) q = q.where((eb) => eb(eb.fn('lower', ['district_name']), 'in', districts.map((d) => d.toLowerCase())));
  return q.execute();
}

export async function deleteDemoBoundaries(db: Db): Promise<void> {
  await db.deleteFrom('boundary').where('is_demo', '=', true).execute();
  await db.deleteFrom('lad').where('is_demo', '=', true).execute();
}

export async function boundaryCounts(db: Db): Promise<Record<BoundaryLevel, number>> {
  const rows = await db.selectFrom('boundary').select(['level', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('level').execute();
  const out: Record<BoundaryLevel, number> = { lsoa: 0, ward: 0, district: 0 };
  for (const r of rows) out[r.level] = Number(r.n);
  return out;
}

/** Gives held shapes the current names of their districts (e.g. Shepway -> Folkestone and Hythe). */
export async function renameDistrictsFromLookup(db: Db): Promise<void> {
  await sql`update boundary b set name = coalesce(l.active_name, l.name), district_name = coalesce(l.active_name, l.name)
    from lad l where b.level = 'district' and b.code = l.code`.execute(db);
  await sql`update boundary b set district_name = coalesce(l.active_name, l.name)
    from lad l where b.level <> 'district' and b.district_code = l.code`.execute(db);
}
