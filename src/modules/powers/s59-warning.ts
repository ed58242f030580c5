/**
 * Police Reform Act 2002 s59: must a warning be given before a vehicle is seized? The first dated
 * rule of the configuration store: required for seizures up to 2026-06-28 (s59(4)), repealed from
 * 2026-06-29 (Crime and Policing Act 2026 s8). The seizure selects the rule: the London date of
 * the moment the vehicle was seized, whatever the date of recording.
 */
import type { ConfigReader } from '../../platform/config-store/index.js';
import { londonDate } from '../../platform/time/london.js';

export const S59_WARNING_KEY = 'powers.s59.warning_required_before_seizure';

export interface S59WarningDecision {
  required: boolean;
  /** The London date of the seizure, which selected the rule. */
  decidedFor: string;
  /** The configuration versions the decision used (record them with the seizure). */
  versionIds: string[];
  source: string;
}

/** Pure: whether a warning was required before a seizure at `seizedAt`, by the rule in force that day. */
export function s59WarningRequired(seizedAt: Date, store: ConfigReader): S59WarningDecision {
  const v = store.valueAt(S59_WARNING_KEY, seizedAt);
  return { required: v.value === true, decidedFor: londonDate(seizedAt), versionIds: [v.versionId], source: v.source };
}
