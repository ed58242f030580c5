import type { Problem } from './problem.js';

/** A problem at the Objective stage with nothing filled in (for the pure tests). */
export function blankProblem(over: Partial<Problem> = {}): Problem {
  return {
    id: 1, title: 'ASB at the station', district: 'Thanet', statementType: 'place', stage: 'objective', createdBy: 'user:test',
    createdAt: '2025-10-01T00:00:00.000Z', updatedAt: '2025-10-01T00:00:00.000Z',
    objectiveTarget: null, baselineFrom: null, baselineTo: null, ownerId: null, reviewDate: null,
    statement: null, whyProblem: null, filter: { district: [], lsoa: [], category: [] }, pickedFrom: null, pickedTo: null, source: null,
    offender: null, victimTarget: null, placeDescription: null, handler: null, guardian: null, manager: null, dataSources: null, hypotheses: null,
    evalStart: null, evalPreMonths: null, evalPostMonths: null, areaTreated: [], areaControl: [], areaDispTreated: [], areaDispControl: [],
    harmWeights: {}, outcome: null, outcomeDetail: null, lessons: null, closureReason: null, closedAt: null, goodPractice: false,
    ...over,
  };
}

/** Every stage's fields filled in (an assessment still has to be computed). */
export function completeProblem(over: Partial<Problem> = {}): Problem {
  return blankProblem({
    objectiveTarget: 'Reduce ASB at the station by 30% in 6 months', baselineFrom: '2024-01', baselineTo: '2024-12', ownerId: 7, reviewDate: '2026-01-31',
    statement: 'Groups gather at the station forecourt in the evening', whyProblem: 'Recurring, similar incidents and public concern at ward meetings',
    filter: { district: ['Thanet'], lsoa: ['E01024500'], category: ['Anti-social behaviour'] },
    offender: 'Groups of young people', victimTarget: 'Passengers and staff', placeDescription: 'Forecourt with poor lighting',
    handler: 'Youth workers', guardian: 'Station staff', manager: 'Rail operator',
    dataSources: 'data.police.uk street data, station incident log', hypotheses: 'Lighting and no supervision after 7pm',
    outcome: 'reduced', lessons: 'Start lighting work earlier',
    ...over,
  });
}
