/**
 * Street-level incidents (crimes and anti-social behaviour) for one month, in the shape of a
 * data.police.uk "street" CSV: counts per crime type from the category profiles, each incident
 * placed in an LSOA (hotspots draw several times the average) and snapped to one of its points.
 */
import {
  ASB, BASE_MONTHLY_ROWS, CATEGORIES, NO_LOCATION_SHARE, drawOutcome, monthFactor, type CategoryProfile,
} from './demo-categories.js';
import type { DemoLsoa } from './demo-geometry.js';
import type { SnapPoint } from './demo-places.js';
import { Rng, WeightedPicker } from './demo-random.js';

export const DEMO_FORCE_NAME = 'Demoshire Police';

export const STREET_CSV_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

export interface DemoIncident {
  crimeId: string;
  /** null when published without a location */
  lsoa: DemoLsoa | null;
  point: SnapPoint | null;
  category: string;
  outcome: string;
}

/** Where each crime type happens: which LSOAs, and which points inside them. */
export interface IncidentModel {
  lsoas: readonly DemoLsoa[];
  points: readonly (readonly SnapPoint[])[];
  /** Per category (same order as CATEGORIES). */
  lsoaPickers: WeightedPicker[];
  /** Per category, per LSOA. */
  pointPickers: WeightedPicker[][];
}

export function buildIncidentModel(lsoas: readonly DemoLsoa[], points: readonly (readonly SnapPoint[])[]): IncidentModel {
  return {
    lsoas,
    points,
    lsoaPickers: CATEGORIES.map((c) => new WeightedPicker(lsoas.map((l) => l.density * Math.pow(l.hotspot, c.hotspotAffinity)))),
    pointPickers: CATEGORIES.map((c) =>
      points.map((list) => new WeightedPicker(list.map((p) => p.weight * (c.places[p.kind] ?? 1)))),
    ),
  };
}

/** Expected number of rows of one category in one month (before noise). */
export function expectedCount(category: CategoryProfile, month: string): number {
  const totalShare = CATEGORIES.reduce((a, c) => a + c.share, 0);
  return (BASE_MONTHLY_ROWS * category.share * monthFactor(category, month)) / totalShare;
}

/**
 * The incidents of one month. `age` is how many months before the newest month this one is
 * (it drives how many crimes are still under investigation).
 */
export function generateMonth(seed: number, model: IncidentModel, month: string, age: number): DemoIncident[] {
  const rng = Rng.derive(seed, `incidents:${month}`);
  const located: { lsoaIndex: number; incident: DemoIncident }[] = [];
  const unlocated: DemoIncident[] = [];

  CATEGORIES.forEach((category, ci) => {
    const isAsb = category.name === ASB;
    // a little month-to-month wobble on top of Poisson noise
    const n = rng.poisson(expectedCount(category, month) * Math.max(0.5, 1 + 0.03 * rng.normal()));
    for (let k = 0; k < n; k++) {
      const crimeId = isAsb ? '' : rng.hex64();
      const outcome = drawOutcome(rng, category, age);
      if (!isAsb && rng.chance(NO_LOCATION_SHARE)) {
        unlocated.push({ crimeId, lsoa: null, point: null, category: category.name, outcome });
        continue;
      }
      const li = model.lsoaPickers[ci]!.pick(rng);
      const lsoa = model.lsoas[li]!;
      const point = model.points[li]![model.pointPickers[ci]![li]!.pick(rng)]!;
      located.push({ lsoaIndex: li, incident: { crimeId, lsoa, point, category: category.name, outcome } });
    }
  });

  // like the published files: grouped by area (mixed types within it), no-location rows last
  rng.shuffle(located);
  located.sort((a, b) => a.lsoaIndex - b.lsoaIndex);
  return [...located.map((l) => l.incident), ...rng.shuffle(unlocated)];
}

/** One CSV line (no quoting: the generator never writes commas, quotes or newlines in a field). */
export function incidentLine(month: string, i: DemoIncident): string {
  const where = i.lsoa && i.point
    ? [i.point.lon.toFixed(6), i.point.lat.toFixed(6), i.point.location, i.lsoa.code, i.lsoa.name]
    : ['', '', 'No Location', '', ''];
  return [i.crimeId, month, DEMO_FORCE_NAME, DEMO_FORCE_NAME, ...where, i.category, i.outcome, ''].join(',');
}

export function streetCsv(month: string, incidents: readonly DemoIncident[]): string {
  const lines = [STREET_CSV_HEADER];
  for (const i of incidents) lines.push(incidentLine(month, i));
  return `${lines.join('\n')}\n`;
}
