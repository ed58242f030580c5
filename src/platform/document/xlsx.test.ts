import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { safeSheetNames, workbookXlsx } from './xlsx.js';

describe('workbooks', () => {
  it('one sheet per table: title, notes, frozen header, numbers as numbers and hidden cells as shown', async () => {
    const buf = await workbookXlsx(
      [
        { name: 'Workbooks', title: 'Workbooks completed by category', notes: ['Public profile: counts 1-7 shown as *', 'July to September 2025'], columns: [{ header: 'Category', kind: 'text' }, { header: 'Completed', kind: 'count' }], rows: [['Knives and weapons', 25], ['Arson', '*'], ['Total', 40]] },
        { name: 'Sources', title: 'Where each figure comes from', columns: [{ header: 'Figure', kind: 'text' }, { header: 'Definition', kind: 'text' }], rows: [['F1', 'Workbooks completed in the quarter (v1)']] },
      ],
      { title: 'Quarterly report', creator: 'Prevention Hub', created: new Date('2025-10-15T09:00:00Z') },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Workbooks', 'Sources']);
    const ws = wb.getWorksheet('Workbooks')!;
    expect(ws.getCell('A1').value).toBe('Workbooks completed by category');
    expect(ws.getCell('A2').value).toBe('Public profile: counts 1-7 shown as *');
    expect([ws.getCell('A5').value, ws.getCell('B5').value]).toEqual(['Category', 'Completed']);
    expect(ws.getCell('B6').value).toBe(25);
    expect(ws.getCell('B7').value).toBe('*');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(wb.created?.toISOString()).toBe('2025-10-15T09:00:00.000Z');
  });
  it('makes sheet names Excel accepts, unique', () => {
    expect(safeSheetNames(['ASB: by power [Q3]', 'asb  by power  Q3 ', 'A very long sheet name that goes past thirty-one', ''])).toEqual(['ASB by power Q3', 'asb by power Q3 2', 'A very long sheet name that goe', 'Sheet']);
  });
  it('refuses a row that does not fit the columns', async () => {
    await expect(workbookXlsx([{ name: 'x', title: 'x', columns: [{ header: 'a', kind: 'text' }], rows: [['a', 1]] }], { title: 't', creator: 'c', created: new Date(0) })).rejects.toThrow(/row 1 has 2 values for 1 columns/);
  });
});
