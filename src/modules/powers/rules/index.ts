/** The powers rules engine: pure rule functions, and the catalogue of rule ids (for `hub powers rules` and docs). */
export * from './common.js';
export * from './dispersal.js';
export * from './cpn.js';
export * from './s59.js';
export * from './closure.js';

const A = 'Anti-social Behaviour, Crime and Policing Act 2014';

/** Every rule id a finding or notice can carry, with the record types it guards and its legal source. */
export const RULE_CATALOGUE: readonly { id: string; types: readonly string[]; legalSource: string; keys: readonly string[]; description: string }[] = [
  { id: 'dispersal.authoriser_rank', types: ['dispersal_authorisation'], legalSource: `${A} s34(1)`, keys: ['powers.dispersal.authorising_min_rank'], description: 'A police officer of at least the configured rank (inspector) authorises.' },
  { id: 'dispersal.authorisation_period', types: ['dispersal_authorisation'], legalSource: `${A} s34(1)`, keys: ['powers.dispersal.max_hours'], description: 'The authorisation ends after it starts and lasts at most the configured hours (48), elapsed.' },
  { id: 'dispersal.grounds_in_writing', types: ['dispersal_authorisation'], legalSource: `${A} s34(4)`, keys: [], description: 'The grounds are written.' },
  { id: 'dispersal.articles_10_11', types: ['dispersal_authorisation'], legalSource: `${A} s34(3)`, keys: [], description: 'Particular regard to Articles 10 and 11 is recorded.' },
  { id: 'dispersal.locality_required', types: ['dispersal_authorisation'], legalSource: `${A} s34(1)`, keys: [], description: 'The locality is given as LSOAs or a drawn polygon.' },
  { id: 'dispersal.live_authorisation', types: ['dispersal_direction'], legalSource: `${A} s35(1), s34(1)`, keys: [], description: 'An authorisation in force when the direction is given covers the place.' },
  { id: 'dispersal.min_age', types: ['dispersal_direction'], legalSource: 'CPS guidance on s35', keys: ['powers.dispersal.min_age_years'], description: 'The person appears to be at least the configured age (10).' },
  { id: 'dispersal.exclusion_period', types: ['dispersal_direction', 'dispersal_variation'], legalSource: `${A} s35(4)`, keys: ['powers.dispersal.max_hours'], description: 'The exclusion ends after the direction and at most the configured hours (48, elapsed) after it.' },
  { id: 'dispersal.in_writing', types: ['dispersal_direction'], legalSource: `${A} s35(5)`, keys: [], description: 'In writing, or a reason it was not reasonably practicable.' },
  { id: 'dispersal.offence_warning', types: ['dispersal_direction'], legalSource: `${A} s35(6)`, keys: [], description: 'The offence warning was given, or a reason it was not practicable.' },
  { id: 'dispersal.removal_under_16', types: ['dispersal_direction'], legalSource: `${A} s35(7)`, keys: ['powers.dispersal.take_home_under_age_years'], description: 'Removal home or to a place of safety only for a person believed under the configured age (16).' },
  { id: 'dispersal.removal_where', types: ['dispersal_direction'], legalSource: `${A} s35(7)`, keys: [], description: 'Where the person was taken is recorded.' },
  { id: 'dispersal.variation_after_direction', types: ['dispersal_variation'], legalSource: `${A} s35(8)`, keys: [], description: 'A variation comes after the direction.' },
  { id: 'dispersal.variation_limit', types: ['dispersal_variation'], legalSource: `${A} s35(9)`, keys: ['powers.dispersal.max_hours'], description: 'A variation never runs beyond 48 hours from when the direction was first given.' },
  { id: 'cpn.recipient_age', types: ['cpw', 'cpn'], legalSource: `${A} s43(1)`, keys: ['powers.cpn.min_recipient_age_years'], description: 'The recipient is a body or a person of at least the configured age (16).' },
  { id: 'cpn.conduct', types: ['cpw', 'cpn'], legalSource: `${A} s43(7)`, keys: [], description: 'The conduct is categorised and described.' },
  { id: 'cpn.requirements', types: ['cpw', 'cpn'], legalSource: `${A} s43(3)`, keys: [], description: 'At least one requirement is listed.' },
  { id: 'cpn.prior_cpw', types: ['cpn'], legalSource: `${A} s43(5)`, keys: ['powers.cpn.cpw_required'], description: 'A written warning to the same recipient for the same conduct came first.' },
  { id: 'cpn.time_enough', types: ['cpn'], legalSource: `${A} s43(5)(b)`, keys: [], description: 'The issuer, shown the time since the warning, confirms it was enough.' },
  { id: 'cpn.requirements_differ', types: ['cpn'], legalSource: 'Practice: CPN requirements mirror the CPW (a notice, never a refusal)', keys: [], description: 'Flags requirements added or left out compared with the warning.' },
  { id: 'cpn.fpn_amount', types: ['cpn_fpn'], legalSource: `${A} s52(7)`, keys: ['powers.cpn.fpn_max_gbp', 'powers.cpn.fpn_max_gbp_2026'], description: 'The amount is at most the maximum in force when the failure to comply happened.' },
  { id: 'cpn.fpn_after_failure', types: ['cpn_fpn'], legalSource: `${A} s52(1)`, keys: [], description: 'The fixed penalty follows the failure to comply.' },
  { id: 'cpn.breach_after_notice', types: ['cpn_breach'], legalSource: `${A} s48(1)`, keys: [], description: 'A breach comes after the notice was issued.' },
  { id: 'cpn.breach_requirement', types: ['cpn_breach'], legalSource: `${A} s48(1)`, keys: [], description: 'The requirement not met is named.' },
  { id: 'cpn.breach_action_date', types: ['cpn_breach'], legalSource: `${A} s48(1)`, keys: [], description: 'The action is decided on or after the London date of the breach.' },
  { id: 'cpn.remedial_action_agency', types: ['cpn_breach'], legalSource: `${A} s47(1)`, keys: ['powers.cpn.remedial_action_agencies'], description: 'Remedial action in default only by the configured agencies (the local authority).' },
  { id: 'cpn.breach_fpn_period', types: ['cpn_breach'], legalSource: `${A} s52(5)`, keys: ['powers.cpn.fpn_no_proceedings_days'], description: 'No prosecution decided on or before the last day of a fixed penalty\'s payment period for this notice.' },
  { id: 's59.vrm', types: ['s59_warning', 's59_seizure'], legalSource: 'Police Reform Act 2002 s59', keys: [], description: 'The vehicle registration is recorded.' },
  { id: 's59.person', types: ['s59_warning'], legalSource: 'Police Reform Act 2002 s59(5)', keys: [], description: 'The person warned is recorded (the warning attaches to the person).' },
  { id: 's59.warning_before_seizure', types: ['s59_seizure'], legalSource: 'Police Reform Act 2002 s59(4)-(5); repealed from 2026-06-29 by the Crime and Policing Act 2026 s8', keys: ['powers.s59.warning_required_before_seizure', 'powers.s59.warning_valid_months', 'powers.s59.warning_attaches_to_vehicle'], description: 'Judged on the seizure date: a warning first unless impracticable, given on this occasion, or to the person within the previous 12 months.' },
  { id: 'closure.issuer', types: ['closure_notice'], legalSource: `${A} s76(1)`, keys: ['powers.closure.notice_min_rank', 'powers.closure.housing_providers_may_issue'], description: 'A police officer of at least inspector, the local authority, or (once in force) a registered housing provider.' },
  { id: 'closure.notice_period', types: ['closure_notice'], legalSource: `${A} s77(1)-(3)`, keys: ['powers.closure.notice_hours_inspector', 'powers.closure.notice_hours_superintendent', 'powers.closure.notice_48h_min_rank'], description: '24 hours, or 48 (Christmas Day disregarded) when signed by a superintendent or the local authority chief executive.' },
  { id: 'closure.premises', types: ['closure_notice'], legalSource: `${A} s76(5)(a)`, keys: [], description: 'The premises are identified.' },
  { id: 'closure.hearing_stated', types: ['closure_notice'], legalSource: `${A} s76(5)(d)`, keys: [], description: 'The notice states when the application will be heard.' },
  { id: 'closure.hearing_deadline', types: ['closure_notice'], legalSource: `${A} s80(4)`, keys: ['powers.closure.hearing_within_hours'], description: 'The hearing is within 48 hours of service, Christmas Day disregarded.' },
  { id: 'closure.extension_issuer', types: ['closure_extension'], legalSource: `${A} s77(4)`, keys: ['powers.closure.notice_48h_min_rank'], description: 'A superintendent or the local authority chief executive extends.' },
  { id: 'closure.extension_hours', types: ['closure_extension'], legalSource: `${A} s77(4)`, keys: ['powers.closure.extension_hours'], description: 'By up to the configured hours (24), elapsed, Christmas not disregarded.' },
  { id: 'closure.extension_once', types: ['closure_extension'], legalSource: `${A} s77(4)`, keys: [], description: 'A notice is extended once.' },
  { id: 'closure.extension_before_end', types: ['closure_extension'], legalSource: `${A} s77(5)`, keys: [], description: 'The extension is issued before the notice ends.' },
  { id: 'closure.adjournment', types: ['closure_adjournment'], legalSource: `${A} s81`, keys: ['powers.closure.adjournment_max_days'], description: 'Adjourned for not more than the configured days (14).' },
  { id: 'closure.order_period', types: ['closure_order'], legalSource: `${A} s80(6)`, keys: ['powers.closure.order_max_months'], description: 'An order lasts at most the configured months (3), from the day it is made.' },
  { id: 'closure.licensing_notified', types: ['closure_order'], legalSource: `${A} s80(9)`, keys: [], description: 'Licensed premises: the licensing authority is told (a notice, never a refusal).' },
  { id: 'closure.order_extension', types: ['closure_order_extension'], legalSource: `${A} s82`, keys: [], description: 'An extension ends after the current end.' },
  { id: 'closure.order_total', types: ['closure_order_extension'], legalSource: `${A} s82(7)`, keys: ['powers.closure.order_total_max_months'], description: 'With extensions, at most the configured months (6) from the first order.' },
  { id: 'powers.in_the_future', types: ['*'], legalSource: 'Register: records acts done', keys: [], description: 'An act is recorded once done: its time is not in the future.' },
  { id: 'powers.outside_rules_rank', types: ['*'], legalSource: 'Local policy', keys: ['powers.outside_rules.min_rank'], description: 'Only a recorder of at least the configured rank (sergeant) may record an act outside the rules.' },
];
