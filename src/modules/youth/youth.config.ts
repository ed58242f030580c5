/** The youth module's configuration values on a day (dated keys in config-store/defaults/youth.ts). */
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { loadConfig, type ConfigReader } from '../../platform/config-store/index.js';
import type { FollowupSettings } from './followup.js';

export type YouthConfig = ConfigReader;

export const youthConfig = (db: Db): Promise<YouthConfig> => loadConfig(db);

const num = (c: YouthConfig, key: string, on: string) => c.valueAt(key, on).value as number;
const strings = (c: YouthConfig, key: string, on: string) => (c.valueAt(key, on).value as string[] | null) ?? [];

export const categoriesOn = (c: YouthConfig, on: string) => strings(c, 'youth.workbook.categories', on);
export const programmesOn = (c: YouthConfig, on: string) => strings(c, 'youth.programmes', on);
export const topicsOn = (c: YouthConfig, on: string) => strings(c, 'youth.lesson.topics', on);
/** The outcome reference table in force: code -> description. */
export const outcomeTableOn = (c: YouthConfig, on: string) => (c.valueAt('youth.outcome_codes', on).value as Record<string, string> | null) ?? {};
export const requiresResponsibilityOn = (c: YouthConfig, on: string) => c.valueAt('youth.outcome22.requires_acceptance_of_responsibility', on).value === true;
export const smallCountOn = (c: YouthConfig, on: string) => num(c, 'youth.followup.small_count', on);

export function reframeOn(c: YouthConfig, on: string) {
  const minAge = c.valueAt('youth.reframe.min_age_years', on).value as number | null;
  const maxAge = c.valueAt('youth.reframe.max_age_years', on).value as number | null;
  if (minAge === null || maxAge === null) return null;
  return { minAge, maxAge, drugClasses: strings(c, 'youth.reframe.drug_classes', on).map((d) => d.toUpperCase()) };
}

/** The follow-up settings in force on the as-of date, with the version ids they came from. */
export function followupSettingsOn(c: YouthConfig, on: string): { settings: FollowupSettings; versions: string[] } {
  const w = c.valueAt('youth.followup.window_months', on);
  const l = c.valueAt('youth.followup.lag_months', on);
  const o = c.valueAt('youth.followup.outcome_codes', on);
  return {
    settings: { windowMonths: w.value as number, lagMonths: l.value as number, outcomeCodes: (o.value as string[] | null) ?? [] },
    versions: [w.versionId, l.versionId, o.versionId],
  };
}

/** 400 unless `value` is in the editable list (matched without regard to case); returns the list's spelling. */
export function fromList(list: readonly string[], value: string, field: string, what: string): string {
  const found = list.find((x) => x.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw new AppError('validation', `${field}: '${value}' is not a ${what} in the list in force (${list.join(', ')})`);
  return found;
}
