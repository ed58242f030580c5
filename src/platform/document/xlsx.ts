/**
 * Workbooks (XLSX) of tables through ExcelJS: one sheet per table, a title and notes above a
 * frozen header row, numbers stored as numbers (hidden cells as the text shown, e.g. "*"). The
 * document dates come from the caller (an edition's date), so the same tables give the same
 * workbook apart from the zip's own timestamps. ExcelJS is loaded on first use.
 */

export type ColumnKind = 'text' | 'count' | 'number' | 'percent';

export interface SheetTable {
  /** Sheet name (made safe: at most 31 characters, no []:*?/\, unique within the workbook). */
  name: string;
  title: string;
  columns: readonly { header: string; kind: ColumnKind }[];
  rows: readonly (readonly (string | number | null)[])[];
  /** Lines under the title: the disclosure profile, the period, the source. */
  notes?: readonly string[];
}

const FORMATS: Record<ColumnKind, string | undefined> = { text: undefined, count: '#,##0', number: '#,##0.0##', percent: '0.0"%"' };

/** Sheet names as Excel allows them, unique (case-insensitive) within one workbook. */
export function safeSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base = (raw.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim() || 'Sheet').slice(0, 31);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export async function workbookXlsx(sheets: readonly SheetTable[], meta: { title: string; creator: string; created: Date }): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator;
  wb.lastModifiedBy = meta.creator;
  wb.title = meta.title;
  wb.created = meta.created;
  wb.modified = meta.created;
  const names = safeSheetNames(sheets.map((s) => s.name));
  sheets.forEach((s, k) => {
    for (const [i, r] of s.rows.entries()) {
      if (r.length !== s.columns.length) throw new Error(`sheet '${s.name}': row ${i + 1} has ${r.length} values for ${s.columns.length} columns`);
    }
    const notes = s.notes ?? [];
    const headerRow = notes.length + 3;
    const ws = wb.addWorksheet(names[k]!, { views: [{ state: 'frozen', ySplit: headerRow }] });
    ws.getCell(1, 1).value = s.title;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    notes.forEach((n, i) => {
      ws.getCell(2 + i, 1).value = n;
      ws.getCell(2 + i, 1).font = { italic: true, color: { argb: 'FF505A5F' } };
    });
    s.columns.forEach((c, j) => {
      const cell = ws.getCell(headerRow, j + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.border = { bottom: { style: 'thin' } };
      if (c.kind !== 'text') cell.alignment = { horizontal: 'right' };
      ws.getColumn(j + 1).width = Math.min(60, Math.max(10, c.header.length + 2, ...s.rows.map((r) => String(r[j] ?? '').length + 2)));
    });
    s.rows.forEach((r, i) => {
      r.forEach((v, j) => {
        const cell = ws.getCell(headerRow + 1 + i, j + 1);
        cell.value = v;
        const kind = s.columns[j]!.kind;
        const fmt = FORMATS[kind];
        if (fmt && typeof v === 'number') cell.numFmt = fmt;
        if (kind !== 'text') cell.alignment = { horizontal: 'right' };
      });
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
