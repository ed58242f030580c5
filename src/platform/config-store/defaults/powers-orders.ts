/** ASB powers part 2: Criminal Behaviour Orders and the ASB case review (Community Trigger). DOMAIN-ANCHORS 3.4-3.5. */
import { always, type KeyDefinition } from './kinds.js';

export const POWERS_ORDERS_DEFAULTS = {
  'powers.cbo.youth_min_months': {
    description: 'Shortest term of a criminal behaviour order for an offender under 18 on the day it is made (a fixed term).',
    kind: 'integer', unit: 'months',
    versions: [always(12, 'Sentencing Act 2020 s335 (verify)')],
  },
  'powers.cbo.youth_max_months': {
    description: 'Longest term of a criminal behaviour order for an offender under 18 on the day it is made.',
    kind: 'integer', unit: 'months',
    versions: [always(36, 'Sentencing Act 2020 s335 (verify; some secondary pages wrongly say 1-2 years)')],
  },
  'powers.cbo.adult_min_months': {
    description: 'Shortest fixed term of a criminal behaviour order for an offender 18 or over (or the order is indefinite).',
    kind: 'integer', unit: 'months',
    versions: [always(24, 'Sentencing Act 2020 s335 (verify)')],
  },
  'powers.cbo.review_period_months': {
    description: 'Length of a review period of a criminal behaviour order made against someone under 18 (a review is due before the end of each period at whose end they are still under 18).',
    kind: 'integer', unit: 'months',
    versions: [always(12, 'Sentencing Act 2020 s337')],
  },
  'powers.cbo.adult_age': {
    description: 'Age from which an offender is treated as an adult for criminal behaviour orders (youth offending team views, fixed youth terms, reviews).',
    kind: 'integer', unit: 'years',
    versions: [always(18, 'Sentencing Act 2020 ss331(5), 335, 337')],
  },
  'powers.asb_case_review.threshold_complaints': {
    description: 'Local threshold: this many qualifying complaints within the window meet the ASB case review threshold (at most 3 by law).',
    kind: 'integer', unit: 'complaints',
    versions: [always(3, 'Anti-social Behaviour, Crime and Policing Act 2014 s104(4); local procedure')],
  },
  'powers.asb_case_review.window_months': {
    description: 'Local procedure: the complaints counted are those made within this many months before the day the threshold is checked.',
    kind: 'integer', unit: 'months',
    versions: [always(6, 'Local procedure (common practice: 3 complaints in 6 months); s104(11): application within 6 months of the complaint')],
  },
  'powers.asb_case_review.complaint_within_months': {
    description: 'A complaint qualifies only when made within this many months of the behaviour complained of.',
    kind: 'integer', unit: 'months',
    versions: [always(1, 'Anti-social Behaviour, Crime and Policing Act 2014 s104(11) (Explanatory Notes para 231)')],
  },
  'powers.asb_case_review.hate_incident_meets_threshold': {
    description: 'Local option: one hate incident or crime within the window meets the threshold on its own.',
    kind: 'boolean',
    versions: [always(false, 'Local procedure (many areas add "1 hate incident or crime in 6 months"); off by default')],
  },
} as const satisfies Record<string, KeyDefinition>;
