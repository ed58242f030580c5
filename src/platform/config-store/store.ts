/**
 * The versioned configuration store, pure part: versions in, the value in force on a day out.
 *
 * Every value has dated versions (`effectiveFrom`..`effectiveTo`, both London calendar dates,
 * inclusive; null = open) and a source. Defaults come from `defaults.ts`; local versions (the
 * database) override them on the days they cover. A decision or figure records the `versionId`
 * of every value it used ('default:<key>@<n>' or 'local:<row id>').
 *
 * Each record type names the instant that selects its rules (a seizure: when the vehicle was
 * seized; a direction: when it was given; a closure notice: when it was served): the London date
 * of that instant picks the version.
 */
import { AppError, ruleRefused, type Finding } from '../errors.js';
import { addDays, isCalendarDate, londonDate } from '../time/london.js';
import { CONFIG_DEFAULTS, RANKS, type ConfigKind, type KeyDefinition } from './defaults.js';

export interface ConfigVersion {
  versionId: string;
  key: string;
  /** 1, 2, ... within the key and origin. */
  version: number;
  /** null: not in force (switched off, repealed, or not commenced). */
  value: unknown;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: string;
  origin: 'default' | 'local';
  createdBy?: string;
  createdAt?: string;
}

/** The value of a key in force on a day, with what it rests on. */
export interface ConfigValue {
  key: string;
  value: unknown;
  /** false when the version in force holds no value (not in force / not commenced). */
  inForce: boolean;
  versionId: string;
  source: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  origin: 'default' | 'local';
}

/** What rules need from the store (a snapshot, or a test double). */
export interface ConfigReader {
  /** The version in force on the London date of `when` (a Date) or on `when` (YYYY-MM-DD); 404 when none. */
  valueAt(key: string, when: Date | string): ConfigValue;
}

export function defaultVersions(defs: Readonly<Record<string, KeyDefinition>> = CONFIG_DEFAULTS): ConfigVersion[] {
  return Object.entries(defs).flatMap(([key, d]) => d.versions.map((v, i) => ({
    versionId: `default:${key}@${i + 1}`, key, version: i + 1, value: v.value,
    effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, source: v.source, origin: 'default' as const,
  })));
}

const covers = (v: Pick<ConfigVersion, 'effectiveFrom' | 'effectiveTo'>, date: string) =>
  (v.effectiveFrom === null || v.effectiveFrom <= date) && (v.effectiveTo === null || date <= v.effectiveTo);

/** The calendar date that selects the rules: a Date is read as its London date. */
export function selectingDate(when: Date | string): string {
  if (typeof when !== 'string') return londonDate(when);
  if (!isCalendarDate(when)) throw new AppError('validation', `'${when}' is not a date (use YYYY-MM-DD)`);
  return when;
}

const toValue = (v: ConfigVersion): ConfigValue => ({
  key: v.key, value: v.value, inForce: v.value !== null, versionId: v.versionId, source: v.source,
  effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, origin: v.origin,
});

/** The defaults and the local versions at one moment. */
export class ConfigSnapshot implements ConfigReader {
  private readonly byKey = new Map<string, { defaults: ConfigVersion[]; locals: ConfigVersion[] }>();
  constructor(locals: readonly ConfigVersion[], readonly definitions: Readonly<Record<string, KeyDefinition>> = CONFIG_DEFAULTS) {
    for (const key of Object.keys(definitions)) this.byKey.set(key, { defaults: [], locals: [] });
    for (const v of defaultVersions(definitions)) this.byKey.get(v.key)!.defaults.push(v);
    for (const v of locals) this.byKey.get(v.key)?.locals.push(v);
  }

  keys(): string[] {
    return [...this.byKey.keys()].sort();
  }

  /** Every version of a key, defaults then local versions, each by start. */
  versions(key: string): ConfigVersion[] {
    const k = this.entry(key);
    const byStart = (a: ConfigVersion, b: ConfigVersion) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '');
    return [...[...k.defaults].sort(byStart), ...[...k.locals].sort(byStart)];
  }

  /** The version in force on the day, or null when no version covers it. A local version wins over a default. */
  findAt(key: string, when: Date | string): ConfigValue | null {
    const k = this.entry(key);
    const date = selectingDate(when);
    const v = k.locals.find((x) => covers(x, date)) ?? k.defaults.find((x) => covers(x, date));
    return v ? toValue(v) : null;
  }

  valueAt(key: string, when: Date | string): ConfigValue {
    const found = this.findAt(key, when);
    if (!found) throw new AppError('not_found', `No value of ${key} is configured for ${selectingDate(when)}`);
    return found;
  }

  /** Every key's value on a day (keys without a version that day are left out). */
  listAt(when: Date | string): ConfigValue[] {
    return this.keys().flatMap((key) => {
      const v = this.findAt(key, when);
      return v ? [v] : [];
    });
  }

  private entry(key: string) {
    const k = this.byKey.get(key);
    if (!k) throw new AppError('not_found', `No configuration value is called '${key}'`);
    return k;
  }
}

/** Checks a value against its key's kind; the reason in words, or null when it fits. null (not in force) always fits. */
export function valueProblem(kind: ConfigKind, value: unknown): string | null {
  if (value === null) return null;
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false (or null: not in force)';
    case 'integer':
      return Number.isInteger(value) && (value as number) >= 0 ? null : 'must be a whole number of at least 0 (or null: not in force)';
    case 'money_gbp':
      return typeof value === 'number' && value >= 0 && Math.round(value * 100) === value * 100 ? null : 'must be an amount in pounds with at most 2 decimals (or null: not in force)';
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? null : 'must be some text (or null: not in force)';
    case 'rank':
      return typeof value === 'string' && (RANKS as readonly string[]).includes(value) ? null : `must be one of ${RANKS.join(', ')} (or null: not in force)`;
    case 'json':
      return typeof value === 'object' ? null : 'must be a JSON object or list (or null: not in force)';
    case 'code_list':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trim() !== '') && new Set(value).size === value.length
        ? null
        : 'must be a list of distinct, non-empty texts (or null: not in force)';
  }
}

/**
 * Checks a module adds for the values of its keys (a KPI definition is checked by the kpis module):
 * keys starting with `prefix`; the reason in words ('field: reason'), or null when the value fits.
 */
const valueChecks: { prefix: string; check: (value: unknown) => string | null }[] = [];
export function registerValueCheck(prefix: string, check: (value: unknown) => string | null): void {
  if (!valueChecks.some((c) => c.prefix === prefix && c.check === check)) valueChecks.push({ prefix, check });
}

export interface NewVersion {
  key: string;
  value: unknown;
  effectiveFrom: string;
  effectiveTo?: string | null | undefined;
  source: string;
}

export interface SetPlan {
  /** The next local version number of the key. */
  version: number;
  /** An open-ended local version the new one closes (its new end), if any. */
  close: { versionId: string; effectiveTo: string } | null;
}

/**
 * Plans adding a local version: a 400 for a bad key, value or period; a 422 (findings) when it
 * would overlap a local version or start before the latest one. A new version may start after an
 * open-ended one, which it closes the day before it starts.
 */
export function planNewVersion(definitions: Readonly<Record<string, KeyDefinition>>, locals: readonly ConfigVersion[], n: NewVersion): SetPlan {
  const def = definitions[n.key];
  if (!def) throw new AppError('validation', `key: no configuration value is called '${n.key}'`, [{ field: 'key', message: `no configuration value is called '${n.key}'` }]);
  const problem = valueProblem(def.kind, n.value);
  if (problem) throw new AppError('validation', `value: ${problem}`, [{ field: 'value', message: problem }]);
  for (const c of n.value === null ? [] : valueChecks.filter((x) => n.key.startsWith(x.prefix))) {
    const p = c.check(n.value);
    if (p) throw new AppError('validation', `value: ${p}`, [{ field: 'value', message: p }]);
  }
  if (!isCalendarDate(n.effectiveFrom)) throw new AppError('validation', `effectiveFrom: '${n.effectiveFrom}' is not a date (use YYYY-MM-DD)`, [{ field: 'effectiveFrom', message: 'is not a date' }]);
  const to = n.effectiveTo ?? null;
  if (to !== null && (!isCalendarDate(to) || to < n.effectiveFrom)) {
    throw new AppError('validation', `effectiveTo: must be a date on or after effectiveFrom (${n.effectiveFrom})`, [{ field: 'effectiveTo', message: 'must be on or after the start' }]);
  }
  if (!n.source.trim()) throw new AppError('validation', 'source: give the law, decision or policy the value rests on', [{ field: 'source', message: 'is required' }]);
  const mine = locals.filter((v) => v.key === n.key);
  const findings: Finding[] = [];
  let close: SetPlan['close'] = null;
  for (const e of mine) {
    const eFrom = e.effectiveFrom ?? '0000-01-01';
    if (n.effectiveFrom <= eFrom) {
      findings.push({
        rule: 'config.starts_after_latest', field: 'effectiveFrom',
        message: `A new version must start after ${eFrom}, when version ${e.version} starts: earlier periods are kept as they were decided.`,
      });
    } else if (e.effectiveTo === null) {
      close = { versionId: e.versionId, effectiveTo: addDays(n.effectiveFrom, -1) };
    } else if (n.effectiveFrom <= e.effectiveTo) {
      findings.push({
        rule: 'config.no_overlap', field: 'effectiveFrom',
        message: `It overlaps version ${e.version} (${eFrom} to ${e.effectiveTo}): start it after ${e.effectiveTo}.`,
      });
    }
  }
  if (findings.length) {
    throw ruleRefused(`Cannot add a version of ${n.key}: ${findings.map((f) => f.message).join(' ')}`, findings);
  }
  return { version: Math.max(0, ...mine.map((v) => v.version)) + 1, close };
}
