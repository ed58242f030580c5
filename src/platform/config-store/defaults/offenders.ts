/** Offender management: cohorts, tags and their funders' eligibility, before/after windows, top-N scoring. */
import { always, type KeyDefinition } from './kinds.js';

export const OFFENDERS_DEFAULTS = {
  'offenders.cohort_types': {
    description: 'The cohorts a person can be selected into (editable list). Cohort flags only: nothing from ViSOR or MAPPA is held.',
    kind: 'code_list',
    versions: [always(['IOM fixed', 'IOM flex', 'IOM free', 'MOSOVO', 'Priority nominals', 'Probation'], 'Kent Police quarterly report (IOM fixed/flex/free cohorts, MOSOVO, priority nominals, probation); Neighbourhood Crime IOM Strategy 2020')],
  },
  'offenders.tag_funders': {
    description: 'Who may fund a tag (editable list); a funder with an age limit is listed in offenders.tag_funder_age_limits.',
    kind: 'code_list',
    versions: [always(['IOM', 'VRU', 'Probation', 'Other'], 'Kent Police quarterly report: 15 IOM-funded tags, 8 VRU-funded tags for young people')],
  },
  'offenders.tag_funder_age_limits': {
    description: 'Funders whose tags are only for people up to an age at the day of allocation: { FUNDER: { maxAgeYears, inclusive } }. inclusive true: a person of exactly maxAgeYears is eligible ("up to and including").',
    kind: 'json',
    versions: [always({ VRU: { maxAgeYears: 25, inclusive: true } }, 'Kent & Medway VRU Buddi tag project: voluntary tags for young people up to age 25 (https://kentandmedwayvru.co.uk/project/buddi-tag/; DOMAIN-ANCHORS 3.11)')],
  },
  'offenders.child_under_age_years': {
    description: 'A person under this age at allocation is a child: a tag then needs the consent of a parent or carer as well as the child\'s own.',
    kind: 'integer', unit: 'years',
    versions: [always(18, 'Children Act 1989 s105(1) ("child" means a person under the age of eighteen)')],
  },
  'offenders.before_after_window_days': {
    description: 'Length of each of the equal windows compared before and during/after a tag or cohort membership starts.',
    kind: 'integer', unit: 'days',
    versions: [always(90, 'Local default (three months); the youth follow-up uses fixed windows stated with every figure')],
  },
  'offenders.top_n_scoring': {
    description: 'Recency-frequency-gravity ranking of the top N lists: the offence categories counted, the look-back in days, the weights of recency, frequency and gravity, and the harm index (weight per category; categories not listed weigh defaultHarm).',
    kind: 'json',
    versions: [always({
      name: 'Retail offenders',
      categories: ['Shoplifting', 'Theft from the person', 'Other theft', 'Robbery', 'Public order', 'Criminal damage and arson'],
      lookbackDays: 365,
      weights: { recency: 0.3, frequency: 0.4, gravity: 0.3 },
      harmIndex: { 'Shoplifting': 2, 'Theft from the person': 20, 'Other theft': 5, 'Robbery': 365, 'Public order': 10, 'Criminal damage and arson': 20 },
      defaultHarm: 1,
      harmIndexSource: 'Local relative weights in days, shaped like the Cambridge Crime Harm Index (sentencing starting points); replace with the force\'s CCHI table (verify)',
    }, 'Kent Police quarterly report: the ASB team reviews the top 20 retail offenders; weights are a local choice (verify)')],
  },
} as const satisfies Record<string, KeyDefinition>;
