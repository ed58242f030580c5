/**
 * Generated, clearly labelled SYNTHETIC extracts in the shape of a records-system export (the
 * worked example in docs/examples/force-records/, the demo, the tests and the benchmark). Every
 * person is a made-up nominal id (N + 8 digits); places are the caller's. Pure and seeded: one
 * seed always gives byte-identical files. The column names are the worked example's mapping
 * files' (EXAMPLE_COLUMNS), a plausible Niche/Athena-style export, not any system's published spec.
 */
import { csvLine } from '../../platform/csv.js';
import { addDays, daysBetween } from '../../platform/time/london.js';

/** mulberry32 (small, fast, seeded). */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof rng>;

/** The worked example's column names, per kind (docs/examples/force-records/*.mapping.*). */
export const EXAMPLE_COLUMNS = {
  crimes: [
    'CrimeRef', 'HOCode', 'HOOffence', 'FirstCommitted', 'LastCommitted', 'CreatedDate', 'Easting', 'Northing', 'LSOA',
    'LocalAuthority', 'VictimNominal', 'VictimDOB', 'DomesticFlag', 'LocationCode', 'WeaponUsed', 'KnifeFlag', 'SuspectNominals', 'OffenderNominals',
  ],
  incidents: ['IncidentRef', 'CreatedDate', 'ClosingCode', 'ASBType', 'Easting', 'Northing', 'LSOA', 'LocalAuthority', 'LocationCode', 'Nominals'],
  outcomes: ['CrimeRef', 'OutcomeCode', 'OutcomeText', 'OutcomeDate', 'OffenderNominal', 'LocalAuthority'],
} as const;

/** Illustrative offences (the shape of Home Office classification codes, NNN/NN). */
export const EXAMPLE_OFFENCES = [
  { code: '008/06', text: 'Assault with injury', weight: 14, victim: true, violent: true },
  { code: '105/01', text: 'Assault without injury', weight: 16, victim: true, violent: true },
  { code: '005/01', text: 'Wounding with intent', weight: 2, victim: true, violent: true },
  { code: '034/01', text: 'Robbery of personal property', weight: 3, victim: true, violent: true },
  { code: '010/01', text: 'Possession of an article with a blade or point', weight: 2, victim: false, violent: false },
  { code: '046/00', text: 'Shoplifting', weight: 18, victim: false, violent: false },
  { code: '028/01', text: 'Burglary - residential', weight: 8, victim: true, violent: false },
  { code: '058/01', text: 'Criminal damage to a dwelling', weight: 9, victim: true, violent: false },
  { code: '195/12', text: 'Harassment', weight: 8, victim: true, violent: false },
] as const;

/** The example's location codes and our categories (values.locationType of the crimes mapping). */
export const EXAMPLE_LOCATIONS = {
  DWEL: 'home', STRT: 'street', SHOP: 'retail', PUBC: 'licensed_premises', SCHL: 'education', TRAN: 'transport', PARK: 'open_space', OTHR: 'other',
} as const;

/** The example's ASB types (values.asbCategory of the incidents mapping). */
export const EXAMPLE_ASB = { PER: 'personal', NUI: 'nuisance', ENV: 'environmental' } as const;

/** The example's outcome codes (values.outcomeCode of the outcomes mapping) -> Home Office outcome types. */
export const EXAMPLE_OUTCOMES = {
  OC01: { type: '1', text: 'Charged or summonsed' },
  OC02: { type: '2', text: 'Youth caution' },
  OC03: { type: '3', text: 'Adult caution' },
  OC08: { type: '8', text: 'Community resolution' },
  OC14: { type: '14', text: 'Evidential difficulties: victim does not support action' },
  OC15: { type: '15', text: 'Evidential difficulties: suspect identified, victim supports action' },
  OC16: { type: '16', text: 'Evidential difficulties: victim withdraws support' },
  OC18: { type: '18', text: 'Investigation complete: no suspect identified' },
  OC22: { type: '22', text: 'Diversionary, educational or intervention activity' },
} as const;

export interface ExamplePlace {
  lsoa: string | null;
  easting: number;
  northing: number;
  district: string;
}

export interface ExtractSpec {
  seed: number;
  places: readonly ExamplePlace[];
  /** Recorded dates of crimes and incidents, both ends included. */
  from: string;
  to: string;
  /** Outcomes are dated from `from` to this day (the outcome extract's coverage end). */
  outcomesTo: string;
  crimes: number;
  incidents: number;
  /** Size of the pool of nominal ids (people). */
  people: number;
  /** Prefix of references (e.g. 'EX' for the worked example, 'DM' for the demo). */
  refPrefix: string;
  /** Nominal ids that must appear (the demo's linked people): each is a repeat offender and, for some, a victim. */
  namedNominals?: readonly string[];
}

export interface GeneratedExtracts {
  crimes: string;
  incidents: string;
  outcomes: string;
  /** Data rows of each file. */
  rows: { crimes: number; incidents: number; outcomes: number };
}

// The system's one CSV writer (quoting, and no cell read as a formula); lines end in LF like the exports
// of the records systems this imitates.
const line = (cells: readonly string[]) => `${csvLine(cells)}\n`;
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const two = (n: number) => String(n).padStart(2, '0');

function weighted<T extends { weight: number }>(r: Rng, xs: readonly T[]): T {
  const total = xs.reduce((n, x) => n + x.weight, 0);
  let at = r.next() * total;
  for (const x of xs) {
    at -= x.weight;
    if (at < 0) return x;
  }
  return xs[xs.length - 1]!;
}

interface Person {
  nominal: string;
  dob: string;
}

/** The extracts (CSV text with a header line) for a spec. */
export function generateExtracts(spec: ExtractSpec): GeneratedExtracts {
  const r = rng(spec.seed);
  const days = daysBetween(spec.from, spec.to) + 1;
  const outcomeDays = daysBetween(spec.from, spec.outcomesTo) + 1;
  // People: ages 10 to 80 on the first day; offenders drawn mostly from a small, younger group.
  const people: Person[] = [];
  const named = spec.namedNominals ?? [];
  for (let i = 0; i < spec.people; i++) {
    const age = i % 3 === 0 ? r.int(10, 24) : r.int(10, 80);
    people.push({ nominal: named[i] ?? uniqueNominal(spec.seed, i), dob: addDays(spec.from, -(age * 365 + r.int(0, 364))) });
  }
  const offenders = people.filter((_, i) => i < named.length || i % 3 === 0).slice(0, Math.max(1, Math.ceil(spec.people / 6)));
  const place = () => r.pick(spec.places);
  const dateIn = () => addDays(spec.from, r.int(0, days - 1));
  const time = () => `${two(r.int(0, 23))}:${two(r.int(0, 59))}`;

  // Crimes: one row per victim (a crime with several victims has several rows).
  let crimes = line(EXAMPLE_COLUMNS.crimes);
  let crimeRows = 0;
  const charged: { ref: string; offender: string; recorded: string; district: string }[] = [];
  for (let i = 0; i < spec.crimes; i++) {
    const ref = `${spec.refPrefix}/${String(i + 1).padStart(7, '0')}/${spec.from.slice(2, 4)}`;
    const o = weighted(r, EXAMPLE_OFFENCES);
    const recorded = dateIn();
    const committedFrom = r.chance(0.8) ? recorded : addDays(recorded, -r.int(1, 20));
    const from = committedFrom < spec.from ? spec.from : committedFrom;
    const committedTo = r.chance(0.3) ? addDays(from, r.int(0, 3)) : '';
    const to = committedTo !== '' && committedTo > recorded ? recorded : committedTo;
    const p = place();
    const loc = o.code === '046/00' ? 'SHOP' : o.code.startsWith('028') || o.code.startsWith('058') ? 'DWEL' : r.pick(Object.keys(EXAMPLE_LOCATIONS));
    const domestic = o.victim && loc === 'DWEL' && r.chance(0.5) ? 'Y' : r.chance(0.05) ? '' : 'N';
    const knife = o.code === '010/01' || (o.violent && r.chance(0.08)) ? 'Y' : 'N';
    const weapon = knife === 'Y' || (o.violent && r.chance(0.05)) ? 'Y' : 'N';
    const offender = r.chance(0.45) ? r.pick(offenders) : null;
    const suspects = offender ? [offender.nominal, ...(r.chance(0.15) ? [r.pick(offenders).nominal] : [])] : r.chance(0.2) ? [r.pick(people).nominal] : [];
    const victims = o.victim ? (r.chance(0.1) ? 2 : 1) : 1;
    for (let v = 0; v < victims; v++) {
      const victim = o.victim ? r.pick(people) : null;
      const dob = victim && r.chance(0.93) ? dmy(victim.dob) : '';
      const dobOk = dob === '' || victim!.dob <= from;
      crimes += line([
        ref, o.code, o.text, `${dmy(from)} ${time()}`, to ? `${dmy(to)} ${time()}` : '', `${dmy(recorded)} ${time()}`,
        String(Math.round(p.easting + r.int(-150, 150))), String(Math.round(p.northing + r.int(-150, 150))), p.lsoa ?? '', p.district,
        victim?.nominal ?? '', dobOk ? dob : '', domestic, loc, weapon, knife, suspects.join(';'), offender ? offender.nominal : '',
      ]);
      crimeRows++;
    }
    if (offender) charged.push({ ref, offender: offender.nominal, recorded, district: p.district });
  }

  // Incidents: ASB (personal, nuisance, environmental) and other incident types.
  let incidents = line(EXAMPLE_COLUMNS.incidents);
  const types = [
    { code: 'ASB - Personal', asb: 'PER', weight: 6 }, { code: 'ASB - Nuisance', asb: 'NUI', weight: 12 }, { code: 'ASB - Environmental', asb: 'ENV', weight: 4 },
    { code: 'Concern for safety', asb: '', weight: 5 }, { code: 'Suspicious circumstances', asb: '', weight: 4 }, { code: 'Road related', asb: '', weight: 3 },
  ] as const;
  for (let i = 0; i < spec.incidents; i++) {
    const t = weighted(r, types);
    const p = place();
    const who = r.chance(0.4) ? [r.pick(people).nominal, ...(r.chance(0.2) ? [r.pick(offenders).nominal] : [])] : [];
    incidents += line([
      `${spec.refPrefix}I/${String(i + 1).padStart(7, '0')}`, `${dmy(dateIn())} ${time()}`, t.code, t.asb,
      String(Math.round(p.easting + r.int(-150, 150))), String(Math.round(p.northing + r.int(-150, 150))), p.lsoa ?? '', p.district,
      r.pick(['STRT', 'STRT', 'PARK', 'DWEL', 'SHOP', 'TRAN']), [...new Set(who)].join(';'),
    ]);
  }

  // Outcomes: for crimes with an offender, most get one outcome some days after recording (within the outcome coverage).
  let outcomes = line(EXAMPLE_COLUMNS.outcomes);
  let outcomeRows = 0;
  const codes = Object.keys(EXAMPLE_OUTCOMES) as (keyof typeof EXAMPLE_OUTCOMES)[];
  for (const c of charged) {
    if (!r.chance(0.85)) continue;
    const on = addDays(c.recorded, r.int(1, 90));
    if (daysBetween(spec.from, on) >= outcomeDays) continue;
    const code = r.pick(codes.filter((k) => k !== 'OC18'));
    outcomes += line([c.ref, code, EXAMPLE_OUTCOMES[code].text, on, c.offender, c.district]);
    outcomeRows++;
  }
  return { crimes, incidents, outcomes, rows: { crimes: crimeRows, incidents: spec.incidents, outcomes: outcomeRows } };
}

/** A made-up nominal id, unique per index within one seed. */
function uniqueNominal(seed: number, i: number): string {
  return `N${String(10_000_000 + ((seed % 1000) * 100_000 + i) % 90_000_000).padStart(8, '0')}`;
}
