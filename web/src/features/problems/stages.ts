// The fields of each OSARA stage as the problem page shows them (names are the API's).
import { OUTCOMES, type Stage } from './api';
import type { FieldDef } from './StageFields';

export const STAGE_FIELDS: Partial<Record<Stage, readonly FieldDef[]>> = {
  objective: [
    { name: 'objectiveTarget', label: 'Measurable target', kind: 'text', hint: 'With a number, e.g. "reduce ASB at the station by 30% within 6 months"' },
    { name: 'baselineFrom', label: 'Baseline from', kind: 'month', hint: 'Chosen on its own: not the window the problem was picked from' },
    { name: 'baselineTo', label: 'Baseline to', kind: 'month' },
    { name: 'ownerUsername', label: 'Owner', kind: 'text', hint: 'Username of the person who owns the problem' },
    { name: 'reviewDate', label: 'Review date', kind: 'date' },
  ],
  scanning: [
    { name: 'statement', label: 'Problem statement', kind: 'textarea', hint: 'What happens, where, when and to whom (no names of victims)' },
    { name: 'whyProblem', label: 'Why it is a problem', kind: 'textarea', hint: 'Recurring, similar, of public concern' },
    { name: 'filter.district', label: 'Linked incidents: districts', kind: 'codes', hint: 'Comma-separated district names' },
    { name: 'filter.lsoa', label: 'Linked incidents: LSOA codes', kind: 'codes', hint: 'Comma-separated, e.g. E01024676' },
    { name: 'filter.category', label: 'Linked incidents: categories', kind: 'codes', hint: 'Comma-separated crime types; empty for all' },
    { name: 'filter.from', label: 'Linked incidents from', kind: 'month' },
    { name: 'filter.to', label: 'Linked incidents to', kind: 'month' },
  ],
  analysis: [
    { name: 'offender', label: 'Offender', kind: 'textarea', hint: 'Problem analysis triangle: who causes it (not exported in case studies)' },
    { name: 'victimTarget', label: 'Victim or target', kind: 'textarea' },
    { name: 'placeDescription', label: 'Place', kind: 'textarea' },
    { name: 'handler', label: 'Handler', kind: 'text', hint: 'Controllers: who influences the offender' },
    { name: 'guardian', label: 'Guardian', kind: 'text', hint: 'Who protects the victim or target' },
    { name: 'manager', label: 'Manager', kind: 'text', hint: 'Who is responsible for the place' },
    { name: 'dataSources', label: 'Data sources', kind: 'textarea' },
    { name: 'hypotheses', label: 'Hypotheses', kind: 'textarea' },
  ],
  assessment: [
    { name: 'evalStart', label: 'Month the response started', kind: 'month', hint: 'Left out of both periods' },
    { name: 'evalPreMonths', label: 'Months before', kind: 'number' },
    { name: 'evalPostMonths', label: 'Months after', kind: 'number', hint: 'Default: as many as before' },
    { name: 'areaTreated', label: 'Target area (LSOA codes)', kind: 'codes' },
    { name: 'areaControl', label: 'Control area (LSOA codes)', kind: 'codes' },
    { name: 'areaDispTreated', label: 'Displacement buffer (LSOA codes)', kind: 'codes', hint: 'Around the target; give the control buffer too' },
    { name: 'areaDispControl', label: 'Control buffer (LSOA codes)', kind: 'codes' },
    { name: 'harmWeights', label: 'Harm weights (optional)', kind: 'weights', hint: 'Category=weight pairs separated by ; (e.g. Cambridge Crime Harm Index days) for the harm-weighted WDD' },
    { name: 'outcome', label: 'Outcome (impact scale)', kind: 'select', options: OUTCOMES },
    { name: 'outcomeDetail', label: 'Outcome detail', kind: 'text', hint: 'e.g. "reduced by 40%"' },
    { name: 'lessons', label: 'Lessons learned', kind: 'textarea' },
  ],
};
