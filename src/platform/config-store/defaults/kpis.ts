/**
 * The KPI catalogue (issue 18): every measure the report and the partnerships use, one key per KPI
 * (`kpis.<id>`, kind json), checked by the kpis module (src/modules/kpis/kpi.definition.ts) when read.
 * Each is a "local definition, to confirm": the Serious Violence Duty leaves the definition of
 * serious violence to each area (LAW-2026.md section 5), so a partnership replaces these with its
 * agreed versions (`hub config set kpis.<id> ...`); figures keep the version they were computed with.
 */
import { always, type KeyDefinition } from './kinds.js';

/**
 * Serious violence: Home Office Counting Rules for Recorded Crime classification numbers (the
 * notation of the rules: 4/1, not the 4.1 of ONS tables), names as published in the rules and the
 * ONS police recorded crime offence hierarchy. The selection is local and to confirm against the
 * partnership's strategic needs assessment; a force whose extracts carry other codes (for example
 * three-digit class and subclass numbers) sets a local version with its own list.
 */
const SERIOUS_VIOLENCE_CODES = {
  name: 'Serious violence (local list, to confirm)',
  codes: ['1', '4/1', '4/2', '4/10', '2', '3B', '5D', '5E', '34A', '34B', '10A', '10C', '10D'],
  descriptions: {
    '1': 'Murder',
    '4/1': 'Manslaughter',
    '4/2': 'Infanticide',
    '4/10': 'Corporate manslaughter',
    '2': 'Attempted murder',
    '3B': 'Threats to kill',
    '5D': 'Assault with intent to cause serious harm',
    '5E': 'Endangering life',
    '34A': 'Robbery of business property',
    '34B': 'Robbery of personal property',
    '10A': 'Possession of firearms with intent',
    '10C': 'Possession of other weapons',
    '10D': 'Possession of article with blade or point',
  },
  source: 'Home Office Counting Rules for Recorded Crime (Violence against the Person, Robbery, Possession of Weapons), classification numbers; names as in the ONS police recorded crime offence hierarchy: homicide (1, 4/1, 4/2, 4/10), attempted murder (2), threats to kill (3B), assault with intent to cause serious harm (5D), endangering life (5E), robbery (34A, 34B), possession of weapons (10A, 10C, 10D). The selection is local, to confirm with the partnership (Serious Violence Duty: each area defines serious violence).',
};

const SIGNIFICANCE = { test: 'e-test', interval: 'exact-conditional-binomial', level: 0.95 } as const;
const SAME_QUARTER = { kind: 'same-quarter-last-year' } as const;
const PREVIOUS_QUARTER = { kind: 'previous-quarter' } as const;
const TO_CONFIRM = 'local definition, to confirm';
const SVD = 'Local definition, to confirm: Serious Violence Duty guidance (each area agrees its own definition of serious violence, https://www.gov.uk/government/publications/serious-violence-duty); Kent Police quarterly report measures (LAW-2026.md section 5)';

export const KPIS_DEFAULTS = {
  'kpis.sv_u25': {
    description: 'KPI: serious violence with victims under 25 (force crime records).',
    kind: 'json',
    versions: [always({
      title: 'Serious violence, victims under 25',
      status: TO_CONFIRM,
      description: 'Crimes on the serious violence offence list with at least one victim aged under 25 on the date the offence was first committed, counted once per crime by the date recorded.',
      source: 'force-crimes',
      filters: { offenceCodes: SERIOUS_VIOLENCE_CODES, victimAge: { max: 24 } },
      measure: { kind: 'count', counts: 'crimes' },
      comparison: SAME_QUARTER,
      significance: SIGNIFICANCE,
      disclosure: { profiles: ['internal', 'public'], smallNumberThreshold: 10 },
    }, SVD)],
  },
  'kpis.sv_u25_outside_home': {
    description: 'KPI: serious violence with victims under 25, outside the home (non-domestic, public place).',
    kind: 'json',
    versions: [always({
      title: 'Serious violence outside the home, victims under 25',
      status: TO_CONFIRM,
      description: 'As "serious violence, victims under 25", leaving out domestic crimes and crimes at a home or of unknown location: the public-place, non-domestic subset.',
      source: 'force-crimes',
      filters: { offenceCodes: SERIOUS_VIOLENCE_CODES, victimAge: { max: 24 }, domestic: false, excludeLocationTypes: ['home'] },
      measure: { kind: 'count', counts: 'crimes' },
      comparison: SAME_QUARTER,
      significance: SIGNIFICANCE,
      disclosure: { profiles: ['internal', 'public'], smallNumberThreshold: 10 },
    }, `${SVD}; "outside the home" is the public-place, non-domestic subset (Kent & Medway partnership, verify)`)],
  },
  'kpis.knife_sv_u25': {
    description: 'KPI: knife-enabled serious violence with victims under 25.',
    kind: 'json',
    versions: [always({
      title: 'Knife-enabled serious violence, victims under 25',
      status: TO_CONFIRM,
      description: 'Crimes on the serious violence offence list marked as involving a knife or sharp instrument, with at least one victim under 25 on the date first committed.',
      source: 'force-crimes',
      filters: { offenceCodes: SERIOUS_VIOLENCE_CODES, victimAge: { max: 24 }, knife: true },
      measure: { kind: 'count', counts: 'crimes' },
      comparison: SAME_QUARTER,
      significance: SIGNIFICANCE,
      disclosure: { profiles: ['internal'], smallNumberThreshold: 10 },
    }, `${SVD}; Kent's own measure: knife-enabled serious violence for under-25s (Home Office knife crime flag)`)],
  },
  'kpis.sv_u25_rate': {
    description: 'KPI: serious violence with victims under 25 per 1,000 people aged under 25.',
    kind: 'json',
    versions: [always({
      title: 'Serious violence, victims under 25, per 1,000 people under 25',
      status: TO_CONFIRM,
      description: 'Serious violence crimes with a victim under 25, per 1,000 people aged 0 to 24 in the ONS mid-year population estimates for the year the period ends in (the latest year held if that is not yet published).',
      source: 'force-crimes',
      filters: { offenceCodes: SERIOUS_VIOLENCE_CODES, victimAge: { max: 24 } },
      measure: { kind: 'rate-per-1000', counts: 'crimes', populationAge: { max: 24 } },
      comparison: SAME_QUARTER,
      significance: SIGNIFICANCE,
      disclosure: { profiles: ['internal', 'public'], smallNumberThreshold: 10 },
    }, `${SVD}; population: ONS mid-year estimates by LSOA and age`)],
  },
  'kpis.asb_by_category': {
    description: 'KPI: ASB incidents by category (personal, nuisance, environmental), force incident records.',
    kind: 'json',
    versions: [always({
      title: 'Anti-social behaviour incidents by category',
      status: TO_CONFIRM,
      description: 'Incidents recorded as anti-social behaviour in the force incident records, counted once per incident reference by the date recorded, by category (personal, nuisance, environmental).',
      source: 'force-incidents',
      filters: { asbCategories: ['personal', 'nuisance', 'environmental'] },
      measure: { kind: 'count', counts: 'incidents' },
      splitBy: 'asb-category',
      comparison: SAME_QUARTER,
      significance: SIGNIFICANCE,
      disclosure: { profiles: ['internal', 'public'], smallNumberThreshold: 10 },
    }, 'Local definition, to confirm: National Standard for Incident Recording ASB categories (personal, nuisance, environmental); Kent Police quarterly report (winter outlook)')],
  },
  'kpis.asb_open_data': {
    description: 'KPI: anti-social behaviour in the published open data (one category only).',
    kind: 'json',
    versions: [always({
      title: 'Anti-social behaviour (open data)',
      status: TO_CONFIRM,
      description: 'Rows of the data.police.uk category "Anti-social behaviour", by the month of the incident; open data has no ASB types and no victims.',
      source: 'open-data',
      filters: { openDataCategories: ['Anti-social behaviour'] },
      measure: { kind: 'count', counts: 'incidents' },
      comparison: SAME_QUARTER,
      significance: SIGNIFICANCE,
      disclosure: { profiles: ['internal', 'public'], smallNumberThreshold: 10 },
    }, 'Local definition, to confirm: data.police.uk street-level crime, category "Anti-social behaviour"')],
  },
  'kpis.asb_repeat_victims': {
    description: 'KPI: repeat victims of ASB (people named in at least 3 ASB incidents in the period).',
    kind: 'json',
    versions: [always({
      title: 'Repeat victims of anti-social behaviour',
      status: TO_CONFIRM,
      description: 'People (keyed pseudonyms in the force incident records) named in at least 3 anti-social behaviour incidents recorded in the period, each person counted once, in the district of their latest incident.',
      source: 'force-incidents',
      filters: { asbCategories: ['personal', 'nuisance', 'environmental'], repeatVictimMinIncidents: 3 },
      measure: { kind: 'count', counts: 'people' },
      comparison: SAME_QUARTER,
      significance: SIGNIFICANCE,
      disclosure: { profiles: ['internal'], smallNumberThreshold: 10 },
    }, 'Local definition, to confirm: ASB case review threshold of three complaints (ASB, Crime and Policing Act 2014 s104; local threshold)')],
  },
  'kpis.enforcement_by_power': {
    description: 'KPI: uses of ASB powers by power (powers register).',
    kind: 'json',
    versions: [always({
      title: 'Enforcement by power',
      status: TO_CONFIRM,
      description: 'Acts recorded in the powers register within the rules, by the London date of the act, one per record: dispersal authorisations and directions, CPWs, CPNs, fixed penalties for CPN breaches, section 59 warnings and seizures, closure notices and orders (variations, extensions and adjournments are not new uses).',
      source: 'power-use',
      filters: {},
      measure: { kind: 'count', counts: 'acts' },
      splitBy: 'power-act',
      comparison: SAME_QUARTER,
      significance: SIGNIFICANCE,
      disclosure: { profiles: ['internal', 'public'], smallNumberThreshold: 10 },
    }, 'Local definition, to confirm: Kent Police quarterly report (enforcement by power); ASB, Crime and Policing Act 2014')],
  },
  'kpis.workbooks_completed': {
    description: 'KPI: youth workbooks completed.',
    kind: 'json',
    versions: [always({
      title: 'Youth workbooks completed',
      status: TO_CONFIRM,
      description: 'Workbooks completed in the period (date completed), one per workbook, by the district of the workbook.',
      source: 'workbooks',
      filters: {},
      measure: { kind: 'count', counts: 'workbooks' },
      splitBy: 'workbook-category',
      comparison: PREVIOUS_QUARTER,
      significance: SIGNIFICANCE,
      disclosure: { profiles: ['internal', 'child'], smallNumberThreshold: 10 },
    }, 'Local definition, to confirm: Kent Police quarterly report (youth workbooks by category)')],
  },
  'kpis.youth_followup': {
    description: 'KPI: the youth follow-up measure (children with a further formal outcome within the window).',
    kind: 'json',
    versions: [always({
      title: 'Youth follow-up: further formal outcome',
      status: TO_CONFIRM,
      description: 'Of the children who completed an intervention (workbook, programme or deferred outcome) in the period and whose follow-up window and lag have passed, the share with a further formal outcome in the window (the youth follow-up settings state the window, lag and outcome codes).',
      source: 'youth-followup',
      filters: {},
      measure: { kind: 'share', counts: 'children with a further formal outcome', denominator: 'children who completed an intervention in the period and whose window and lag have passed' },
      comparison: PREVIOUS_QUARTER,
      significance: SIGNIFICANCE,
      disclosure: { profiles: ['internal', 'child'], smallNumberThreshold: 10 },
    }, 'Local definition, to confirm: Kent Police quarterly report ("92% do not go on to receive a further formal outcome"); youth follow-up settings in the configuration store')],
  },
  'kpis.home_visits_after_dispersal': {
    description: 'KPI: home visits made to the parents or carers of children given a dispersal direction.',
    kind: 'json',
    versions: [always({
      title: 'Home visits after dispersals',
      status: TO_CONFIRM,
      description: 'Home visits to the parents or carers of a child given a dispersal direction, counted by the date the visit was made, one per visit task.',
      source: 'home-visits',
      filters: {},
      measure: { kind: 'count', counts: 'visits' },
      comparison: SAME_QUARTER,
      significance: SIGNIFICANCE,
      disclosure: { profiles: ['internal', 'child'], smallNumberThreshold: 10 },
    }, 'Local definition, to confirm: Kent Police quarterly report (officers visited the homes of 65 children after dispersals)')],
  },
} as const satisfies Record<string, KeyDefinition>;
