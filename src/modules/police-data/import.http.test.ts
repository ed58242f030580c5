// The web app's import (POST /api/imports): the roles that may import upload data.police.uk files
// (CSV or .zip) and get progress, then the same per-file summary as `hub import --json`, with the
// same file:line errors and the same atomicity (a bad file changes nothing; the good ones import).
import { zipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../../test-support/http.js';
import { STREET_HEADER, streetRow } from '../../../test/helpers/csv.js';

const auditKey = Buffer.from('i'.repeat(32));
const enc = new TextEncoder();

interface Line { type: string; file?: string; fraction?: number; rowsDone?: number; files?: Record<string, unknown>[]; message?: string }

const parseLines = (text: string): Line[] => text.trim().split('\n').map((l) => JSON.parse(l) as Line);

const csv = (rows: string[]) => `${[STREET_HEADER, ...rows].join('\n')}\n`;
const janRows = Array.from({ length: 30 }, (_, i) => streetRow({ crimeId: i.toString(16).padStart(64, '0'), category: i % 2 ? 'Burglary' : 'Robbery' }));

describe('POST /api/imports', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<string, Session>;

  function upload(session: Session | null, files: { name: string; bytes: Uint8Array | string }[], fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const f of files) form.append('file', new Blob([typeof f.bytes === 'string' ? enc.encode(f.bytes) : f.bytes]), f.name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const headers: Record<string, string> = {};
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrf;
    }
    return app.request('/api/imports', { method: 'POST', headers, body: form });
  }
  const count = async () => Number((await sql<{ n: string }>`select count(*)::text as n from incident`.execute(t.handle.db)).rows[0]!.n);

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    for (const role of ['admin', 'analyst', 'officer', 'supervisor'] as const) s[role] = await signInAs(app, users[role]);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('imports the good files, refuses the bad one whole with file:line errors, streams progress, and audits as the user', async () => {
    const bad = csv([streetRow({ month: '2025-02', crimeId: 'b'.repeat(64) }), streetRow({ month: '2025-13', crimeId: 'c'.repeat(64) })]);
    const res = await upload(s.analyst!, [{ name: '2025-01-kent-street.csv', bytes: csv(janRows) }, { name: '2025-02-kent-street.csv', bytes: bad }]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = parseLines(await res.text());
    expect(lines.filter((l) => l.type === 'progress').length).toBeGreaterThan(0);
    for (const p of lines.filter((l) => l.type === 'progress')) expect(p.fraction).toBeGreaterThanOrEqual(0);
    const done = lines.at(-1)!;
    expect(done.type).toBe('done');
    expect(done.files).toHaveLength(2);
    expect(done.files![0]).toMatchObject({ file: '2025-01-kent-street.csv', kind: 'street', force: 'kent', month: '2025-01', rows: 30, inserted: 30, errorCount: 0 });
    expect(done.files![1]).toMatchObject({ file: '2025-02-kent-street.csv', inserted: 0, errorCount: 1, errors: [{ line: 3, message: expect.stringMatching(/2025-13/) }] });
    expect(await count()).toBe(30);
    const audit = await sql<{ actor: string }>`select actor from audit_log where action like '%import%' order by id desc limit 1`.execute(t.handle.db);
    expect(audit.rows[0]?.actor).toBe('user:analyst1');
  });

  it('reads .zip archives as hub import does, and the JSON form for scripts', async () => {
    const feb = csv([streetRow({ month: '2025-02', crimeId: 'd'.repeat(64) })]);
    const zip = zipSync({ 'data/2025-02/2025-02-kent-street.csv': enc.encode(feb), 'README.txt': enc.encode('x') });
    const res = await upload(s.admin!, [{ name: 'police-data.zip', bytes: zip }, { name: 'empty.zip', bytes: zipSync({ 'notes.txt': enc.encode('x') }) }]);
    const done = parseLines(await res.text()).at(-1)!;
    expect(done.files!.map((f) => [f.file, f.errorCount])).toEqual([['police-data.zip:data/2025-02/2025-02-kent-street.csv', 0], ['empty.zip', 1]]);
    expect(await count()).toBe(31);

    const json = await asUser(app, s.analyst!, '/api/imports', { method: 'POST', body: { files: [{ name: '2025-03-kent-street.csv', text: csv([streetRow({ month: '2025-03', crimeId: 'e'.repeat(64) })]) }] } });
    expect(json.status, await json.clone().text()).toBe(200);
    expect(parseLines(await json.text()).at(-1)).toMatchObject({ type: 'done', files: [{ month: '2025-03', inserted: 1, errorCount: 0 }] });
  });

  it('keeps the shrink guard: a month cut short is refused unless allowShrink', async () => {
    const cut = csv(janRows.slice(0, 20));
    const refused = parseLines(await (await upload(s.analyst!, [{ name: '2025-01-kent-street.csv', bytes: cut }])).text()).at(-1)!;
    expect(refused.files![0]).toMatchObject({ oldRows: 30, newRows: 20, inserted: 0, errors: [{ message: expect.stringMatching(/fewer/) }] });
    expect(await count()).toBe(32);
    const allowed = parseLines(await (await upload(s.analyst!, [{ name: '2025-01-kent-street.csv', bytes: cut }], { allowShrink: 'true' })).text()).at(-1)!;
    expect(allowed.files![0]).toMatchObject({ oldRows: 30, newRows: 20, errorCount: 0 });
    expect(await count()).toBe(22);
  });

  it('is refused to roles that may not import, to nobody signed in, and without files (nothing changes)', async () => {
    const before = await count();
    for (const role of ['officer', 'supervisor'] as const) expect((await upload(s[role]!, [{ name: '2025-04-kent-street.csv', bytes: csv(janRows) }])).status, role).toBe(403);
    expect((await upload(null, [{ name: '2025-04-kent-street.csv', bytes: csv(janRows) }])).status).toBe(401);
    const none = await upload(s.admin!, []);
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/^file: /);
    const notZip = await upload(s.admin!, [{ name: 'broken.zip', bytes: 'not a zip' }]);
    expect(notZip.status).toBe(400);
    expect(((await notZip.json()) as { error: { message: string } }).error.message).toMatch(/broken\.zip: not a readable zip archive/);
    expect(await count()).toBe(before);
  });

  it('refuses an upload over HUB_IMPORT_MAX_UPLOAD_MB with 413, naming the setting', async () => {
    const before = process.env.HUB_IMPORT_MAX_UPLOAD_MB;
    process.env.HUB_IMPORT_MAX_UPLOAD_MB = '1';
    let small: ReturnType<typeof createApp>;
    try {
      small = createApp(t.handle, { auditKey });
    } finally {
      if (before === undefined) delete process.env.HUB_IMPORT_MAX_UPLOAD_MB;
      else process.env.HUB_IMPORT_MAX_UPLOAD_MB = before;
    }
    const session = await signInAs(small, 'admin1');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(1024 * 1024 + 10)]), '2025-05-kent-street.csv');
    const res = await small.request('/api/imports', { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, body: form });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/HUB_IMPORT_MAX_UPLOAD_MB/);
  });
});
