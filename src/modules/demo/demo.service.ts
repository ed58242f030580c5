import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { InputFile } from '../../ingest/files.js';
import { importBoundaryFiles, loadDistrictLookup } from '../boundaries/index.js';
import { importPoliceFiles } from '../police-data/index.js';
import { generateDemoData } from './demo-data.js';

/** A generated file as an import input (text, which both the police-data and boundary imports read). */
const asInput = (f: { name: string; text: string }): InputFile & { read(): Promise<string> } => ({
  label: `demo:${f.name}`,
  name: f.name,
  bytes: f.text.length,
  read: async () => f.text,
});

/**
 * Fills the database with the generated demo dataset (districts, LSOA shapes, 24 months of
 * street data), all tagged as demo so the first real import removes it.
 */
export async function loadDemoData(
  db: Db,
  by: string,
  audit?: (trx: Db, event: { action: string; recordType: string; recordId: string; details: Record<string, unknown> }) => Promise<void>,
): Promise<{ rows: number; files: number; firstDistrict: string }> {
  const data = generateDemoData();
  const b = await importBoundaryFiles(db, [asInput(data.districtCsv), asInput(data.lsoaGeoJson)], { demo: true, ...(audit ? { audit } : {}) });
  const bad = b.find((s) => s.errors.length);
  if (bad) throw new AppError('internal', `demo boundaries failed: ${bad.errors[0]?.message}`);
  const summaries = await importPoliceFiles(db, data.streetFiles.map(asInput), { by, demo: true, districts: await loadDistrictLookup(db), ...(audit ? { audit } : {}) });
  const failed = summaries.find((s) => s.errorCount > 0);
  if (failed) throw new AppError('internal', `demo data failed: ${failed.file}:${failed.errors[0]?.line}: ${failed.errors[0]?.message}`);
  const firstDistrict = /^[^\n]*\n[^,]*,([^,\n]*)/.exec(data.districtCsv.text)?.[1] ?? 'Demo';
  return { rows: summaries.reduce((n, s) => n + s.rows, 0), files: summaries.length, firstDistrict };
}
