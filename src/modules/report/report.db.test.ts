// The quarterly report from live records: the open-data ASB section against an independent recount
// of the generated files, missing months, every format, and the export audited.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poissonETest } from '../analytics/trends/index.js';
import { generateDemoData } from '../demo/index.js';
import { importPoliceFiles, policeDataReport } from '../police-data/index.js';
import { noDistrictLookup } from '../../ingest/police-uk/fields.js';
import { makeContext } from '../../platform/module/context.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { generateEdition, quarterlyReport } from './report.service.js';
import { AppError } from '../../platform/errors.js';

const auditKey = Buffer.from('r'.repeat(32));
const demo = generateDemoData({ months: 24, endMonth: '2025-09' });

/** ASB rows per month, counted from the generated CSV text (not through the database). */
function recount(): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of demo.streetFiles) {
    const [header, ...lines] = f.text.trim().split(/\r?\n/);
    const cols = header!.split(',');
    const mi = cols.indexOf('Month');
    const ti = cols.indexOf('Crime type');
    for (const l of lines) {
      const c = l.split(',');
      if (c[ti] === 'Anti-social behaviour') out.set(c[mi]!, (out.get(c[mi]!) ?? 0) + 1);
    }
  }
  return out;
}
const sum = (m: Map<string, number>, months: string[]) => months.reduce((n, k) => n + (m.get(k) ?? 0), 0);

describe('quarterly report from live records', () => {
  let t: TestDatabase;
  const ctx = () => makeContext({ db: t.handle.db, auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: { kind: 'all' }, now: () => new Date('2025-10-06T09:00:00Z') });
  beforeAll(async () => {
    t = await openTestDatabase();
    await importPoliceFiles(t.handle.db, demo.streetFiles.map((f) => ({ label: f.name, name: f.name, bytes: f.text.length, read: async () => f.text })), { by: 'cli:test', districts: noDistrictLookup });
  }, 180_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('counts ASB in the quarter and a year before as a recount does, with the E-test', async () => {
    const counts = recount();
    expect(counts.size).toBeGreaterThan(20); // the CSV parse found the category
    const c = await generateEdition(ctx(), { quarter: '2025Q3' }, policeDataReport);
    const s = c.sections[0]!.content;
    const now = sum(counts, ['2025-07', '2025-08', '2025-09']);
    const before = sum(counts, ['2024-07', '2024-08', '2024-09']);
    expect(s.figures[0]).toMatchObject({ count: now, comparison: { count: before, p: poissonETest({ k1: now, k2: before }).p } });
    expect(s.figures[0]!.source.dataCutoff).toBe('2025-09');
    const winter = s.tables.find((x) => x.id === 'winter-outlook')!;
    expect(winter.rows).toEqual(['Winter 2023-24', 'Winter 2024-25']);
    expect(winter.cells[1]).toEqual(['2024-10', '2024-11', '2024-12', '2025-01', '2025-02'].map((m) => counts.get(m) ?? 0));
    const byDistrict = s.tables.find((x) => x.id === 'asb-by-district')!;
    expect(byDistrict.cells.reduce((n, r) => n + r[0]!, 0)).toBe(now);
  });

  it('makes no comparison over a month it does not hold, and says which', async () => {
    const c = await generateEdition(ctx(), { quarter: '2023Q4' }, policeDataReport);
    const s = c.sections[0]!.content;
    expect(s.figures[0]!.comparison).toBeUndefined();
    expect(s.notes.join(' ')).toContain('Months not held: 2022-10, 2022-11, 2022-12');
    const none = await generateEdition(ctx(), { quarter: '2026Q1' }, policeDataReport);
    expect(none.sections[0]!.content.figures).toEqual([]);
    expect(none.sections[0]!.content.notes.join(' ')).toContain('No open data is held for 2026Q1');
  });

  it('renders every format and audits the export', async () => {
    const html = await quarterlyReport(ctx(), { quarter: '2025Q3', format: 'html', profile: 'public' }, policeDataReport);
    const text = Buffer.from(html.bytes).toString();
    expect(text).toContain('Winter outlook: ASB incidents by month, October to February');
    expect(text).toContain('Disclosure: Public');
    const json = JSON.parse(Buffer.from((await quarterlyReport(ctx(), { quarter: '2025Q3', format: 'json', profile: 'internal' }, policeDataReport)).bytes).toString()) as { sections: { figures: { value: number }[] }[] };
    expect(json.sections[0]!.figures[0]!.value).toBe(sum(recount(), ['2025-07', '2025-08', '2025-09']));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await quarterlyReport(ctx(), { quarter: '2025Q3', format: 'xlsx', profile: 'public' }, policeDataReport)).bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Sources');
    const audit = (await sql<{ action: string; record_id: string }>`select action, record_id from audit_log where record_type = 'report' order by id`.execute(t.handle.db)).rows;
    expect(audit.length).toBe(3);
    expect(audit[0]).toMatchObject({ action: 'export', record_id: '2025Q3' });
  });

  it('leaves a section the reader may not see empty, saying why, and fails on any other error', async () => {
    const forbidden = { id: 'secret', title: 'Secret', order: 1, build: async () => { throw new AppError('forbidden', 'Your role (partner) may not youth counts'); } };
    const c = await generateEdition(ctx(), { quarter: '2025Q3' }, [forbidden, ...policeDataReport]);
    expect(c.sections[0]).toMatchObject({ id: 'secret', content: { figures: [], tables: [], notes: ['This section is not available to your role: Your role (partner) may not youth counts.'] } });
    const broken = { ...forbidden, build: async () => { throw new Error('boom'); } };
    await expect(generateEdition(ctx(), { quarter: '2025Q3' }, [broken])).rejects.toThrow('boom');
  });

  it('refuses the internal edition to a partner agency', async () => {
    const partner = makeContext({ db: t.handle.db, auditKey, actor: { kind: 'user', principal: { userId: 9, username: 'p', role: 'partner', districts: [] } as never }, scope: { kind: 'agency', agencyId: 1, agencyName: 'Council' } });
    await expect(quarterlyReport(partner, { quarter: '2025Q3', format: 'json', profile: 'internal' }, policeDataReport)).rejects.toThrow(/not the internal one/);
  });
});
