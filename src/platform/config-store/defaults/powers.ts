/** ASB and related powers: the 2014 Act, the Police Reform Act 2002 s59, and what the 2026 Act changed. */
import { always, type KeyDefinition } from './kinds.js';

export const POWERS_DEFAULTS = {
  'powers.s59.warning_required_before_seizure': {
    description: 'A vehicle may be seized under s59 only after a warning (unless impracticable, already warned on that occasion, or warned in the previous 12 months). Decided by the date of the seizure.',
    kind: 'boolean',
    versions: [
      { value: true, effectiveFrom: null, effectiveTo: '2026-06-28', source: 'Police Reform Act 2002 s59(4)' },
      { value: false, effectiveFrom: '2026-06-29', effectiveTo: null, source: 'Crime and Policing Act 2026 s8 (repeals s59(4)-(5)); Home Office Circular 004/2026' },
    ],
  },
  'powers.s59.warning_valid_months': {
    description: 'How long an earlier s59 warning counts (a warning to the person in the previous N months means no new warning is needed).',
    kind: 'integer', unit: 'months',
    versions: [
      { value: 12, effectiveFrom: null, effectiveTo: '2026-06-28', source: 'Police Reform Act 2002 s59(5)' },
      { value: null, effectiveFrom: '2026-06-29', effectiveTo: null, source: 'Crime and Policing Act 2026 s8 (repeals s59(4)-(5))' },
    ],
  },
  'powers.s59.warning_attaches_to_vehicle': {
    description: 'Local policy: an earlier s59 warning also counts for other drivers of the same vehicle (force practice, not statute).',
    kind: 'boolean',
    versions: [always(false, 'DOMAIN-ANCHORS 3.6: the statute attaches the warning to the person; off by default')],
  },
  'powers.dispersal.authorising_min_rank': {
    description: 'Lowest rank that may authorise the use of dispersal powers in a locality.',
    kind: 'rank',
    versions: [always('inspector', 'Anti-social Behaviour, Crime and Policing Act 2014 s34(1)')],
  },
  'powers.dispersal.max_hours': {
    description: 'Longest dispersal authorisation, and longest exclusion under a direction.',
    kind: 'integer', unit: 'hours',
    versions: [always(48, 'Anti-social Behaviour, Crime and Policing Act 2014 s34(1), s35(4)')],
  },
  'powers.dispersal.min_age_years': {
    description: 'Dispersal directions apply to people who appear to be at least this age.',
    kind: 'integer', unit: 'years',
    versions: [always(10, 'CPS guidance on the dispersal power (Anti-social Behaviour, Crime and Policing Act 2014 s35)')],
  },
  'powers.dispersal.take_home_under_age_years': {
    description: 'A person believed to be under this age may be taken home or to a place of safety.',
    kind: 'integer', unit: 'years',
    versions: [always(16, 'Anti-social Behaviour, Crime and Policing Act 2014 s35(7)')],
  },
  'powers.cpn.min_recipient_age_years': {
    description: 'Community protection warnings and notices may be given to individuals of at least this age.',
    kind: 'integer', unit: 'years',
    versions: [always(16, 'Anti-social Behaviour, Crime and Policing Act 2014 s43(1)')],
  },
  'powers.cpn.appeal_days': {
    description: 'A CPN may be appealed within this many days beginning with the day of issue.',
    kind: 'integer', unit: 'days',
    versions: [always(21, 'Anti-social Behaviour, Crime and Policing Act 2014 s46(1)')],
  },
  'powers.cpn.fpn_max_gbp': {
    description: 'Highest fixed penalty for a CPN or PSPO breach. The Crime and Policing Act 2026 raises it to GBP 500 from a date not yet found: add that version when it is known.',
    kind: 'money_gbp',
    versions: [always(100, 'Anti-social Behaviour, Crime and Policing Act 2014 s52(7), s68; rise to 500 by the Crime and Policing Act 2026: commencement not found (verify)')],
  },
  'powers.cpn.fpn_no_proceedings_days': {
    description: 'No proceedings for the offence within this many days after a fixed penalty notice.',
    kind: 'integer', unit: 'days',
    versions: [always(14, 'Anti-social Behaviour, Crime and Policing Act 2014 s52(5)')],
  },
  'powers.closure.notice_hours_inspector': {
    description: 'Longest closure notice issued by an inspector (or the local authority).',
    kind: 'integer', unit: 'hours',
    versions: [always(24, 'Anti-social Behaviour, Crime and Policing Act 2014 s77(1)')],
  },
  'powers.closure.notice_hours_superintendent': {
    description: 'Longest closure notice issued by a superintendent or above (Christmas Day disregarded).',
    kind: 'integer', unit: 'hours',
    versions: [always(48, 'Anti-social Behaviour, Crime and Policing Act 2014 s77(2)-(3)')],
  },
  'powers.closure.hearing_within_hours': {
    description: 'The closure order application is heard within this many hours after service (Christmas Day disregarded).',
    kind: 'integer', unit: 'hours',
    versions: [always(48, 'Anti-social Behaviour, Crime and Policing Act 2014 s80(4)')],
  },
  'powers.closure.housing_providers_may_issue': {
    description: 'Registered social housing providers may issue closure notices for premises they own or manage.',
    kind: 'boolean',
    versions: [always(null, 'Crime and Policing Act 2026: commencement not found (verify); not in force until a date is configured')],
  },
  'powers.dispersal.home_visit_under_age_years': {
    description: 'A direction to someone under this age opens a home-visit task for their parent or carer (local practice, not statute).',
    kind: 'integer', unit: 'years',
    versions: [always(18, 'Local practice (Kent: home visits to the parents of dispersed children); a child is under 18 (Children Act 1989 s105)')],
  },
  'powers.dispersal.home_visit_due_days': {
    description: 'The home visit after a direction to a child is due within this many days beginning with the day of the direction (local setting).',
    kind: 'integer', unit: 'days',
    versions: [always(7, 'Local practice setting (not statute); change with hub powers rules set')],
  },
  'powers.outside_rules.min_rank': {
    description: 'Lowest rank that may record an act already done that breaks a rule (saved flagged as outside the rules, with a reason, and reviewed by a supervisor).',
    kind: 'rank',
    versions: [always('sergeant', 'Local policy: the 2014 Act s38 and Police Reform Act 2002 s59 require records of acts done, so they are kept, flagged')],
  },
  'powers.cpn.cpw_required': {
    description: 'A CPN may be issued only after a written warning (CPW) to the same recipient for the same conduct.',
    kind: 'boolean',
    versions: [always(true, 'Anti-social Behaviour, Crime and Policing Act 2014 s43(5)')],
  },
  'powers.cpn.fpn_max_gbp_2026': {
    description: 'Highest fixed penalty for a CPN breach under the Crime and Policing Act 2026 (GBP 500). Not in force until its commencement date is configured; while in force it replaces the 2014 Act maximum.',
    kind: 'money_gbp',
    versions: [always(null, 'Crime and Policing Act 2026 (amends 2014 Act s52(7)): commencement not found (verify); switched off until a date is set')],
  },
  'powers.cpn.remedial_action_agencies': {
    description: 'Who may take remedial action in default when a CPN requirement to do something is not met (issuer agencies).',
    kind: 'code_list',
    versions: [always(['local_authority'], 'Anti-social Behaviour, Crime and Policing Act 2014 s47(1)')],
  },
  'powers.closure.notice_min_rank': {
    description: 'Lowest police rank that may issue a closure notice (24 hours).',
    kind: 'rank',
    versions: [always('inspector', 'Anti-social Behaviour, Crime and Policing Act 2014 s76(1)')],
  },
  'powers.closure.notice_48h_min_rank': {
    description: 'Lowest police rank that may sign a 48-hour closure notice or extend a 24-hour one.',
    kind: 'rank',
    versions: [always('superintendent', 'Anti-social Behaviour, Crime and Policing Act 2014 s77(2), s77(4)')],
  },
  'powers.closure.extension_hours': {
    description: 'A 24-hour closure notice may be extended by up to this many hours by a superintendent (or the local authority chief executive).',
    kind: 'integer', unit: 'hours',
    versions: [always(24, 'Anti-social Behaviour, Crime and Policing Act 2014 s77(4)')],
  },
  'powers.closure.adjournment_max_days': {
    description: 'The court may adjourn the closure order hearing for not more than this many days (the notice may continue until the hearing).',
    kind: 'integer', unit: 'days',
    versions: [always(14, 'Anti-social Behaviour, Crime and Policing Act 2014 s81(2)-(3) (verify)')],
  },
  'powers.closure.order_max_months': {
    description: 'A closure order lasts at most this many months.',
    kind: 'integer', unit: 'months',
    versions: [always(3, 'Anti-social Behaviour, Crime and Policing Act 2014 s80(6); may change by regulations')],
  },
  'powers.closure.order_total_max_months': {
    description: 'A closure order with its extensions lasts at most this many months in total.',
    kind: 'integer', unit: 'months',
    versions: [always(6, 'Anti-social Behaviour, Crime and Policing Act 2014 s82(7) (verify; secondary source)')],
  },
  'powers.injunction.min_age_years': {
    description: 'Part 1 civil injunctions may be made against respondents of at least this age.',
    kind: 'integer', unit: 'years',
    versions: [always(10, 'Anti-social Behaviour, Crime and Policing Act 2014 s1(1)')],
  },
  'powers.respect_order.available': {
    description: 'Respect Orders (adults 18+) may be applied for.',
    kind: 'boolean',
    versions: [always(null, 'Crime and Policing Act 2026: commencement not found (verify); not in force until a date is configured')],
  },
  'powers.asb_case_review.max_threshold_complaints': {
    description: 'An ASB case review threshold may not be set above this many qualifying complaints.',
    kind: 'integer', unit: 'complaints',
    versions: [always(3, 'Anti-social Behaviour, Crime and Policing Act 2014 s104(4)')],
  },
} as const satisfies Record<string, KeyDefinition>;
