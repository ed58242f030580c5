import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ConfigSnapshot } from '../../platform/config-store/index.js';
import type { FigureSource } from '../../platform/module/report.js';
import { profileAt } from './disclosure/profiles.js';
import { publishEdition, type EditionContent } from './edition.js';
import { editionHtml, editionJson, editionXlsx } from './render.js';

const config = new ConfigSnapshot([]);
const src = (definition: string): FigureSource => ({ definition, version: 'test v1', source: 'Generated test records', filters: { district: 'Thanet' }, dataCutoff: '2025-09-30' });

const content: EditionContent = {
  title: 'Prevention quarterly report',
  period: { quarter: '2025Q3', from: '2025-07-01', to: '2025-09-30', previousYear: { from: '2024-07-01', to: '2024-09-30' }, asOf: '2025-10-05' },
  generatedAt: '2025-10-06T08:30:00.000Z',
  sections: [
    {
      id: 'youth', title: 'Children and young people', order: 20,
      content: {
        figures: [{ id: 'reframe', label: 'Reframe referrals', count: 3, source: src('Referrals to Reframe made in the quarter'), comparison: { label: 'same quarter last year', count: 11, p: 0.06 } }],
        tables: [{ id: 'workbooks', title: 'Workbooks completed by category', rows: ['Knives and weapons', 'Arson', 'Anti-social behaviour'], cols: ['Thanet', 'Dover'], cells: [[12, 3], [0, 9], [23, 44]], rowTotals: true, colTotals: true, source: src('Workbooks completed in the quarter'), chart: { kind: 'bar', valueLabel: 'workbooks' } }],
        notes: [],
      },
    },
    {
      id: 'asb', title: 'Anti-social behaviour', order: 10,
      content: { figures: [{ id: 'asb', label: 'ASB incidents', count: 1234, source: src('ASB incidents in the quarter'), comparison: { label: 'same quarter last year', count: 1401, p: 0.0012 } }], tables: [], notes: ['Open data: one ASB category only.'] },
    },
  ],
  manualFigures: [{ id: 'schools', sectionId: 'youth', label: 'Schools signed up', count: 42, source: 'Schools team spreadsheet', owner: 'Schools officer' }],
};

const publish = (id: string) => {
  const { profile, versionId } = profileAt(config, id, content.period.asOf);
  return publishEdition(content, profile, versionId);
};

describe('publishing an edition', () => {
  it('orders sections, numbers figures and tables, and writes an endnote for each', () => {
    const e = publish('internal');
    expect(e.sections.map((s) => s.id)).toEqual(['asb', 'youth']);
    expect(e.endnotes.map((n) => n.ref)).toEqual(['F1', 'F2', 'F3', 'T1']);
    expect(e.endnotes[0]!.text).toContain('ASB incidents in the quarter. Definition version: test v1. Source: Generated test records. Filters: district: Thanet. Period: 2025Q3 (2025-07-01 to 2025-09-30), records as at 2025-10-05. Data cut-off: 2025-09-30');
    expect(e.endnotes[2]!.text).toMatch(/^Entered by hand: Schools signed up. Source: Schools team spreadsheet. Owner: Schools officer/);
    expect(e.sections[0]!.figures[0]!.comparison).toMatchObject({ changePct: -12, p: 0.0012 });
  });
  it('public: hidden counts carry no value, no change and no p-value', () => {
    const e = publish('public');
    const reframe = e.sections[1]!.figures[0]!;
    expect(reframe.count).toEqual({ shown: '*', value: null, hidden: 'primary' });
    expect(reframe.comparison).toMatchObject({ changePct: null, p: null, note: 'a number it rests on is hidden' });
    expect(e.sections[0]!.figures[0]!.count.shown).toBe('1235');
  });
});

describe('rendering', () => {
  it('HTML: the same bytes twice; marking, contents, hidden cells, references and endnotes', async () => {
    const e = publish('public');
    const a = await editionHtml(e, { youth: 'Workbooks rose.\n\nReframe started in July.' });
    expect(await editionHtml(e, { youth: 'Workbooks rose.\n\nReframe started in July.' })).toBe(a);
    expect(a).toContain('<p class="marking" role="note">OFFICIAL</p>');
    expect(a).toContain('<a href="#sec-asb">Anti-social behaviour</a>');
    expect(a).toContain('<p>Reframe started in July.</p>');
    expect(a).toContain('<caption>Workbooks completed by category <a class="ref" href="#note-T1"');
    expect(a).toContain('<li id="note-T1"><strong>T1</strong>:');
    expect(a).toContain('ASB incidents: <strong>1235</strong> (same quarter last year: 1400; change −12%; p = 0.001)');
    expect(a).toMatch(/Reframe referrals: <strong>\*<\/strong>/);
    expect(a).toContain('data-chart="chart-t1"');
    // The table as published: 3 hidden, then 12, 0 and 9 so none can be recovered; 23 -> 25, 44 -> 45.
    expect(a).toMatch(/<th scope="row">Anti-social behaviour<\/th><td class="num">25<\/td><td class="num">45<\/td>/);
    expect(a).not.toMatch(/<td class="num">(3|12)<\/td>/);
  });
  it('HTML internal: exact numbers, the internal marking', async () => {
    const a = await editionHtml(publish('internal'), {});
    expect(a).toContain('OFFICIAL-SENSITIVE');
    expect(a).toMatch(/<th scope="row">Knives and weapons<\/th><td class="num">12<\/td><td class="num">3<\/td><td class="num">15<\/td>/);
  });
  it('JSON: every figure with its provenance; stable', () => {
    const e = publish('public');
    const j = editionJson(e, {});
    expect(editionJson(e, {})).toBe(j);
    const parsed = JSON.parse(j) as { sections: { figures: { ref: string; value: number | null; provenance: { endnote: string } }[]; tables: { cells: string[][] }[] }[] };
    expect(parsed.sections[1]!.figures.map((f) => [f.ref, f.value])).toEqual([['F2', null], ['F3', 40]]);
    expect(parsed.sections[1]!.tables[0]!.cells).toEqual([['*', '*'], ['*', '*'], ['25', '45']]);
    expect(parsed.sections[0]!.figures[0]!.provenance.endnote).toMatch(/^ASB incidents in the quarter/);
  });
  it('XLSX: a figures sheet, a sheet per table and the sources', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await editionXlsx(publish('public'))) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Figures', 'T1 Workbooks completed by categ', 'Sources']);
    const t1 = wb.worksheets[1]!;
    expect(t1.getCell('B6').value).toBe('Thanet');
    expect(t1.getCell('B7').value).toBe('*');
    expect(t1.getCell('B9').value).toBe(25);
  });
});
