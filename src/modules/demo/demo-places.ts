/**
 * "Snap points": data.police.uk anonymises each incident to one of a limited set of points
 * (a street or a landmark such as "Supermarket"), so the same coordinates repeat. Each demo LSOA
 * gets 5–25 such points, all strictly inside its polygon, with generic street-like names.
 */
import { bilinear, distanceToRing, pointInRing, round6, type DemoLsoa, type LonLat } from './demo-geometry.js';
import { Rng } from './demo-random.js';

/** What kind of place a point is; crime types favour some kinds (shoplifting → retail). */
export type PlaceKind = 'street' | 'retail' | 'night' | 'parking' | 'transport' | 'leisure' | 'public';

export interface SnapPoint {
  lon: number;
  lat: number;
  /** "On or near …" */
  location: string;
  kind: PlaceKind;
  /** How often incidents land here, relative to the other points of the LSOA. */
  weight: number;
}

const STREET_STEMS = [
  'Mill', 'Church', 'Station', 'Oak', 'Willow', 'Meadow', 'Chapel', 'Orchard', 'Bridge', 'Rowan', 'Hazel', 'Kestrel',
  'Larch', 'Foundry', 'Granary', 'Heron', 'Beech', 'Alder', 'Lark', 'Brook', 'Quarry', 'Cedar', 'Fern', 'Maple',
  'Holly', 'Badger', 'Copper', 'Weaver', 'Pound', 'Tannery', 'Sorrel', 'Thistle', 'Linnet', 'Poplar', 'Clover', 'Wren',
];
const STREET_TYPES = ['Street', 'Road', 'Lane', 'Close', 'Avenue', 'Way', 'Drive', 'Crescent', 'Grove', 'Gardens', 'Place', 'Walk'];

/** Landmark-style names as data.police.uk uses them, with their kind. */
const CENTRE_PLACES: [string, PlaceKind][] = [
  ['High Street', 'retail'],
  ['Shopping Area', 'retail'],
  ['Supermarket', 'retail'],
  ['Market Street', 'retail'],
  ['Nightclub', 'night'],
  ['Parking Area', 'parking'],
  ['Bus/Coach Station', 'transport'],
  ['Theatre/Concert Hall', 'night'],
  ['Police Station', 'public'],
];
const LOCAL_PLACES: [string, PlaceKind, number][] = [
  ['Supermarket', 'retail', 0.4],
  ['Parking Area', 'parking', 0.5],
  ['Petrol Station', 'retail', 0.25],
  ['Sports/Recreation Area', 'leisure', 0.3],
  ['Park/Open Space', 'leisure', 0.35],
  ['Further/Higher Educational Building', 'public', 0.12],
  ['Hospital', 'public', 0.05],
  ['Pedestrian Subway', 'street', 0.08],
];

/** Keep points at least this share of the cell size away from the LSOA edge. */
const EDGE_MARGIN = 0.04;

function pointInside(rng: Rng, lsoa: DemoLsoa): LonLat {
  const [sw, se, , nw] = lsoa.corners;
  const size = Math.min(Math.abs(se[0] - sw[0]), Math.abs(nw[1] - sw[1]));
  for (let attempt = 0; attempt < 100; attempt++) {
    const [x, y] = bilinear(lsoa.corners, rng.range(0.08, 0.92), rng.range(0.08, 0.92));
    const p: LonLat = [round6(x), round6(y)];
    if (pointInRing(p, lsoa.ring) && distanceToRing(p, lsoa.ring) > EDGE_MARGIN * size) return p;
  }
  const [x, y] = bilinear(lsoa.corners, 0.5, 0.5);
  return [round6(x), round6(y)];
}

export function snapPointCount(lsoa: DemoLsoa): number {
  return Math.max(5, Math.min(25, Math.round(4 + 4 * lsoa.density + 3 * lsoa.hotspot)));
}

export function buildSnapPoints(seed: number, lsoa: DemoLsoa): SnapPoint[] {
  const rng = Rng.derive(seed, `places:${lsoa.code}`);
  const count = snapPointCount(lsoa);
  const named: [string, PlaceKind][] = [];
  const used = new Set<string>();
  const add = (name: string, kind: PlaceKind) => {
    if (named.length < count && !used.has(name)) {
      used.add(name);
      named.push([name, kind]);
    }
  };
  if (lsoa.townCentre) for (const [name, kind] of CENTRE_PLACES) add(name, kind);
  for (const [name, kind, p] of LOCAL_PLACES) if (rng.chance(p * (lsoa.hotspot > 1 ? 1.5 : 1))) add(name, kind);
  while (named.length < count) add(`${rng.pick(STREET_STEMS)} ${rng.pick(STREET_TYPES)}`, 'street');
  rng.shuffle(named);

  return named.map(([name, kind], rank) => {
    const [lon, lat] = pointInside(rng, lsoa);
    // a few busy points and a long tail of quiet ones
    const weight = rng.range(0.5, 1.5) / Math.pow(rank + 1, 0.8);
    return { lon, lat, location: `On or near ${name}`, kind, weight };
  });
}
