import { describe, expect, it } from 'vitest';
import { canonicalTactics, deploymentFindings, isPublishable, resultsDueOn, resultsFindings, type DeploymentCheck } from './operations.rules.js';

const known = ['Passive drugs dog', 'Drug swabbing', 'Knife arch', 'Plain clothes', 'High visibility'];
const base: DeploymentCheck = {
  deployedOn: '2025-07-11', district: 'Canterbury', startTime: '21:00', endTime: '03:00', tactics: ['passive drugs dog'],
  operation: { name: 'Pilot', startsOn: '2025-06-01', endsOn: '2025-09-30', districts: ['Canterbury', 'Ashford'] }, knownTactics: known,
};

describe('deployment rules', () => {
  it('accepts a deployment within the dates and districts, edges included', () => {
    expect(deploymentFindings(base)).toEqual([]);
    expect(deploymentFindings({ ...base, deployedOn: '2025-06-01' })).toEqual([]);
    expect(deploymentFindings({ ...base, deployedOn: '2025-09-30', district: 'ashford' })).toEqual([]);
    expect(deploymentFindings({ ...base, operation: { ...base.operation, endsOn: null }, deployedOn: '2030-01-01' })).toEqual([]);
    expect(deploymentFindings({ ...base, tactics: [] })).toEqual([]);
  });
  it('refuses a day before the start or after the end', () => {
    expect(deploymentFindings({ ...base, deployedOn: '2025-05-31' })).toEqual([{ rule: 'operation.deployment_in_dates', field: 'deployedOn', message: 'Operation Pilot starts on 2025-06-01; a deployment cannot be before it' }]);
    expect(deploymentFindings({ ...base, deployedOn: '2025-10-01' }).map((f) => f.rule)).toEqual(['operation.deployment_in_dates']);
  });
  it('refuses another district, equal start and end, and tactics not on the list (all at once)', () => {
    const f = deploymentFindings({ ...base, district: 'Dover', endTime: '21:00', tactics: ['Knife arch', 'Horse patrol'] });
    expect(f.map((x) => [x.rule, x.field])).toEqual([['operation.deployment_district', 'district'], ['operation.deployment_hours', 'endTime'], ['operation.tactics', 'tactics']]);
    expect(f[2]!.message).toMatch(/^Not on the tactics list in force on 2025-07-11: Horse patrol/);
  });
  it('spells tactics as configured, once each', () => {
    expect(canonicalTactics(['knife ARCH', 'Knife arch', 'high visibility'], known)).toEqual(['Knife arch', 'High visibility']);
    expect(canonicalTactics([], known)).toEqual([]);
  });
});

describe('results and quotes', () => {
  it('results from the deployment day on', () => {
    expect(resultsFindings({ deployedOn: '2025-07-11', today: '2025-07-11' })).toEqual([]);
    expect(resultsFindings({ deployedOn: '2025-07-12', today: '2025-07-11' }).map((f) => f.field)).toEqual(['deployedOn']);
    expect(resultsDueOn('2025-07-11', 3)).toBe('2025-07-14');
  });
  it('a quote is publishable only with consent recorded on or before the day', () => {
    expect(isPublishable({ consentToPublish: true, consentRecordedOn: '2025-07-20', receivedOn: '2025-07-14' }, '2025-09-30')).toBe(true);
    expect(isPublishable({ consentToPublish: true, consentRecordedOn: '2025-09-30', receivedOn: '2025-07-14' }, '2025-09-30')).toBe(true);
    expect(isPublishable({ consentToPublish: true, consentRecordedOn: '2025-10-01', receivedOn: '2025-07-14' }, '2025-09-30')).toBe(false);
    expect(isPublishable({ consentToPublish: false, consentRecordedOn: '2025-07-20', receivedOn: '2025-07-14' }, '2025-09-30')).toBe(false);
    expect(isPublishable({ consentToPublish: true, consentRecordedOn: null, receivedOn: '2025-07-14' }, '2025-09-30')).toBe(false);
  });
});
