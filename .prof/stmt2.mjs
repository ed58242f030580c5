import { sql } from 'kysely';
const D = '/work/wt/apiload/dist';
const { loadConfig } = await import(`${D}/platform/config.js`);
const { openDatabase } = await import(`${D}/platform/db/database.js`);
const env = { ...process.env, HUB_DATA_DIR: `/tmp/apiload-bench/pglite-data` }; delete env.DATABASE_URL;
const h = await openDatabase(loadConfig(env), { pgliteMemory: 'large' });
async function t(label, cols, n = 100) {
  const q = () => sql.raw(`select ${cols} from incident where snapshot_id = 9 and lower(district) in ('thanet') order by line_no limit 51 offset 0`).execute(h.db);
  for (let i = 0; i < 20; i++) await q();
  const s = performance.now(); for (let i = 0; i < n; i++) await q(); console.log(label.padEnd(12), ((performance.now() - s) / n).toFixed(3), 'ms');
}
await t('line_no', 'line_no');
await t('crime_id', 'crime_id');
await t('text cols', 'reported_by, falls_within, location, lsoa_code, lsoa_name, district, lad_code, category, outcome, context');
await t('floats', 'longitude, latitude, easting, northing');
await t('to_char', "to_char(month,'YYYY-MM')");
await t('has_loc', 'has_location');
await t('id expr', 'incident.snapshot_id * 100000000 + incident.line_no');
await t('line_no', 'line_no');
await h.close();
