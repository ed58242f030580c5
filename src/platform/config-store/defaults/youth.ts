/**
 * Child-centred policing (issue 16): the follow-up measure's settings, the editable reference lists
 * (workbook categories, programmes, lesson topics) and the outcome codes as a dated reference
 * table (new national codes appear: an Outcome 23 is coming, LAW-2026.md section 2).
 */
import { always, type KeyDefinition } from './kinds.js';

const REPORT = 'Force prevention report (000_337a2f95b9609a57), youth section';

/** Home Office crime outcome codes used by the youth module: code -> description (a dated table). */
export const HOME_OFFICE_OUTCOMES: Record<string, string> = {
  '1': 'Charged or summonsed',
  '2': 'Youth caution or youth conditional caution',
  '3': 'Adult caution or conditional caution',
  '4': 'Taken into consideration',
  '5': 'Offender died',
  '6': 'Penalty notice for disorder',
  '7': 'Cannabis or khat warning',
  '8': 'Community resolution',
  '22': 'Diversionary, educational or intervention activity undertaken; further action not in the public interest',
};

export const YOUTH_DEFAULTS = {
  'youth.followup.window_months': {
    description: 'Length of the follow-up window after a child completes an intervention (from the day after completion to the same date this many months later, inclusive).',
    kind: 'integer', unit: 'months',
    versions: [always(12, 'LAW-2026.md section 3: Ministry of Justice proven re-offending measure, 12-month follow-up')],
  },
  'youth.followup.lag_months': {
    description: 'Time after the follow-up window closes within which a further outcome must be recorded to count.',
    kind: 'integer', unit: 'months',
    versions: [always(6, 'LAW-2026.md section 3: Ministry of Justice measure allows 6 months for cases to be proven (verify wording)')],
  },
  'youth.followup.outcome_codes': {
    description: 'Home Office outcome codes that count as a further formal outcome in the follow-up measure.',
    kind: 'code_list',
    versions: [always(['1', '2', '3'], 'Issue 16: charge or summons, youth caution or youth conditional caution, caution')],
  },
  'youth.outcome_codes': {
    description: 'Home Office crime outcome codes (code and description): the dated reference table the youth records choose from.',
    kind: 'json',
    versions: [always(HOME_OFFICE_OUTCOMES, 'Home Office Crime Outcomes framework; Outcome 22 from 1 April 2019 (LAW-2026.md section 2)')],
  },
  'youth.outcome22.requires_acceptance_of_responsibility': {
    description: 'Local scheme: a child must accept responsibility before a deferred outcome is offered (not a rule of Outcome 22, which needs no admission).',
    kind: 'boolean',
    versions: [always(false, 'LAW-2026.md section 2: Outcome 22 needs no admission; a local scheme may require acceptance (off by default)')],
  },
  'youth.workbook.categories': {
    description: 'Intervention workbook categories (an editable reference list).',
    kind: 'code_list',
    versions: [always([
      'Knives and weapons', 'Violent behaviour', 'Sending nudes', 'Hate crime', 'Animal welfare', 'Arson', 'Acquisitive crime',
      'Wasting police time', 'ASB', 'Assault on an emergency worker', 'Fraud', 'Understanding consent',
    ], REPORT)],
  },
  'youth.programmes': {
    description: 'Programmes a child may be referred to (an editable reference list).',
    kind: 'code_list',
    versions: [always(['Reframe'], 'LAW-2026.md section 2: Re-Frame, an Outcome 22 route for children aged 10-17 found with Class B or C drugs')],
  },
  'youth.reframe.min_age_years': {
    description: 'Youngest age at which a child is eligible for Reframe.',
    kind: 'integer', unit: 'years',
    versions: [always(10, 'LAW-2026.md section 2 (Re-Frame: children aged 10-17)')],
  },
  'youth.reframe.max_age_years': {
    description: 'Oldest age at which a child is eligible for Reframe.',
    kind: 'integer', unit: 'years',
    versions: [always(17, 'LAW-2026.md section 2 (Re-Frame: children aged 10-17)')],
  },
  'youth.reframe.drug_classes': {
    description: 'Drug classes for which a child is eligible for Reframe.',
    kind: 'code_list',
    versions: [always(['B', 'C'], 'LAW-2026.md section 2 (Re-Frame: Class B or C drugs)')],
  },
  'youth.lesson.topics': {
    description: 'School lesson topics (an editable reference list).',
    kind: 'code_list',
    versions: [always(['Relationships', 'Keeping safe', 'Understanding the law', 'Wellbeing'], REPORT)],
  },
  'youth.retention.review_years': {
    description: 'Years after a youth record is closed (completed, not completed or finished) at which it is reviewed for deletion.',
    kind: 'integer', unit: 'years',
    versions: [always(6, 'In the spirit of the Authorised Professional Practice on the management of police information: review of lower-risk records after 6 years (local setting)')],
  },
  'youth.followup.small_count': {
    description: 'Counts below this are flagged in the quarterly youth tables (child-level outputs).',
    kind: 'integer',
    versions: [always(10, 'LAW-2026.md section 4: a threshold of 10 for child-level outputs')],
  },
} as const satisfies Record<string, KeyDefinition>;
