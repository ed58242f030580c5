import { sql } from 'kysely';
const D = '/work/wt/apiload/dist';
const { loadConfig } = await import(`${D}/platform/config.js`);
const { openDatabase } = await import(`${D}/platform/db/database.js`);
const engine = process.argv[2] ?? 'pglite';
const env = { ...process.env, HUB_DATA_DIR: `/tmp/apiload-bench/pglite-data` }; if (engine === 'postgres') env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/apiload_bench'; else delete env.DATABASE_URL;
const h = await openDatabase(loadConfig(env), { pgliteMemory: 'large' });
for (const q of process.argv.slice(3)) {
  if (q.startsWith("!")) { const t = performance.now(); await sql.raw(q.slice(1)).execute(h.db); console.log(q, (performance.now() - t).toFixed(0), "ms"); continue; }
  const r = await sql.raw(`explain (analyze, buffers) ${q}`).execute(h.db);
  console.log(r.rows.map((x) => Object.values(x)[0]).join('\n'));
}
await h.close();
