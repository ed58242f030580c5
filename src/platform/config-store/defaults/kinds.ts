/** What a configuration key is: its kind, its dated versions and their sources. */
/**
 * - `json`: a structured value (a KPI definition, a disclosure profile), checked by its module.
 * - `code_list`: a list of short codes or labels (an editable reference list such as categories).
 */
export type ConfigKind = 'boolean' | 'integer' | 'money_gbp' | 'text' | 'rank' | 'json' | 'code_list';

/** Police ranks, lowest first (a rule's rank value is one of these). */
export const RANKS = ['constable', 'sergeant', 'inspector', 'chief_inspector', 'superintendent', 'chief_superintendent'] as const;

export interface DefaultVersion {
  value: unknown;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: string;
}

export interface KeyDefinition {
  /** What the value means, in words. */
  description: string;
  kind: ConfigKind;
  /** Unit of a number ('hours', 'days', 'years', 'months', 'complaints'). */
  unit?: string;
  versions: readonly DefaultVersion[];
}

export const always = (value: unknown, source: string): DefaultVersion => ({ value, effectiveFrom: null, effectiveTo: null, source });

