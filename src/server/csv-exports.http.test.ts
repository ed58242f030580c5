// Issue 9 item 14: every CSV the system writes goes through one writer (src/platform/csv.ts) that
// stops spreadsheet formula injection. This file lists every CSV route, command and download,
// checks the list is complete against the source, and sends a formula through each.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from './app.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../test-support/http.js';
import { openTestDatabase, type TestDatabase } from '../test-support/database.js';
import { repoRoot } from '../../test/helpers/paths.js';
import { csvCell, toCsv } from '../platform/csv.js';

const auditKey = Buffer.from('c'.repeat(32));

/** The dangerous texts and how each must come out (apostrophe in front, quoted, quotes doubled). */
const FORMULAS: [string, string][] = [
  ['=HYPERLINK("http://evil.example/?q=1","Open the record")', `"'=HYPERLINK(""http://evil.example/?q=1"",""Open the record"")"`],
  ['-2+3 then more words', `"'-2+3 then more words"`],
  ['@SUM(A1:A9) reason text', `"'@SUM(A1:A9) reason text"`],
  ['+44 7700 900123 rang us', `"'+44 7700 900123 rang us"`],
  ['\tcmd|calc tab first', `"'\tcmd|calc tab first"`],
  ['\rcarriage return first', `"'\rcarriage return first"`],
];

// ---- The list: every CSV the system writes ---------------------------------------------------

/** Server routes answering text/csv, and the files that write them. */
const CSV_ROUTES = { 'GET /api/audit/export': ['src/modules/audit/audit.routes.ts', 'src/modules/audit/audit.service.ts'] };
/** CLI commands writing CSV files (others print text or --json). A new one must be listed here. */
const CSV_COMMANDS: Record<string, string[]> = { 'records example (and the demo and benchmark extracts)': ['src/modules/records/records.generate.ts'] };
/** Web downloads made in the browser (each calls downloadCsv or downloadCsvRows). */
const WEB_DOWNLOADS: Record<string, string> = {
  'explorer: incidents by month': 'web/src/features/explorer/TrendChart.tsx',
  'explorer: incidents by category': 'web/src/features/explorer/CategoryChart.tsx',
  'explorer: incident table page': 'web/src/features/explorer/IncidentTable.tsx',
  'explorer: map areas': 'web/src/features/explorer/map/MapPanel.tsx',
  'analysis: repeat locations': 'web/src/features/analysis/repeats/RepeatsPage.tsx',
  'analysis: incidents at a repeat place': 'web/src/features/analysis/repeats/PlaceIncidents.tsx',
  'analysis: trend': 'web/src/features/analysis/trends/TrendPanel.tsx',
  'analysis: seasonal': 'web/src/features/analysis/trends/SeasonalPanel.tsx',
  'analysis: KPIs': 'web/src/features/analysis/trends/KpiTable.tsx',
  'analysis: hotspots': 'web/src/features/analysis/hotspots/HotspotsPage.tsx',
  'analysis: WDD': 'web/src/features/analysis/wdd/WddResult.tsx',
  'analysis: Knox': 'web/src/features/analysis/knox/KnoxPage.tsx',
};
/** The writer and the two web helpers every download goes through. */
const WRITER = 'src/platform/csv.ts';
const WEB_HELPERS = ['web/src/features/explorer/csv.ts', 'web/src/features/analysis/common/download.ts'];
/** The audit page's download of the server's export (GET /api/audit/export): no CSV written in the browser. */
const WEB_SERVER_DOWNLOADS = ['web/src/features/audit/api.ts'];

function sourceFiles(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(rel, ext));
    else if (ext.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(rel);
  }
  return out;
}
const read = (rel: string) => fs.readFileSync(path.join(repoRoot, rel), 'utf8');

/** A small RFC 4180 reader for the assertions (quoted cells, doubled quotes, CRLF). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

describe('the one CSV writer', () => {
  it('escapes formulas in text, quotes as RFC 4180, and leaves numbers as numbers', () => {
    for (const [text, out] of FORMULAS) expect(csvCell(text)).toBe(out);
    expect(csvCell(-8.9)).toBe('-8.9');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(12n)).toBe('12');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell({ reason: '=1+1' })).toBe('"{""reason"":""=1+1""}"');
    expect(toCsv(['change', 'note'], [[-8.9, '-8.9%'], [3, 'fine']])).toBe(`change,note\r\n-8.9,"'-8.9%"\r\n3,fine\r\n`);
  });
});

describe('every CSV route, command and download', () => {
  it('the list is complete: nothing else in src or web/src writes CSV or escapes CSV cells', () => {
    const server = sourceFiles('src', /\.ts$/).filter((f) => f !== WRITER);
    const writesCsv = server.filter((f) => /text\/csv|\btoCsv\(|\bcsvLine\(|\bcsvCell\(/.test(read(f))).sort();
    expect(writesCsv).toEqual([...new Set([...Object.values(CSV_ROUTES).flat(), ...Object.values(CSV_COMMANDS).flat()])].sort());
    // Quote-doubling outside the writer would be a second writer. engine.ts encodes COPY input for the database, never a file for people.
    const ownEscaping = server.filter((f) => f !== 'src/platform/db/engine.ts' && /replace\(\/"\/g, '""'\)/.test(read(f)));
    expect(ownEscaping).toEqual([]);

    const web = sourceFiles('web/src', /\.tsx?$/);
    const webCsv = web.filter((f) => /text\/csv|\bdownloadCsv(Rows)?\(|\btoCsv\(/.test(read(f))).sort();
    expect(webCsv).toEqual([...Object.values(WEB_DOWNLOADS), ...WEB_HELPERS, ...WEB_SERVER_DOWNLOADS].sort());
    expect(web.filter((f) => /replace\(\/"\/g, '""'\)|\/\^\[=/.test(read(f)))).toEqual([]);
    // The web helpers use the writer itself, not a copy.
    expect(read(WEB_HELPERS[0]!)).toMatch(/from '\.\.\/\.\.\/\.\.\/\.\.\/src\/platform\/csv'/);
    expect(read(WEB_HELPERS[1]!)).toMatch(/downloadCsv\(filename, header, rows\)/);
    for (const [what, file] of Object.entries(WEB_DOWNLOADS)) expect(read(file), what).toMatch(/\bdownloadCsv(Rows)?\(/);
    // The writer stays importable by the browser: no imports at all.
    expect(read(WRITER)).not.toMatch(/^\s*import\s/m);
  });

  describe('GET /api/audit/export', () => {
    let t: TestDatabase;
    let app: ReturnType<typeof createApp>;
    let supervisor: Session;
    let auditor: Session;

    beforeAll(async () => {
      t = await openTestDatabase();
      app = createApp(t.handle, { auditKey, webRoot: '/nonexistent-web-root' });
      const users = await createRoleUsers(t.handle.db, auditKey);
      supervisor = await signInAs(app, users.supervisor);
      auditor = await signInAs(app, users.auditor);
    }, 120_000);
    afterAll(async () => t?.cleanup(), 60_000);

    it('a break-glass reason that is a formula is exported with an apostrophe, quoted', async () => {
      const created = await asUser(app, supervisor, '/api/people', { method: 'POST', body: { givenName: 'Ann', familyName: 'Lee', district: 'Thanet' } });
      expect(created.status).toBe(201);
      const id = ((await created.json()) as { id: number }).id;
      for (const [reason] of FORMULAS) {
        const res = await asUser(app, supervisor, `/api/people/${id}/break-glass`, { method: 'POST', body: { reason } });
        expect(res.status, await res.clone().text()).toBe(200);
      }
      const res = await asUser(app, auditor, `/api/audit/export?recordType=person&action=view&reason=${encodeURIComponent('Quarterly review of break-glass use')}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const text = await res.text();
      const rows = readCsv(text);
      expect(rows[0]).toEqual(['id', 'at', 'actor', 'action', 'record_type', 'record_id', 'purpose', 'recipients', 'reason', 'details', 'prev_mac', 'mac']);
      const reasons = rows.slice(1).map((r) => r[8]);
      // breakGlassSchema trims the reason: the tab and CR cases arrive trimmed, so they are ordinary text
      for (const [reason, escaped] of FORMULAS) {
        const stored = reason.trim();
        if (stored !== reason) {
          expect(reasons).toContain(stored);
          continue;
        }
        expect(reasons).toContain(`'${reason}`);
        expect(text).toContain(`,${escaped},`);
      }
      // no cell of the file starts a formula
      for (const r of rows) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      // ids stay numbers
      for (const r of rows.slice(1)) expect(r[0]).toMatch(/^\d+$/);
    });
  });

  describe('the web downloads (the browser code, run here with a stand-in document)', () => {
    const saved: { text: string; name: string; type: string }[] = [];
    beforeAll(() => {
      vi.stubGlobal('document', {
        createElement: () => ({ click() {}, remove() {}, set href(_v: string) {}, set download(name: string) { saved.at(-1)!.name = name; } }),
        body: { appendChild() {} },
      });
      vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
        const entry = { text: '', name: '', type: (blob as Blob).type };
        saved.push(entry);
        void (blob as Blob).text().then((t) => { entry.text = t; });
        return 'blob:test';
      });
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    });
    afterAll(() => {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    });

    it('downloadCsv (explorer) and downloadCsvRows (analyses) escape formulas and keep -8.9 a number', async () => {
      // the web's own modules (bundler-style imports, so loaded by path, outside the server's type-check)
      type Download = (filename: string, header: string[], rows: unknown[][]) => void;
      const load = (rel: string) => import(/* @vite-ignore */ path.join(repoRoot, rel)) as Promise<Record<string, Download>>;
      const downloadCsv = (await load(WEB_HELPERS[0]!)).downloadCsv!;
      const downloadCsvRows = (await load(WEB_HELPERS[1]!)).downloadCsvRows!;
      const rows = FORMULAS.map(([text], i) => [text, -8.9, i]);
      downloadCsv('explorer.csv', ['street', 'change', 'n'], rows);
      downloadCsvRows('kpis.csv', ['key', 'change', 'n'], rows);
      await vi.waitFor(() => expect(saved.every((s) => s.text !== '')).toBe(true));
      expect(saved.map((s) => [s.name, s.type])).toEqual([['explorer.csv', 'text/csv;charset=utf-8'], ['kpis.csv', 'text/csv;charset=utf-8']]);
      for (const s of saved) {
        const lines = s.text.split('\r\n');
        FORMULAS.forEach(([, escaped], i) => expect(s.text).toContain(`${escaped},-8.9,${i}\r\n`));
        expect(lines[0]).toMatch(/,change,n$/);
      }
    });
  });
});
