/**
 * What a KPI is (issue 18): a versioned definition held in the configuration store under
 * `kpis.<id>` (kind json). Defaults ship in `platform/config-store/defaults/kpis.ts`; a force or
 * partnership adds local versions (admin only, audited, `hub config set` / POST /api/config).
 * Every figure names the version id it used ('default:kpis.sv-u25@1', 'local:17').
 *
 * The definition is checked here (zod) whenever it is read: a local version that does not fit is
 * refused with the field and the reason, never computed.
 */
import { z } from 'zod';

/** Where the counts come from. */
export const KPI_SOURCES = [
  'force-crimes', // the force's crime extracts (records module): one crime per reference
  'force-incidents', // the force's incident extracts (records module): ASB incidents with their category
  'open-data', // data.police.uk street-level crime and ASB (police-data module)
  'power-use', // the ASB powers register: one record per act (powers module)
  'home-visits', // home visits made to parents or carers of dispersed children (powers module)
  'workbooks', // youth workbooks completed (youth module)
  'youth-followup', // the youth follow-up measure: children with a further formal outcome (youth module)
] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];

export const KPI_SOURCE_WORDS: Record<KpiSource, string> = {
  'force-crimes': "The force's crime records (imported extracts)",
  'force-incidents': "The force's incident records (imported extracts)",
  'open-data': 'data.police.uk street-level crime and anti-social behaviour',
  'power-use': 'ASB powers register (one record per act)',
  'home-visits': 'ASB powers register: home visits after dispersal directions to children',
  'workbooks': 'Youth workbooks recorded in Prevention Hub',
  'youth-followup': 'Youth follow-up measure (workbooks, programme referrals, deferred outcomes)',
};

export const LOCATION_TYPES = ['home', 'street', 'retail', 'licensed_premises', 'education', 'transport', 'open_space', 'other'] as const;
export const ASB_CATEGORIES = ['personal', 'nuisance', 'environmental'] as const;
export const POWER_ACTS = [
  'dispersal_authorisation', 'dispersal_direction', 'cpw', 'cpn', 'cpn_fpn', 's59_warning', 's59_seizure', 'closure_notice', 'closure_order',
] as const;
export const DISCLOSURE_PROFILES = ['internal', 'public', 'child'] as const;

const code = z.string().trim().min(1).max(20);
const age = z.number().int().min(0).max(130);

export const offenceCodeSetSchema = z.object({
  /** The list's name ("Serious violence (local list)"). */
  name: z.string().trim().min(1).max(200),
  codes: z.array(code).min(1).max(500).refine((c) => new Set(c).size === c.length, 'must not repeat a code'),
  /** Where the codes and their meaning come from. */
  source: z.string().trim().min(1).max(1000),
  /** Each code with its Home Office description (shown beside the definition). */
  descriptions: z.record(z.string(), z.string()).optional(),
}).strict();

export const kpiFiltersSchema = z.object({
  offenceCodes: offenceCodeSetSchema.optional(),
  /** The victim's age on the committed-from date, both ends included. */
  victimAge: z.object({ min: age.optional(), max: age.optional() }).strict()
    .refine((a) => a.min !== undefined || a.max !== undefined, 'give min, max or both')
    .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, 'min must not be above max')
    .optional(),
  domestic: z.boolean().optional(),
  knife: z.boolean().optional(),
  locationTypes: z.array(z.enum(LOCATION_TYPES)).min(1).optional(),
  excludeLocationTypes: z.array(z.enum(LOCATION_TYPES)).min(1).optional(),
  asbCategories: z.array(z.enum(ASB_CATEGORIES)).min(1).optional(),
  /** data.police.uk categories (open data only). */
  openDataCategories: z.array(z.string().trim().min(1).max(100)).min(1).optional(),
  /** Powers register acts (power use only). */
  powerActs: z.array(z.enum(POWER_ACTS)).min(1).optional(),
  /** Workbook categories (workbooks only). */
  workbookCategories: z.array(z.string().trim().min(1).max(100)).min(1).optional(),
  districts: z.array(z.string().trim().min(1).max(100)).min(1).optional(),
  /** Repeat victims: people with at least this many incidents in the period (force incidents only). */
  repeatVictimMinIncidents: z.number().int().min(2).max(100).optional(),
}).strict();

export const kpiMeasureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), counts: z.string().trim().min(1).max(100) }).strict(),
  z.object({
    kind: z.literal('rate-per-1000'), counts: z.string().trim().min(1).max(100),
    /** The people the rate is per: ages of the population estimates (whole bands only). */
    populationAge: z.object({ min: age.optional(), max: age.optional() }).strict().optional(),
  }).strict(),
  z.object({
    kind: z.literal('share'), counts: z.string().trim().min(1).max(100),
    /** What the denominator counts, in words ("children whose follow-up window has passed"). */
    denominator: z.string().trim().min(1).max(300),
  }).strict(),
]);

export const kpiComparisonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same-quarter-last-year') }).strict(),
  z.object({ kind: z.literal('previous-quarter') }).strict(),
  z.object({ kind: z.literal('year-to-date') }).strict(),
  z.object({ kind: z.literal('baseline'), baseline: z.string().regex(/^(\d{4}Q[1-4]|\d{4}-\d{2}Q[1-4])$/, 'a quarter like 2024Q3 or 2024-25Q2') }).strict(),
]);

export const kpiDefinitionSchema = z.object({
  title: z.string().trim().min(1).max(200),
  /** 'local definition, to confirm' until the partnership has agreed it. */
  status: z.enum(['local definition, to confirm', 'agreed']),
  /** The definition in words, as printed beside every figure. */
  description: z.string().trim().min(1).max(2000),
  source: z.enum(KPI_SOURCES),
  filters: kpiFiltersSchema,
  measure: kpiMeasureSchema,
  /** One row per value of this (ASB category, power) besides the district rows. */
  splitBy: z.enum(['asb-category', 'power-act', 'workbook-category']).optional(),
  comparison: kpiComparisonSchema,
  significance: z.object({
    test: z.literal('e-test'),
    interval: z.literal('exact-conditional-binomial'),
    level: z.literal(0.95),
  }).strict(),
  disclosure: z.object({
    profiles: z.array(z.enum(DISCLOSURE_PROFILES)).min(1),
    /** Counts below this are flagged as small numbers (not to be read as a trend). */
    smallNumberThreshold: z.number().int().min(1).max(100),
  }).strict(),
}).strict().superRefine((d, ctx) => {
  const bad = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const f = d.filters;
  const crimeOnly = ['offenceCodes', 'victimAge', 'domestic', 'knife'] as const;
  if (d.source !== 'force-crimes') for (const k of crimeOnly) if (f[k] !== undefined) bad(['filters', k], `only force crime records hold this (source is ${d.source})`);
  if ((f.locationTypes || f.excludeLocationTypes) && d.source !== 'force-crimes' && d.source !== 'force-incidents') bad(['filters', 'locationTypes'], 'only force records hold location types');
  if ((f.asbCategories || f.repeatVictimMinIncidents !== undefined) && d.source !== 'force-incidents') bad(['filters', 'asbCategories'], 'only force incident records hold ASB categories and people');
  if (f.openDataCategories && d.source !== 'open-data') bad(['filters', 'openDataCategories'], 'only open data has these categories');
  if (f.powerActs && d.source !== 'power-use') bad(['filters', 'powerActs'], 'only the powers register has acts');
  if (f.workbookCategories && d.source !== 'workbooks') bad(['filters', 'workbookCategories'], 'only workbooks have these categories');
  if (d.splitBy === 'asb-category' && d.source !== 'force-incidents') bad(['splitBy'], 'ASB categories come from force incident records');
  if (d.splitBy === 'power-act' && d.source !== 'power-use') bad(['splitBy'], 'acts come from the powers register');
  if (d.splitBy === 'workbook-category' && d.source !== 'workbooks') bad(['splitBy'], 'categories come from workbooks');
  if (d.measure.kind === 'share' && d.source !== 'youth-followup') bad(['measure', 'kind'], `a share needs a source that counts its denominator (youth-followup); ${d.source} counts only events`);
  if (d.source === 'youth-followup' && d.measure.kind !== 'share') bad(['measure', 'kind'], 'the youth follow-up measure is a share');
  if (d.source === 'youth-followup' && d.comparison.kind === 'year-to-date') bad(['comparison', 'kind'], 'the youth follow-up measure is computed for whole quarters only');
  if (d.measure.kind === 'rate-per-1000' && d.source !== 'force-crimes' && d.source !== 'force-incidents' && d.source !== 'open-data') {
    bad(['measure', 'kind'], 'a rate per 1,000 people needs counts of crimes or incidents');
  }
  if (d.measure.kind === 'rate-per-1000' && d.splitBy) bad(['splitBy'], 'a rate is given by district only');
});

export type KpiDefinition = z.output<typeof kpiDefinitionSchema>;
export type KpiComparison = z.output<typeof kpiComparisonSchema>;
export type KpiFilters = z.output<typeof kpiFiltersSchema>;

/** The KPI id of a configuration key ('kpis.sv-u25' -> 'sv-u25'). */
export const KPI_KEY_PREFIX = 'kpis.';
export const kpiKey = (id: string) => `${KPI_KEY_PREFIX}${id}`;

/** The filters in words, for provenance and the definition panel. */
export function filtersInWords(d: KpiDefinition): Record<string, string> {
  const f = d.filters;
  const out: Record<string, string> = {};
  if (f.offenceCodes) out['Offence codes'] = `${f.offenceCodes.name}: ${f.offenceCodes.codes.join(', ')}`;
  if (f.victimAge) {
    const { min, max } = f.victimAge;
    out['Victim age on the date first committed'] = min !== undefined && max !== undefined ? `${min} to ${max}` : min !== undefined ? `${min} or over` : `under ${max! + 1}`;
  }
  if (f.domestic !== undefined) out['Domestic'] = f.domestic ? 'domestic only' : 'not domestic';
  if (f.knife !== undefined) out['Knife or sharp instrument'] = f.knife ? 'knife-enabled only' : 'not knife-enabled';
  if (f.locationTypes) out['Location'] = f.locationTypes.map(words).join(', ');
  if (f.excludeLocationTypes) out['Location left out'] = f.excludeLocationTypes.map(words).join(', ') + ' (and unknown locations)';
  if (f.asbCategories) out['ASB category'] = f.asbCategories.join(', ');
  if (f.openDataCategories) out['Category'] = f.openDataCategories.join(', ');
  if (f.powerActs) out['Powers'] = f.powerActs.map(words).join(', ');
  if (f.workbookCategories) out['Workbook category'] = f.workbookCategories.join(', ');
  if (f.districts) out['Districts'] = f.districts.join(', ');
  if (f.repeatVictimMinIncidents !== undefined) out['Repeat victim'] = `named in at least ${f.repeatVictimMinIncidents} incidents in the period`;
  return out;
}

const words = (s: string) => s.replace(/_/g, ' ');
