// Files for download, made in the browser from what the page shows.
import { downloadText } from '../../../app/download';
import { downloadCsv, type Cell } from '../../explorer/csv';

export { downloadText };

/** The analyses' CSV downloads: the one CSV writer (src/platform/csv.ts) through the explorer's downloadCsv. */
export function downloadCsvRows(filename: string, header: string[], rows: Cell[][]): void {
  downloadCsv(filename, header, rows);
}

/** prevention-hub_<what>_<from>_to_<to>.<ext> */
export function fileName(what: string, ext: string, period?: { from: string; to: string } | null): string {
  return `prevention-hub_${what}${period ? `_${period.from}_to_${period.to}` : ''}.${ext}`;
}
