/**
 * ONS mid-year population estimates by LSOA and age band, so counts can be given per 1,000
 * people. The file is a CSV with the columns `year, lsoa_code, age_min, age_max, population`
 * (age_max blank: "and over"), one row per LSOA, year and band (docs/force-records.md shows how
 * ONS's single-year-of-age tables are brought to it). A file is atomic; the years it holds
 * replace those years held before.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { copyInto } from '../../platform/db/kysely-driver.js';
import { decodeUtf8, parseCsv, scanBadCharacters } from '../../ingest/csv/csv.js';
import { MAX_LISTED_PROBLEMS } from './records.import.js';

export interface PopulationImportSummary {
  file: string;
  years: number[];
  rows: number;
  oldRows: number | null;
  newRows: number | null;
  errors: { line: number; message: string }[];
  errorCount: number;
}

const HEADER = ['year', 'lsoa_code', 'age_min', 'age_max', 'population'] as const;
/** England (E01), Wales (W01) and the demo's fictional Demoshire (X01). */
const LSOA = /^[EWX]01\d{6}$/;
const INT = /^\d+$/;

export async function importPopulationFile(
  db: Db,
  file: { label: string; name: string; content: string | Uint8Array },
  opts: { by: string; audit?: (trx: Db, event: { action: string; recordType: string; recordId: string; details: Record<string, unknown> }) => Promise<void> },
): Promise<PopulationImportSummary> {
  const errors: { line: number; message: string }[] = [];
  let errorCount = 0;
  const problem = (line: number, message: string) => {
    errorCount++;
    if (errors.length < MAX_LISTED_PROBLEMS) errors.push({ line, message });
  };
  const text = typeof file.content === 'string' ? file.content : decodeUtf8(file.content, (p) => problem(p.line, p.message));
  const hasQuotes = text.includes('"');
  scanBadCharacters(text, hasQuotes, (p) => problem(p.line, p.message));
  const records = parseCsv(text, (p) => problem(p.line, p.message), hasQuotes);
  const head = records.next();
  const done = (over: Partial<PopulationImportSummary>): PopulationImportSummary => ({
    file: file.label, years: [], rows: 0, oldRows: null, newRows: null, errors: [...errors].sort((a, b) => a.line - b.line), errorCount, ...over,
  });
  if (head.done) return done({ errors: [{ line: 1, message: 'the file is empty: no header' }], errorCount: 1 });
  const header = head.value.fields.map((h) => h.trim().toLowerCase());
  const at = HEADER.map((h) => header.indexOf(h));
  const missing = HEADER.filter((_, i) => at[i]! < 0);
  if (missing.length) return done({ errors: [{ line: 1, message: `the header lacks ${missing.join(', ')} (columns: ${HEADER.join(', ')})` }], errorCount: 1 });
  const [iYear, iLsoa, iMin, iMax, iPop] = at as [number, number, number, number, number];

  const seen = new Set<string>();
  const years = new Set<number>();
  const lines: string[] = [];
  let rows = 0;
  for (const r of records) {
    rows++;
    const f = r.fields.map((x) => x.trim());
    if (f.length !== header.length) {
      problem(r.line, `${f.length} fields where the header has ${header.length}`);
      continue;
    }
    const [year, lsoa, min, max, pop] = [f[iYear]!, f[iLsoa]!, f[iMin]!, f[iMax]!, f[iPop]!];
    const reason =
      !/^(19|20)\d{2}$/.test(year) ? `year: '${year}' is not a year`
        : !LSOA.test(lsoa) ? `lsoa_code: '${lsoa}' is not an LSOA code`
          : !INT.test(min) || Number(min) > 130 ? `age_min: '${min}' is not an age from 0 to 130`
            : max !== '' && (!INT.test(max) || Number(max) > 130 || Number(max) < Number(min)) ? `age_max: '${max}' is not an age from age_min to 130 (blank: and over)`
              : !INT.test(pop) || Number(pop) > 1_000_000 ? `population: '${pop}' is not a whole number of people`
                : seen.has(`${year}|${lsoa}|${Number(min)}`) ? `a second estimate for ${lsoa}, ${year}, ages from ${min}`
                  : null;
    if (reason) {
      problem(r.line, reason);
      continue;
    }
    seen.add(`${year}|${lsoa}|${Number(min)}`);
    years.add(Number(year));
    lines.push(`${Number(year)}\t${lsoa}\t${Number(min)}\t${max === '' ? '\\N' : Number(max)}\t${Number(pop)}\n`);
  }
  if (errorCount > 0) return done({ rows });
  if (rows === 0) return done({ errors: [{ line: 2, message: 'no data rows after the header' }], errorCount: 1 });
  const yearList = [...years].sort();
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7245013, hashtext('population'))`.execute(trx);
    const old = await sql<{ n: number }>`select count(*)::int8 as n from records_population where year in (${sql.join(yearList)})`.execute(trx);
    const oldRows = Number(old.rows[0]?.n ?? 0);
    await sql`delete from records_population where year in (${sql.join(yearList)})`.execute(trx);
    await copyInto(trx, { table: 'records_population', columns: ['year', 'lsoa_code', 'age_min', 'age_max', 'population'], chunks: [lines.join('')], format: 'text' });
    const rec = await trx.insertInto('records_population_import').values({ file_name: file.name, years: yearList, row_count: rows, imported_by: opts.by }).returning('id').executeTakeFirstOrThrow();
    await opts.audit?.(trx, { action: 'records.population.import', recordType: 'records_population_import', recordId: String(rec.id), details: { file: file.name, years: yearList, rows, oldRows } });
    return done({ years: yearList, rows, oldRows, newRows: rows });
  });
}
