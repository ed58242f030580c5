// Files for download, made in the browser from what the page shows.
import { downloadText } from '../../../app/download';
import { toCsv, type Cell } from '../../explorer/csv';

export { downloadText };

export function downloadCsvRows(filename: string, header: string[], rows: Cell[][]): void {
  downloadText(filename, toCsv(header, rows), 'text/csv;charset=utf-8');
}

/** prevention-hub_<what>_<from>_to_<to>.<ext> */
export function fileName(what: string, ext: string, period?: { from: string; to: string } | null): string {
  return `prevention-hub_${what}${period ? `_${period.from}_to_${period.to}` : ''}.${ext}`;
}
