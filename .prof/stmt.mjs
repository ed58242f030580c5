import { sql } from 'kysely';
const D = '/work/wt/apiload/dist';
const { loadConfig } = await import(`${D}/platform/config.js`);
const { openDatabase } = await import(`${D}/platform/db/database.js`);
const env = { ...process.env, HUB_DATA_DIR: `/tmp/apiload-bench/pglite-data` }; delete env.DATABASE_URL;
const h = await openDatabase(loadConfig(env), { pgliteMemory: 'large' });
async function t(label, q, n = 300) {
  for (let i = 0; i < 50; i++) await q();
  const s = performance.now(); for (let i = 0; i < n; i++) await q(); console.log(label, ((performance.now() - s) / n).toFixed(3), 'ms');
}
await t('select 1', () => sql`select 1`.execute(h.db));
await t('select 1 param', () => sql`select ${1}::int as x`.execute(h.db));
await t('page thanet off200', () => sql`select incident.snapshot_id * 100000000 + incident.line_no as id, crime_id, to_char(month,'YYYY-MM') as m, reported_by, falls_within, longitude, latitude, easting, northing, location, lsoa_code, lsoa_name, district, lad_code, category, outcome, context, has_location from incident where snapshot_id = 9 and lower(district) in ('thanet') order by line_no limit 51 offset 200`.execute(h.db));
await t('page thanet off0', () => sql`select incident.snapshot_id * 100000000 + incident.line_no as id, crime_id, to_char(month,'YYYY-MM') as m, reported_by, falls_within, longitude, latitude, easting, northing, location, lsoa_code, lsoa_name, district, lad_code, category, outcome, context, has_location from incident where snapshot_id = 9 and lower(district) in ('thanet') order by line_no limit 51 offset 0`.execute(h.db));
await t('page ids only off200', () => sql`select line_no from incident_row where snapshot_id = 9 and lower(district) in ('thanet') order by line_no limit 51 offset 200`.execute(h.db));
await t('count thanet snapshot', () => sql`select count(*) from incident_row where snapshot_id = 9 and lower(district) in ('thanet')`.execute(h.db));
await h.close();
