import fs from 'node:fs';
import { Kysely } from 'kysely';
const D = '/work/wt/apiload/dist';
const { loadConfig } = await import(`${D}/platform/config.js`);
const { openDatabase } = await import(`${D}/platform/db/database.js`);
const { engineDialect } = await import(`${D}/platform/db/kysely-driver.js`);
const { openAuditKey } = await import(`${D}/platform/audit/audit.js`);
const pd = await import(`${D}/modules/police-data/police-data.service.js`);
const { incidentFilterSchema } = await import(`${D}/modules/police-data/index.js`);
const people = await import(`${D}/modules/people/index.js`);
const problems = await import(`${D}/modules/problems/index.js`);
const auth = await import(`${D}/modules/identity/auth.service.js`);
const engine = process.argv[2] ?? 'pglite';
const p = JSON.parse(fs.readFileSync(`/tmp/apiload-bench/${engine}.prepared.json`, 'utf8'));
const env = { ...process.env, HUB_DATA_DIR: `/tmp/apiload-bench/${engine}-data`, HUB_AUDIT_KEY_FILE: `/tmp/apiload-bench/${engine}-audit.key` };
if (engine === 'postgres') env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/apiload_bench'; else delete env.DATABASE_URL;
const config = loadConfig(env);
const h = await openDatabase(config, { pgliteMemory: 'large' });
const auditKey = await openAuditKey(h.db, config, { create: false });
let log = [];
const db = new Kysely({ dialect: engineDialect(h.raw), log: (e) => log.push([e.queryDurationMillis, e.query.sql.slice(0, 160).replace(/\s+/g, ' ')]) });
const pick = xs => xs[Math.floor(Math.random() * xs.length)];
const admin = { id: 1, username: 'bench-admin', displayName: null, role: 'admin', partnerAgency: null, districts: [], isDemo: false };
const filt = (o) => incidentFilterSchema.parse(o);
const kinds = {
  incidents: () => pd.listIncidents(db, filt({ district: pick(p.districts) }), 50, 50 * Math.floor(Math.random() * 5)),
  counts: () => { const m = pick(p.months); return pd.countIncidents(db, 'category', filt({ district: pick(p.districts), from: m, to: m })); },
  person: () => people.getPerson(db, auditKey, people.userCaller(admin), pick(p.people).id),
  problems: () => problems.listProblems(db, auditKey, { kind: 'user', principal: admin }, {}),
};
for (const [k, f] of [...Object.entries(kinds), ...Object.entries(kinds)]) {
  const agg = new Map(); const tot = [];
  for (let i = 0; i < 30; i++) { log = []; const t = performance.now(); await f(); tot.push(performance.now() - t);
    for (const [ms, s] of log) { const key = s.replace(/\$\d+/g, '?'); const a = agg.get(key) ?? []; a.push(ms); agg.set(key, a); } }
  tot.sort((a, b) => a - b);
  console.log(`== ${k}: median ${tot[15].toFixed(1)} ms, max ${tot[29].toFixed(1)}`);
  for (const [s, a] of agg) { a.sort((x, y) => x - y); console.log(`  ${(a.reduce((x, y) => x + y, 0) / 30).toFixed(2)} ms/req  n=${a.length} med ${a[a.length >> 1].toFixed(2)} max ${a.at(-1).toFixed(2)}  ${s}`); }
}
await db.destroy().catch(() => {}); await h.close();
