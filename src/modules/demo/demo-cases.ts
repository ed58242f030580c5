/**
 * Demo CASE records for the quick start: fictional people, places, partner agencies, problems in
 * several OSARA stages, a Proactive Management Plan and a panel meeting, in the demo supervisor's
 * district. Everything goes through the modules' own services (rules, audit and scope apply),
 * acting as the CLI actor 'demo', so every row they record carries `created_by = 'demo'`; the
 * first real import removes them again (each module's `demo.remove` in the registry; platform/demo/removal.ts).
 */
import type { Db } from '../../platform/db/database.js';
import { createAgency, listAgencies } from '../partners/index.js';
import { cliCaller, createPerson, createPlace } from '../people/index.js';
import { addAction, closeProblem, computeAssessment, createProblem, linkProblemPerson, linkProblemPlace, moveStage, updateProblem } from '../problems/index.js';
import { addIntervention, addPartnerAction, addRiskFactor, changePlanStatus, createPlan } from '../plans/index.js';
import { addAgendaItem, addDecision, addMeeting, addPanelAction, createPanel } from '../panels/index.js';
import { DEMO_DEFAULT_END_MONTH, DEMO_DEFAULT_MONTHS, DEMO_DEFAULT_SEED, monthRange } from './demo-data.js';
import { bilinear, buildGeography, type DemoLsoa } from './demo-geometry.js';
import type { Actor } from '../../platform/policy.js';

import { DEMO_ACTOR, DEMO_AGENCY_PREFIX, DEMO_PARTNER_AGENCY } from '../../platform/demo/removal.js';

export { DEMO_ACTOR };

const actor: Actor = { kind: 'cli', name: DEMO_ACTOR };
const caller = cliCaller(DEMO_ACTOR);

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysFrom = (now: Date, days: number) => isoDay(new Date(now.getTime() + days * DAY));
const yearsBefore = (now: Date, years: number, days: number) => isoDay(new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate()) - days * DAY));
const centreOf = (l: DemoLsoa) => { const [lon, lat] = bilinear(l.corners, 0.5, 0.5); return { lon, lat }; };

export interface DemoCases {
  people: number[];
  places: number[];
  agencies: number[];
  problems: { id: number; stage: string }[];
  plan: number;
  panel: number;
}

/** The demo district's areas: its town centre (the treated area of the closed problem) and the rest. */
function areasOf(district: string) {
  const lsoas = buildGeography(DEMO_DEFAULT_SEED).lsoas.filter((l) => l.district.name === district);
  const centre = lsoas.find((l) => l.townCentre);
  if (!centre || lsoas.length < 4) throw new Error(`demo cases: '${district}' is not a demo district`);
  const rest = lsoas.filter((l) => l !== centre);
  return { centre, rest };
}

async function agencies(db: Db, auditKey: Buffer): Promise<{ csp: number; yjs: number; council: number }> {
  const known = await listAgencies(db, caller.principal);
  const make = async (name: string, kind: 'community_safety_partnership' | 'youth_justice' | 'council') =>
    known.find((a) => a.name.toLowerCase() === name.toLowerCase())?.id ?? (await createAgency(db, auditKey, caller.principal, { name, kind }, DEMO_ACTOR)).id;
  return {
    csp: await make(DEMO_PARTNER_AGENCY, 'community_safety_partnership'),
    yjs: await make(`${DEMO_AGENCY_PREFIX}Demoshire Youth Justice Service`, 'youth_justice'),
    council: await make(`${DEMO_AGENCY_PREFIX}Demoshire District Council`, 'council'),
  };
}

/**
 * Creates the demo case records in `district` (a demo district, e.g. 'Ambermere'), owned by the
 * demo accounts demo-supervisor and demo-officer (create them first). `now` sets ages and dates.
 */
export async function loadDemoCases(db: Db, auditKey: Buffer, district: string, now = new Date()): Promise<DemoCases> {
  const { centre, rest } = areasOf(district);
  return createCases(db, auditKey, district, now, { centre, rest }, await agencies(db, auditKey));
}

async function createCases(
  db: Db, auditKey: Buffer, district: string, now: Date,
  area: { centre: DemoLsoa; rest: DemoLsoa[] }, agency: { csp: number; yjs: number; council: number },
): Promise<DemoCases> {
  const person = async (givenName: string, familyName: string, dateOfBirth: string, address: string) =>
    (await createPerson(db, auditKey, caller, { givenName, familyName, dateOfBirth, district, addresses: [{ address, district }], confirmNew: true })).id;
  const people = {
    child: await person('DEMO Riley', 'Quillfeather', yearsBefore(now, 15, 40), '12 Heron Close (DEMO address)'),
    offender: await person('DEMO Morgan', 'Thistlewood', yearsBefore(now, 31, 100), '4 Foundry Lane (DEMO address)'),
    victim: await person('DEMO Sam', 'Pebblecroft', yearsBefore(now, 52, 200), '88 Kestrel Road (DEMO address)'),
    witness: await person('DEMO Casey', 'Larkspur', yearsBefore(now, 24, 10), '7 Meadow Walk (DEMO address)'),
  };
  const place = async (name: string, premisesType: string, at: { lon: number; lat: number }) =>
    (await createPlace(db, auditKey, caller, { name, address: `${name} (DEMO address)`, ...at, premisesType, confirmNew: true })).id;
  const places = {
    station: await place(`DEMO ${district} Bus Station`, 'transport_hub', centreOf(area.centre)),
    shops: await place('DEMO Kestrel Road Parade', 'shop', centreOf(area.rest[0]!)),
    park: await place('DEMO Rowan Park', 'park_open_space', centreOf(area.rest[1]!)),
  };

  const months = monthRange(DEMO_DEFAULT_END_MONTH, DEMO_DEFAULT_MONTHS);
  const evalStart = months[months.length - 7]!; // six whole months after it, up to the newest demo month
  const baseline = { baselineFrom: months[months.length - 13]!, baselineTo: months[months.length - 8]! };
  const objective = (target: string) => ({ objectiveTarget: target, ...baseline, ownerUsername: 'demo-supervisor', reviewDate: daysFrom(now, 28) });
  const scanning = (statement: string, why: string) => ({ statement, whyProblem: why, filter: { district: [district], lsoa: [], category: [] } });
  const analysis = (offender: string, victim: string, place: string) => ({
    offender, victimTarget: victim, placeDescription: place,
    handler: 'DEMO: parents and the school', guardian: 'DEMO: shop staff and passers-by', manager: 'DEMO: the landlord of the premises',
    dataSources: 'DEMO: the generated demo street-level incidents and demo partner notes', hypotheses: 'DEMO: a small group of repeat offenders exploits poor guardianship in the evenings',
  });
  const problem = async (title: string, statementType: string, fields: Record<string, unknown>) =>
    (await createProblem(db, auditKey, actor, { title, district, statementType, ...fields })).id;

  // Objective: just opened.
  const opened = await problem('DEMO: Anti-social behaviour in Rowan Park', 'place', { objectiveTarget: 'DEMO: 25% fewer ASB reports in Rowan Park within six months' });
  await linkProblemPlace(db, auditKey, actor, opened, { placeId: places.park });

  // Analysis: objective and scanning done.
  const analysing = await problem('DEMO: Vehicle crime around the bus station car park', 'place', {
    ...objective('DEMO: 20% fewer vehicle crimes in the car park over six months'),
    ...scanning('DEMO: thefts from vehicles cluster in the bus station car park in the evenings.', 'DEMO: the car park is the busiest vehicle crime spot in the district.'),
  });
  await moveStage(db, auditKey, actor, analysing, { stage: 'analysis', note: 'DEMO: scanning agreed' });

  // Response: the full triangle, people and places linked, two actions (one with the demo partnership).
  const responding = await problem('DEMO: Shoplifting and youth disorder on Kestrel Road', 'behaviour', {
    ...objective('DEMO: 50% fewer shoplifting reports at the Kestrel Road parade within six months'),
    ...scanning('DEMO: repeated shoplifting and groups of young people causing disorder at the parade after school.', 'DEMO: shopkeepers report daily incidents; one shop is considering closing.'),
    ...analysis('DEMO: two or three known local young people and one adult handling the goods', 'DEMO: small independent shops with no door staff', 'DEMO: the parade has blind corners and no CCTV'),
  });
  await linkProblemPlace(db, auditKey, actor, responding, { placeId: places.shops });
  await linkProblemPerson(db, auditKey, actor, responding, { personId: people.child, role: 'young_person_at_risk' });
  await linkProblemPerson(db, auditKey, actor, responding, { personId: people.offender, role: 'offender' });
  await linkProblemPerson(db, auditKey, actor, responding, { personId: people.victim, role: 'victim' });
  await addAction(db, auditKey, actor, responding, { description: 'DEMO: fit CCTV and improve lighting at the parade', mechanism: 'situational', ownerUsername: 'demo-officer', partnerAgencyId: agency.csp, dueDate: daysFrom(now, 21) });
  await addAction(db, auditKey, actor, responding, { description: 'DEMO: refer the young people to the diversion scheme', mechanism: 'diversion', ownerUsername: 'demo-officer', partnerAgencyId: agency.yjs, dueDate: daysFrom(now, 7), status: 'done' });
  await moveStage(db, auditKey, actor, responding, { stage: 'response', note: 'DEMO: responses agreed at the panel' });

  // Closed: evaluated with the WDD on the demo incidents (town centre against the rest of the district).
  const closed = await problem('DEMO: Night-time violence around the bus station', 'time', {
    ...objective('DEMO: 30% fewer violent incidents around the bus station on weekend nights'),
    ...scanning('DEMO: violence and disorder around the bus station between 22:00 and 03:00 at weekends.', 'DEMO: the most harmful cluster of violence in the district.'),
    ...analysis('DEMO: groups leaving the late bars', 'DEMO: people waiting for the last buses', 'DEMO: a poorly lit bus station with no staff after 22:00'),
  });
  await linkProblemPlace(db, auditKey, actor, closed, { placeId: places.station });
  await linkProblemPerson(db, auditKey, actor, closed, { personId: people.witness, role: 'witness' });
  await addAction(db, auditKey, actor, closed, { description: 'DEMO: late-night marshals and a taxi marshal at the bus station', mechanism: 'situational', ownerUsername: 'demo-officer', partnerAgencyId: agency.council, dueDate: daysFrom(now, -30), status: 'done' });
  await moveStage(db, auditKey, actor, closed, { stage: 'assessment', note: 'DEMO: response delivered' });
  const assessed = await computeAssessment(db, auditKey, actor, closed, {
    evalStart, evalPreMonths: 6, evalPostMonths: 6, areaTreated: [area.centre.code], areaControl: area.rest.slice(2).map((l) => l.code),
  });
  const estimate = (assessed.assessment?.result as { estTotal?: number } | undefined)?.estTotal ?? 0;
  await updateProblem(db, auditKey, actor, closed, {
    outcome: estimate < 0 ? 'reduced' : 'handled_better',
    outcomeDetail: 'DEMO: judged from the computed assessment of the generated demo incidents',
    lessons: 'DEMO: marshals need the council and the bus operator on board from the start',
  });
  await closeProblem(db, auditKey, actor, closed, { reason: 'DEMO: evaluated and handed to business as usual' });

  // A Proactive Management Plan for the child, with a youth justice partner action, made active.
  const plan = (await createPlan(db, auditKey, actor, {
    personId: people.child, subjectKind: 'young_person_at_risk', district, owner: 'demo-officer',
    summary: 'DEMO: keep Riley out of the Kestrel Road group and back in school', nextReviewDue: daysFrom(now, 10),
  })).id;
  await addRiskFactor(db, auditKey, actor, plan, { factor: 'DEMO: association with older offenders', level: 'high' });
  await addIntervention(db, auditKey, actor, plan, { what: 'DEMO: weekly mentoring sessions', mechanism: 'support', agencyId: agency.yjs, dueDate: daysFrom(now, 14) });
  await addPartnerAction(db, auditKey, actor, plan, { agencyId: agency.yjs, action: 'DEMO: youth justice assessment and diversion offer', dueDate: daysFrom(now, 7) });
  await changePlanStatus(db, auditKey, actor, plan, { to: 'active' });

  // A panel with a meeting whose agenda has the response problem and the plan.
  const panel = (await createPanel(db, auditKey, actor, {
    name: `DEMO ${district} Problem-Solving Panel`, kind: 'district_prevention_problem_solving', districts: [district],
    chair: 'DEMO Inspector (chair)', memberAgencyIds: [agency.csp, agency.yjs, agency.council],
  })).id;
  const meeting = (await addMeeting(db, auditKey, actor, panel, {
    heldOn: daysFrom(now, -7), location: `DEMO ${district} Police Station`,
    attendees: [{ name: 'DEMO Inspector (chair)' }, { name: 'DEMO partnership officer', agencyId: agency.csp }, { name: 'DEMO youth justice worker', agencyId: agency.yjs }],
  })).id;
  const item = (await addAgendaItem(db, auditKey, actor, panel, meeting, { problemId: responding, note: 'DEMO: CCTV quote received; diversion referrals made' })).id;
  await addAgendaItem(db, auditKey, actor, panel, meeting, { planId: plan, note: 'DEMO: plan agreed and activated' });
  const decision = (await addDecision(db, auditKey, actor, panel, meeting, { text: 'DEMO: fund the CCTV from the partnership budget', agendaItemId: item })).id;
  await addPanelAction(db, auditKey, actor, panel, meeting, { description: 'DEMO: confirm the CCTV installation date', ownerName: 'DEMO partnership officer', ownerAgencyId: agency.csp, dueDate: daysFrom(now, 14), agendaItemId: item, decisionId: decision });

  return {
    people: Object.values(people), places: Object.values(places), agencies: Object.values(agency),
    problems: [{ id: opened, stage: 'objective' }, { id: analysing, stage: 'analysis' }, { id: responding, stage: 'response' }, { id: closed, stage: 'closed' }],
    plan, panel,
  };
}
