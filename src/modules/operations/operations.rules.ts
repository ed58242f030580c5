/**
 * Rules of operations (pure, returning findings): a deployment lies within its operation's dates
 * and districts and uses tactics from the configured list in force on its day; results are
 * recorded only once the deployment has happened; only quotes whose giver consented to
 * publication may be printed.
 */
import type { Finding } from '../../platform/errors.js';
import { checkRules, type Rule } from '../../platform/lifecycle/lifecycle.js';
import { addDays } from '../../platform/time/london.js';

export interface DeploymentCheck {
  deployedOn: string;
  district: string;
  startTime: string;
  endTime: string;
  tactics: readonly string[];
  operation: { name: string; startsOn: string; endsOn: string | null; districts: readonly string[] };
  /** operations.tactics in force on the deployment's day. */
  knownTactics: readonly string[];
}

const inDates: Rule<DeploymentCheck> = {
  id: 'operation.deployment_in_dates',
  check: (c) => {
    if (c.deployedOn < c.operation.startsOn) return [{ field: 'deployedOn', message: `Operation ${c.operation.name} starts on ${c.operation.startsOn}; a deployment cannot be before it` }];
    if (c.operation.endsOn !== null && c.deployedOn > c.operation.endsOn) return [{ field: 'deployedOn', message: `Operation ${c.operation.name} ended on ${c.operation.endsOn}; a deployment cannot be after it` }];
    return [];
  },
};

const inDistricts: Rule<DeploymentCheck> = {
  id: 'operation.deployment_district',
  check: (c) => (c.operation.districts.some((d) => d.toLowerCase() === c.district.toLowerCase())
    ? []
    : [{ field: 'district', message: `Operation ${c.operation.name} runs in ${c.operation.districts.join(', ')}, not ${c.district}` }]),
};

const hours: Rule<DeploymentCheck> = {
  id: 'operation.deployment_hours',
  check: (c) => (c.startTime === c.endTime ? [{ field: 'endTime', message: 'The end time must differ from the start time (an end before the start is the next day)' }] : []),
};

const tactics: Rule<DeploymentCheck> = {
  id: 'operation.tactics',
  check: (c) => {
    const unknown = c.tactics.filter((t) => !c.knownTactics.some((k) => k.toLowerCase() === t.toLowerCase()));
    return unknown.length ? [{ field: 'tactics', message: `Not on the tactics list in force on ${c.deployedOn}: ${unknown.join(', ')} (the list is ${c.knownTactics.join(', ')})` }] : [];
  },
};

export function deploymentFindings(c: DeploymentCheck): Finding[] {
  return checkRules([inDates, inDistricts, hours, tactics], c);
}

/** Tactics in the configured spelling, each once, in the order given. */
export function canonicalTactics(given: readonly string[], known: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of given) {
    const k = known.find((x) => x.toLowerCase() === t.toLowerCase());
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}

/** Results can only be recorded for a deployment that has started (on or before today). */
export function resultsFindings(c: { deployedOn: string; today: string }): Finding[] {
  return checkRules([{
    id: 'operation.results_after_deployment',
    check: (x: { deployedOn: string; today: string }) => (x.deployedOn > x.today ? [{ field: 'deployedOn', message: `The deployment is on ${x.deployedOn}; its results can be recorded from that day` }] : []),
  }], c);
}

export interface QuoteRow { consentToPublish: boolean; consentRecordedOn: string | null; receivedOn: string }

/** Whether a quote may be printed in a report as at a day: consent to publish recorded on or before it. */
export function isPublishable(q: QuoteRow, asOf: string): boolean {
  return q.consentToPublish && q.consentRecordedOn !== null && q.consentRecordedOn <= asOf;
}

/** The day a deployment's results are due: dueDays after the deployment's day. */
export function resultsDueOn(deployedOn: string, dueDays: number): string {
  return addDays(deployedOn, dueDays);
}
