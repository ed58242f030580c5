import fs from 'node:fs';
import path from 'node:path';
import { expandInputs, type InputFile } from '../../src/ingest/files.js';
import type { BoundaryInput } from '../../src/modules/boundaries/index.js';
import { concurrentFilesFor, importPoliceFiles, incidentFilterSchema, type ImportOptions, type IncidentFilter } from '../../src/modules/police-data/index.js';
import { loadDistrictLookup } from '../../src/modules/boundaries/index.js';
import type { Db } from '../../src/platform/db/database.js';

/** Files on disk as import inputs, through the same expansion the CLI uses. */
export const inputsOf = (...paths: string[]): InputFile[] => expandInputs(paths);

/** An in-memory file as an import input. */
export function textInput(name: string, text: string, label = `memory:${name}`): InputFile {
  return { label, name, bytes: Buffer.byteLength(text), read: async () => text };
}

/** Boundary files on disk as boundary import inputs. */
export function boundaryInputs(...paths: string[]): BoundaryInput[] {
  return paths.map((p) => ({ label: p, name: path.basename(p), read: () => fs.promises.readFile(p, 'utf8') }));
}

/**
 * importPoliceFiles with test defaults: by 'test', the district lookups from the DB, and as
 * many files at once as `hub import` loads on the engine under test.
 */
export async function importFiles(db: Db, inputs: readonly InputFile[], opts: Partial<ImportOptions> = {}) {
  const concurrentFiles = concurrentFilesFor(process.env.HUB_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite');
  return importPoliceFiles(db, inputs, { by: 'test', districts: opts.districts ?? (await loadDistrictLookup(db)), concurrentFiles, ...opts });
}

/** A full IncidentFilter from a partial one (as the HTTP layer would parse it). */
export const filterOf = (f: Record<string, unknown> = {}): IncidentFilter => incidentFilterSchema.parse(f);
