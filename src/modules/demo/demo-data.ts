/**
 * A synthetic, seeded demo dataset so an empty database can show a working system.
 *
 * It is FICTION: a made-up force, "Demoshire Police (demo data)", with invented districts, areas
 * and streets. Nothing here is read from or derived from real data. The output has the same shape
 * as the real downloads (data.police.uk street CSVs, an ONS-style LSOA GeoJSON and an
 * la_all_codes.csv-style district lookup), so it goes through the ordinary importers.
 *
 * Pure: the same options always give byte-identical files (no clock, no Math.random, no I/O).
 */
import { buildGeography, type DemoDistrict, type DemoLsoa } from './demo-geometry.js';
import { monthsBetween } from './demo-categories.js';
import { buildIncidentModel, generateMonth, streetCsv } from './demo-incidents.js';
import { buildSnapPoints } from './demo-places.js';

export { DEMO_FORCE_NAME, STREET_CSV_HEADER } from './demo-incidents.js';

/** How the dataset is labelled for people: always say it is demo data. */
export const DEMO_FORCE_LABEL = 'Demoshire Police (demo data)';
/** The force id the importer derives from "Demoshire Police" and the file names. */
export const DEMO_FORCE_ID = 'demoshire';
export const DEMO_DEFAULT_SEED = 20250930;
export const DEMO_DEFAULT_MONTHS = 24;
export const DEMO_DEFAULT_END_MONTH = '2025-09';
export const DEMO_LSOA_FILE = 'demoshire-lsoa.geojson';
export const DEMO_DISTRICT_FILE = 'demoshire-districts.csv';

export interface DemoDataset {
  /** data.police.uk "street" CSV files, one per month, named like `2024-10-demoshire-street.csv` */
  streetFiles: { name: string; text: string }[];
  /** One GeoJSON FeatureCollection (WGS84 lon/lat) of LSOA-like areas; file name `demoshire-lsoa.geojson` */
  lsoaGeoJson: { name: string; text: string };
  /** District lookup CSV in the la_all_codes.csv layout; name `demoshire-districts.csv` */
  districtCsv: { name: string; text: string };
}

export interface DemoOptions {
  seed?: number;
  /** Number of monthly files, ending at endMonth (default 24). */
  months?: number;
  /** Newest month, YYYY-MM (default 2025-09). */
  endMonth?: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The `count` months ending at `end`, oldest first. */
export function monthRange(end: string, count: number): string[] {
  const m = MONTH.exec(end);
  if (!m) throw new RangeError(`endMonth: '${end}' is not a month (YYYY-MM)`);
  const last = Number(m[1]) * 12 + Number(m[2]) - 1;
  if (last - count + 1 < 12) throw new RangeError(`${count} months ending ${end} start before year 1`);
  const out: string[] = [];
  for (let k = last - count + 1; k <= last; k++) {
    out.push(`${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

export function generateDemoData(opts: DemoOptions = {}): DemoDataset {
  const seed = opts.seed ?? DEMO_DEFAULT_SEED;
  const months = opts.months ?? DEMO_DEFAULT_MONTHS;
  const endMonth = opts.endMonth ?? DEMO_DEFAULT_END_MONTH;
  if (!Number.isFinite(seed)) throw new RangeError(`seed: ${seed} is not a number`);
  if (!Number.isInteger(months) || months < 1 || months > 240) throw new RangeError(`months: ${months} is not a whole number from 1 to 240`);
  const monthList = monthRange(endMonth, months);
  if (Number(monthList[0]!.slice(0, 4)) < 1900) throw new RangeError(`endMonth: ${endMonth} is too early`);

  const { districts, lsoas } = buildGeography(seed);
  const points = lsoas.map((l) => buildSnapPoints(seed, l));
  const model = buildIncidentModel(lsoas, points);

  const streetFiles = monthList.map((month) => ({
    name: `${month}-${DEMO_FORCE_ID}-street.csv`,
    text: streetCsv(month, generateMonth(seed, model, month, monthsBetween(month, endMonth))),
  }));
  return {
    streetFiles,
    lsoaGeoJson: { name: DEMO_LSOA_FILE, text: lsoaGeoJsonText(lsoas) },
    districtCsv: { name: DEMO_DISTRICT_FILE, text: districtCsvText(districts) },
  };
}

function lsoaGeoJsonText(lsoas: readonly DemoLsoa[]): string {
  const fc = {
    type: 'FeatureCollection',
    // foreign members (allowed by RFC 7946) so the file says what it is when opened on its own
    name: 'Demoshire LSOAs (demo data)',
    description: `Fictional areas for ${DEMO_FORCE_LABEL}; not real places or real data.`,
    features: lsoas.map((l) => ({
      type: 'Feature',
      properties: { LSOA21CD: l.code, LSOA21NM: l.name, LADCD_ACTIVE: l.district.code },
      geometry: { type: 'Polygon', coordinates: [l.ring] },
    })),
  };
  return `${JSON.stringify(fc)}\n`;
}

function districtCsvText(districts: readonly DemoDistrict[]): string {
  const lines = ['LADCD,LADNM,LADCD_ACTIVE,LADNM_ACTIVE', ...districts.map((d) => `${d.code},${d.name},${d.code},${d.name}`)];
  return `${lines.join('\n')}\n`;
}
