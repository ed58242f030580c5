/**
 * What every powers rule shares: reading dated values at the record's selecting instant (and
 * remembering which versions were used), findings with their legal source, ranks, ages, months
 * and places. Everything here is pure.
 */
import { RANKS, type ConfigReader } from '../../../platform/config-store/index.js';
import type { Finding } from '../../../platform/errors.js';
import { ageOn, formatLondon, londonDate } from '../../../platform/time/london.js';

export type Rank = (typeof RANKS)[number];
export { RANKS };

/** A deadline a record sets: a London date, and the exact instant when the law counts hours. */
export interface RuleDeadline {
  kind: string;
  what: string;
  /** London date it falls on (the last day allowed). */
  due: string;
  /** The exact instant (UTC ISO) for hour-counted limits. */
  at?: string;
  legalSource?: string;
}

/** The answer of a rule function: refusing findings, non-refusing notices, deadlines, versions read. */
export interface RuleOutcome {
  findings: Finding[];
  /** Things to show the issuer that do not refuse the record (e.g. CPN requirements differ from the CPW). */
  notices: Finding[];
  deadlines: RuleDeadline[];
  /** versionId of every configuration value the decision read (stored with the event). */
  ruleVersions: string[];
  /** Values the rules computed (expiry instants, age used, time since the warning...). */
  derived: Record<string, unknown>;
}

/** Reads values in force at one selecting instant, collecting findings and the versions used. */
export class RuleRun {
  readonly findings: Finding[] = [];
  readonly notices: Finding[] = [];
  readonly deadlines: RuleDeadline[] = [];
  readonly derived: Record<string, unknown> = {};
  private readonly versions = new Set<string>();
  private readonly sources = new Map<string, string>();
  constructor(readonly store: ConfigReader, readonly at: Date | string) {}

  /** The value of `key` at the selecting instant (null: not in force). */
  value<T>(key: string): T | null {
    const v = this.store.valueAt(key, this.at);
    this.versions.add(v.versionId);
    this.sources.set(key, v.source);
    return v.value as T | null;
  }

  /** A value that must be in force (a rule with no value would decide nothing). */
  need<T>(key: string): T {
    const v = this.value<T>(key);
    if (v === null) throw new Error(`rule value ${key} is not in force on ${typeof this.at === "string" ? this.at : londonDate(this.at)}`);
    return v;
  }

  source(key: string): string {
    if (!this.sources.has(key)) this.value(key);
    return this.sources.get(key)!;
  }

  refuse(rule: string, field: string | undefined, message: string, legalSource?: string): void {
    this.findings.push({ rule, ...(field ? { field } : {}), message, ...(legalSource ? { legalSource } : {}) });
  }

  notice(rule: string, field: string | undefined, message: string, legalSource?: string): void {
    this.notices.push({ rule, ...(field ? { field } : {}), message, ...(legalSource ? { legalSource } : {}) });
  }

  deadline(d: RuleDeadline): void {
    this.deadlines.push(d);
  }

  outcome(): RuleOutcome {
    return { findings: this.findings, notices: this.notices, deadlines: this.deadlines, ruleVersions: [...this.versions].sort(), derived: this.derived };
  }
}

export const ACT_2014 = 'Anti-social Behaviour, Crime and Policing Act 2014';

export function rankIndex(rank: string | null | undefined): number {
  return rank ? (RANKS as readonly string[]).indexOf(rank) : -1;
}

/** Whether `rank` is at least `min` (an unknown or missing rank is not). */
export function rankAtLeast(rank: string | null | undefined, min: string): boolean {
  const r = rankIndex(rank);
  return r >= 0 && r >= rankIndex(min);
}

export const rankWords = (rank: string) => rank.replace(/_/g, ' ');

/** The subject of an act: a person with a date of birth or an apparent age, or a body (company, landlord). */
export interface Subject {
  personId?: number | null | undefined;
  name?: string | null | undefined;
  dateOfBirth?: string | null | undefined;
  appearsAge?: number | null | undefined;
  /** A body (not an individual), for CPW/CPN recipients and closure. */
  body?: boolean | undefined;
}

export interface AgeAtEvent {
  age: number | null;
  basis: 'date_of_birth' | 'appears' | 'body' | 'unknown';
}

/**
 * The subject's age at the event: from the date of birth on the event's London date (a birthday is
 * attained on the day; 29 February birthdays on 1 March in other years), else the apparent age.
 */
export function ageAtEvent(subject: Subject, at: Date): AgeAtEvent {
  if (subject.body) return { age: null, basis: 'body' };
  if (subject.dateOfBirth) return { age: ageOn(subject.dateOfBirth, londonDate(at)), basis: 'date_of_birth' };
  if (subject.appearsAge !== null && subject.appearsAge !== undefined) return { age: subject.appearsAge, basis: 'appears' };
  return { age: null, basis: 'unknown' };
}

export const when = (d: Date) => formatLondon(d).replace('T', ' ').slice(0, 16);

export interface Locality {
  lsoas?: readonly string[] | null | undefined;
  /** A drawn polygon: [longitude, latitude] pairs. */
  polygon?: readonly (readonly [number, number])[] | null | undefined;
}

export interface Place {
  description?: string | null | undefined;
  lsoaCode?: string | null | undefined;
  lon?: number | null | undefined;
  lat?: number | null | undefined;
}

/** Ray casting: whether (lon, lat) lies inside the polygon. */
export function pointInPolygon(lon: number, lat: number, polygon: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a place lies in a locality (its LSOA listed, or its point inside the drawn polygon). */
export function placeInLocality(place: Place, locality: Locality): boolean {
  if (place.lsoaCode && locality.lsoas?.includes(place.lsoaCode)) return true;
  if (locality.polygon && locality.polygon.length >= 3 && typeof place.lon === 'number' && typeof place.lat === 'number') {
    return pointInPolygon(place.lon, place.lat, locality.polygon);
  }
  return false;
}
