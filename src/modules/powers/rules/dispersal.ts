/**
 * Dispersal: the s34 authorisation and s35 directions (Anti-social Behaviour, Crime and Policing
 * Act 2014 Part 3). The authorisation's rules are read at the moment it was authorised; a
 * direction's at the moment it was given. Hours are elapsed hours: 48 hours across a clock change
 * is 48 real hours, whatever the clocks say.
 */
import type { ConfigReader } from '../../../platform/config-store/index.js';
import { addElapsedHours, elapsedHours, lastDayBeginningWith, londonDate } from '../../../platform/time/london.js';
import { ACT_2014, ageAtEvent, type Locality, type Place, placeInLocality, rankAtLeast, rankWords, RuleRun, type RuleOutcome, type Subject, when } from './common.js';

export interface AuthorisationDraft {
  authorisedAt: Date;
  startsAt: Date;
  endsAt: Date;
  issuerAgency: string;
  issuerRank: string | null;
  locality: Locality;
  grounds: string;
  /** The authorising officer had particular regard to ECHR Articles 10 and 11 (s34(3)). */
  articles10And11Regard: boolean;
}

/**
 * s34(1): "a police officer of at least the rank of inspector may authorise the use in a specified
 * locality, during a specified period of not more than 48 hours, of the powers given by section 35";
 * s34(3): particular regard to Articles 10 and 11; s34(4): in writing, signed, specifying the grounds.
 */
export function checkAuthorisation(d: AuthorisationDraft, store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.authorisedAt);
  const minRank = r.need<string>('powers.dispersal.authorising_min_rank');
  if (d.issuerAgency !== 'police' || !rankAtLeast(d.issuerRank, minRank)) {
    r.refuse('dispersal.authoriser_rank', 'issuerRank', `A dispersal authorisation needs a police officer of at least the rank of ${rankWords(minRank)}${d.issuerRank ? `: ${rankWords(d.issuerRank)} given` : ''}.`, r.source('powers.dispersal.authorising_min_rank'));
  }
  const maxHours = r.need<number>('powers.dispersal.max_hours');
  const hours = elapsedHours(d.startsAt, d.endsAt);
  if (hours <= 0) r.refuse('dispersal.authorisation_period', 'endsAt', 'The authorisation must end after it starts.', `${ACT_2014} s34(1)`);
  else if (hours > maxHours) {
    r.refuse('dispersal.authorisation_period', 'endsAt', `An authorisation may last at most ${maxHours} hours: ${when(d.startsAt)} to ${when(d.endsAt)} is ${round(hours)} hours.`, r.source('powers.dispersal.max_hours'));
  }
  if (!d.grounds.trim()) r.refuse('dispersal.grounds_in_writing', 'grounds', 'Write the grounds for the authorisation.', `${ACT_2014} s34(4)`);
  if (!d.articles10And11Regard) {
    r.refuse('dispersal.articles_10_11', 'articles10And11Regard', 'Record that particular regard was had to the rights of freedom of expression and of assembly (Articles 10 and 11).', `${ACT_2014} s34(3)`);
  }
  if (!(d.locality.lsoas?.length) && !(d.locality.polygon && d.locality.polygon.length >= 3)) {
    r.refuse('dispersal.locality_required', 'locality', 'Name the locality: at least one LSOA, or draw its boundary.', `${ACT_2014} s34(1)`);
  }
  r.derived.hours = round(hours);
  if (hours > 0) r.deadline({ kind: 'authorisation_expires', what: 'Dispersal authorisation ends', due: londonDate(d.endsAt), at: d.endsAt.toISOString(), legalSource: `${ACT_2014} s34(1)` });
  return r.outcome();
}

/** The live authorisation a direction relies on (as recorded). */
export interface AuthorisationInForce {
  id: number;
  startsAt: Date;
  endsAt: Date;
  locality: Locality;
}

export interface DirectionDraft {
  givenAt: Date;
  place: Place;
  subject: Subject;
  /** When the exclusion ends (at most 48 hours after the direction was given). */
  exclusionEndsAt: Date;
  inWriting: boolean;
  notInWritingReason?: string | null | undefined;
  offenceWarningGiven: boolean;
  offenceWarningImpracticableReason?: string | null | undefined;
  /** s35(7): taken to where they live or to a place of safety. */
  removedTo?: { kind: 'home' | 'place_of_safety'; where: string } | null | undefined;
}

/**
 * s35: a direction needs a live s34 authorisation covering the place when it is given (the
 * exclusion may run past the authorisation's end, only its start must fall within it, s35(4));
 * the person appears to be 10 or over (CPS guidance); the exclusion lasts at most 48 hours
 * (s35(4)); in writing unless not reasonably practicable (s35(5)); the offence warning (s35(6));
 * removal home or to a place of safety only for a person believed under 16 (s35(7)). A direction
 * to a child (local setting, under 18) opens a home-visit task due within the local number of days.
 */
export function checkDirection(d: DirectionDraft, authorisations: readonly AuthorisationInForce[], store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, d.givenAt);
  const live = authorisations.filter((a) => a.startsAt.getTime() <= d.givenAt.getTime() && d.givenAt.getTime() < a.endsAt.getTime());
  const covering = live.find((a) => placeInLocality(d.place, a.locality));
  if (!covering) {
    const why = authorisations.length === 0 ? 'none is recorded'
      : live.length === 0 ? `none was in force at ${when(d.givenAt)}` : 'the place is outside the locality of every authorisation in force then';
    r.refuse('dispersal.live_authorisation', 'authorisationId', `A direction needs a dispersal authorisation in force at the time and place it is given: ${why}.`, `${ACT_2014} s35(1), s34(1)`);
  } else r.derived.authorisationId = covering.id;

  const age = ageAtEvent(d.subject, d.givenAt);
  r.derived.age = age;
  const minAge = r.need<number>('powers.dispersal.min_age_years');
  if (age.age === null) r.refuse('dispersal.min_age', 'subject.appearsAge', 'Give the person\'s date of birth or the age they appear to be.', r.source('powers.dispersal.min_age_years'));
  else if (age.age < minAge) {
    r.refuse('dispersal.min_age', age.basis === 'date_of_birth' ? 'subject.dateOfBirth' : 'subject.appearsAge', `A direction may only be given to a person who appears to be ${minAge} or over: ${age.age} ${age.basis === 'date_of_birth' ? 'by date of birth' : 'as they appear'}.`, r.source('powers.dispersal.min_age_years'));
  }

  const maxHours = r.need<number>('powers.dispersal.max_hours');
  const limit = addElapsedHours(d.givenAt, maxHours);
  const hours = elapsedHours(d.givenAt, d.exclusionEndsAt);
  if (hours <= 0) r.refuse('dispersal.exclusion_period', 'exclusionEndsAt', 'The exclusion must end after the direction is given.', `${ACT_2014} s35(4)`);
  else if (hours > maxHours) {
    r.refuse('dispersal.exclusion_period', 'exclusionEndsAt', `The exclusion may last at most ${maxHours} hours from when the direction was given: it must end by ${when(limit)}, not ${when(d.exclusionEndsAt)}.`, r.source('powers.dispersal.max_hours'));
  }
  r.derived.exclusionLimit = limit.toISOString();

  if (!d.inWriting && !d.notInWritingReason?.trim()) {
    r.refuse('dispersal.in_writing', 'notInWritingReason', 'A direction is given in writing: if that was not reasonably practicable, say why.', `${ACT_2014} s35(5)`);
  }
  if (!d.offenceWarningGiven && !d.offenceWarningImpracticableReason?.trim()) {
    r.refuse('dispersal.offence_warning', 'offenceWarningGiven', 'Tell the person that failing to comply without reasonable excuse is an offence, or say why that was not practicable.', `${ACT_2014} s35(6)`);
  }
  const takeHomeUnder = r.need<number>('powers.dispersal.take_home_under_age_years');
  if (d.removedTo) {
    if (age.age !== null && age.age >= takeHomeUnder) {
      r.refuse('dispersal.removal_under_16', 'removedTo', `A person may be taken home or to a place of safety only if believed to be under ${takeHomeUnder}: ${age.age} recorded.`, r.source('powers.dispersal.take_home_under_age_years'));
    }
    if (!d.removedTo.where.trim()) r.refuse('dispersal.removal_where', 'removedTo.where', 'Say where the person was taken.', `${ACT_2014} s35(7)`);
  }

  const visitUnder = r.need<number>('powers.dispersal.home_visit_under_age_years');
  const visitDays = r.need<number>('powers.dispersal.home_visit_due_days');
  const homeVisit = age.age !== null && age.age < visitUnder;
  r.derived.homeVisitRequired = homeVisit;
  if (hours > 0) r.deadline({ kind: 'exclusion_ends', what: 'Exclusion ends', due: londonDate(d.exclusionEndsAt), at: d.exclusionEndsAt.toISOString(), legalSource: `${ACT_2014} s35(4)` });
  if (homeVisit) {
    r.deadline({ kind: 'home_visit', what: 'Visit the parent or carer of the child dispersed', due: lastDayBeginningWith(londonDate(d.givenAt), visitDays), legalSource: r.source('powers.dispersal.home_visit_due_days') });
  }
  return r.outcome();
}

/** s35(8)-(9): a direction may be varied or withdrawn, but not so as to last beyond 48 hours from when first given. */
export function checkDirectionVariation(firstGivenAt: Date, variedAt: Date, newExclusionEndsAt: Date | null, store: ConfigReader): RuleOutcome {
  const r = new RuleRun(store, firstGivenAt);
  const maxHours = r.need<number>('powers.dispersal.max_hours');
  const limit = addElapsedHours(firstGivenAt, maxHours);
  if (variedAt.getTime() < firstGivenAt.getTime()) r.refuse('dispersal.variation_after_direction', 'variedAt', 'A variation comes after the direction.', `${ACT_2014} s35(8)`);
  if (newExclusionEndsAt && newExclusionEndsAt.getTime() > limit.getTime()) {
    r.refuse('dispersal.variation_limit', 'exclusionEndsAt', `A variation cannot run beyond ${maxHours} hours from when the direction was first given: ${when(limit)} at the latest.`, `${ACT_2014} s35(9)`);
  }
  if (newExclusionEndsAt && newExclusionEndsAt.getTime() <= variedAt.getTime()) {
    r.refuse('dispersal.exclusion_period', 'exclusionEndsAt', 'The new end must come after the variation (to end it now, withdraw the direction).', `${ACT_2014} s35(8)`);
  }
  if (newExclusionEndsAt) r.deadline({ kind: 'exclusion_ends', what: 'Exclusion ends (varied)', due: londonDate(newExclusionEndsAt), at: newExclusionEndsAt.toISOString(), legalSource: `${ACT_2014} s35(8)` });
  return r.outcome();
}

const round = (h: number) => Math.round(h * 100) / 100;
