import { spawn } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
const engine = process.argv[2] ?? 'pglite';
const only = process.argv[3]; // kind filter
const wt = '/work/wt/apiload';
const p = JSON.parse(fs.readFileSync(`/tmp/apiload-bench/${engine}.prepared.json`, 'utf8'));
const env = { ...process.env, HUB_DATA_DIR: `/tmp/apiload-bench/${engine}-data`, HUB_AUDIT_KEY_FILE: `/tmp/apiload-bench/${engine}-audit.key`, HUB_LOG_LEVEL: 'warn', PORT: '4361', HOST: '127.0.0.1' };
if (engine === 'postgres') env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/apiload_bench'; else delete env.DATABASE_URL;
const extra = process.env.NODEARGS ? process.env.NODEARGS.split(' ') : [];
const child = spawn(process.execPath, [...extra, `${wt}/bin/hub.js`, 'serve'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
const url = 'http://127.0.0.1:4361';
for (;;) { try { if ((await fetch(url + '/api/health')).ok) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
const r = await fetch(url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-admin', password: 'bench quartz heron meadow' }) });
const cookie = r.headers.get('set-cookie').split(';')[0];
const pick = xs => xs[Math.floor(Math.random() * xs.length)];
const kinds = {
  health: () => '/api/health',
  incidents: () => `/api/incidents?district=${encodeURIComponent(pick(p.districts))}&limit=50&offset=${50 * Math.floor(Math.random() * 5)}`,
  counts: () => { const m = pick(p.months); return `/api/incidents/counts?by=category&district=${encodeURIComponent(pick(p.districts))}&from=${m}&to=${m}`; },
  person: () => `/api/people/${pick(p.people).id}`,
  problems: () => '/api/problems',
};
function threads() {
  const out = {};
  for (const t of fs.readdirSync(`/proc/${child.pid}/task`)) {
    try { const s = fs.readFileSync(`/proc/${child.pid}/task/${t}/stat`, 'utf8'); const name = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')); const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      out[`${t}:${name}`] = (Number(f[11]) + Number(f[12])) * 10; } catch {}
  }
  return out;
}
for (const [k, f] of Object.entries(kinds)) {
  if (only && !only.split(',').includes(k)) continue;
  await autocannon({ url, connections: 8, duration: 3, requests: [{ setupRequest: (req) => ({ ...req, path: f(), headers: { cookie } }) }] });
  const before = threads();
  const res = await autocannon({ url, connections: 8, duration: 8, requests: [{ setupRequest: (req) => ({ ...req, path: f(), headers: { cookie } }) }] });
  const after = threads();
  const n = res.requests.total;
  const per = Object.entries(after).map(([t, v]) => [t, (v - (before[t] ?? 0)) / n]).filter(([, v]) => v > 0.05).map(([t, v]) => `${t.split(':')[1]}=${v.toFixed(2)}`);
  console.log(`${k}: ${Math.round(n / 8)} req/s p50 ${res.latency.p50} p99 ${res.latency.p99} non2xx ${res.non2xx}; CPU ms/req by thread: ${per.join(' ')}`);
}
child.kill('SIGTERM');
