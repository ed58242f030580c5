import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { bboxOf, BoundaryFileError, parseBoundaryFile, type BoundaryShape } from '../../ingest/boundaries/boundary-files.js';
import { dissolve } from '../../ingest/boundaries/dissolve.js';
import type { DistrictLookup } from '../../ingest/police-uk/fields.js';
import * as repo from './boundaries.repository.js';
import type { BoundaryLevel, BoundaryTable } from './boundaries.tables.js';

export interface BoundaryInput {
  label: string;
  name: string;
  read(): Promise<string>;
}

export interface BoundaryImportSummary {
  file: string;
  kind: 'lsoa' | 'ward' | 'district' | 'lad-lookup' | null;
  features: number;
  districtsBuilt: number;
  errors: { line: number; message: string }[];
}

/** The district (LAD) lookups from imported LSOA boundaries and district lists, for imports. */
export async function loadDistrictLookup(db: Db): Promise<DistrictLookup> {
  return repo.lookupTables(db);
}

function toRow(s: BoundaryShape, file: string, isDemo: boolean, ladNames: Map<string, string>): BoundaryTable {
  const districtName = (s.districtCode ? ladNames.get(s.districtCode) : undefined) ?? s.districtName;
  const name = s.level === 'district' ? districtName ?? s.name : s.name;
  const [minLon, minLat, maxLon, maxLat] = s.bbox;
  return {
    level: s.level, code: s.code, name, district_code: s.districtCode, district_name: districtName, geometry: s.geometry,
    min_lon: minLon, min_lat: minLat, max_lon: maxLon, max_lat: maxLat, source_file: file, is_demo: isDemo,
  };
}

/** Builds district shapes by dissolving every held LSOA of the given districts. */
async function buildDistricts(db: Db, codes: Set<string>, isDemo: boolean, ladNames: Map<string, string>): Promise<number> {
  if (codes.size === 0) return 0;
  const lsoas = (await repo.lsoaShapes(db)).filter((l) => l.district_code && codes.has(l.district_code));
  const names = new Map(lsoas.map((l) => [l.district_code!, l.district_name]));
  const merged = dissolve(lsoas.map((l) => ({ group: l.district_code!, geometry: l.geometry as Polygon | MultiPolygon })));
  const rows: BoundaryTable[] = [...merged].map(([code, geometry]) => {
    const [minLon, minLat, maxLon, maxLat] = bboxOf(geometry);
    const name = ladNames.get(code) ?? names.get(code) ?? code;
    return {
      level: 'district', code, name, district_code: code, district_name: name, geometry, min_lon: minLon, min_lat: minLat,
      max_lon: maxLon, max_lat: maxLat, source_file: 'dissolved from LSOA boundaries', is_demo: isDemo,
    };
  });
  await repo.upsertBoundaries(db, rows);
  return rows.length;
}

/** Imports boundary files, each atomically; LSOA files also yield district shapes and the lookup. */
export async function importBoundaryFiles(
  db: Db,
  inputs: readonly BoundaryInput[],
  opts: { demo?: boolean; audit?: (trx: Db, event: { action: string; recordType: string; recordId: string; details: Record<string, unknown> }) => Promise<void> } = {},
): Promise<BoundaryImportSummary[]> {
  const isDemo = opts.demo ?? false;
  const out: BoundaryImportSummary[] = [];
  for (const input of inputs) {
    try {
      const content = parseBoundaryFile(input.name, await input.read());
      const summary = await db.transaction().execute(async (trx): Promise<BoundaryImportSummary> => {
        const recorded = async (s: BoundaryImportSummary) => {
          await opts.audit?.(trx, { action: 'import', recordType: 'boundary_file', recordId: input.name, details: { kind: s.kind, features: s.features, districtsBuilt: s.districtsBuilt } });
          return s;
        };
        if (content.kind === 'lad-lookup') {
          await repo.upsertLads(trx, content.lads.map((l) => ({ code: l.code, name: l.name, active_code: l.activeCode, active_name: l.activeName, is_demo: isDemo })));
          await repo.renameDistrictsFromLookup(trx);
          await repo.backfillLadCodes(trx);
          return recorded({ file: input.label, kind: 'lad-lookup', features: content.lads.length, districtsBuilt: 0, errors: [] });
        }
        const ladNames = await repo.ladNames(trx);
        await repo.upsertBoundaries(trx, content.shapes.map((s) => toRow(s, input.name, isDemo, ladNames)));
        const lsoaDistricts = new Set(content.shapes.filter((s) => s.level === 'lsoa' && s.districtCode).map((s) => s.districtCode!));
        const built = await buildDistricts(trx, lsoaDistricts, isDemo, ladNames);
        await repo.backfillLadCodes(trx);
        const levels = new Set(content.shapes.map((s) => s.level));
        return recorded({ file: input.label, kind: levels.size === 1 ? [...levels][0]! : null, features: content.shapes.length, districtsBuilt: built, errors: [] });
      });
      out.push(summary);
    } catch (err) {
      if (!(err instanceof BoundaryFileError) && !(err instanceof AppError)) throw err;
      const m = /^line (\d+): (.*)$/.exec(err.message);
      out.push({ file: input.label, kind: null, features: 0, districtsBuilt: 0, errors: [m ? { line: Number(m[1]), message: m[2]! } : { line: 0, message: err.message }] });
    }
  }
  return out;
}

export interface BoundaryFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { level: BoundaryLevel; code: string; name: string; districtCode: string | null; districtName: string | null; demo: boolean };
    geometry: Polygon | MultiPolygon;
  }[];
}

export async function getBoundaries(db: Db, level: BoundaryLevel, districts: readonly string[] = []): Promise<BoundaryFeatureCollection> {
  const rows = await repo.listBoundaries(db, level, districts);
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      properties: { level: r.level, code: r.code, name: r.name, districtCode: r.district_code, districtName: r.district_name, demo: r.is_demo },
      geometry: (typeof r.geometry === 'string' ? JSON.parse(r.geometry) : r.geometry) as Polygon | MultiPolygon,
    })),
  };
}

export { deleteDemoBoundaries, boundaryCounts } from './boundaries.repository.js';
