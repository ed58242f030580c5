import { describe, expect, it } from 'vitest';
import { ConfigSnapshot } from '../../../platform/config-store/index.js';
import { parseInstant } from '../../../platform/time/london.js';
import { ageAtEvent } from './common.js';
import { checkAuthorisation, checkDirection, checkDirectionVariation, type AuthorisationInForce, type DirectionDraft } from './dispersal.js';

const store = new ConfigSnapshot([]);
const t = (s: string) => parseInstant(s);
const rules = (o: { findings: { rule: string }[] }) => o.findings.map((f) => f.rule);

const auth = (over: Partial<Parameters<typeof checkAuthorisation>[0]> = {}) => ({
  authorisedAt: t('2026-07-03T17:00'), startsAt: t('2026-07-03T18:00'), endsAt: t('2026-07-05T18:00'),
  issuerAgency: 'police', issuerRank: 'inspector', locality: { lsoas: ['E01024000'] }, grounds: 'Groups gathering and fighting', articles10And11Regard: true, ...over,
});

describe('s34 authorisation: "a police officer of at least the rank of inspector ... a specified period of not more than 48 hours"', () => {
  it('an inspector may authorise exactly 48 hours', () => {
    const o = checkAuthorisation(auth(), store);
    expect(o.findings).toEqual([]);
    expect(o.ruleVersions).toContain('default:powers.dispersal.max_hours@1');
    expect(o.deadlines[0]).toMatchObject({ kind: 'authorisation_expires', due: '2026-07-05' });
  });
  it('a sergeant may not, and the finding quotes s34(1)', () => {
    const o = checkAuthorisation(auth({ issuerRank: 'sergeant' }), store);
    expect(o.findings).toEqual([expect.objectContaining({ rule: 'dispersal.authoriser_rank', field: 'issuerRank', legalSource: 'Anti-social Behaviour, Crime and Policing Act 2014 s34(1)' })]);
  });
  it('48 hours are elapsed hours across the spring clock change: 29 Mar 2026 00:00 to 31 Mar 01:00 local is 48 real hours', () => {
    expect(checkAuthorisation(auth({ startsAt: t('2026-03-29T00:00'), endsAt: t('2026-03-31T01:00') }), store).findings).toEqual([]);
    expect(rules(checkAuthorisation(auth({ startsAt: t('2026-03-29T00:00'), endsAt: t('2026-03-31T01:01') }), store))).toEqual(['dispersal.authorisation_period']);
  });
  it('across the autumn clock change 48 real hours end an hour earlier on the clock: 25 Oct 2026 00:00 to 26 Oct 23:00 local', () => {
    expect(checkAuthorisation(auth({ startsAt: t('2026-10-25T00:00'), endsAt: t('2026-10-26T23:00') }), store).findings).toEqual([]);
    expect(rules(checkAuthorisation(auth({ startsAt: t('2026-10-25T00:00'), endsAt: t('2026-10-27T00:00') }), store))).toEqual(['dispersal.authorisation_period']);
  });
  it('refuses with every finding at once: no grounds, no Articles 10 and 11 regard, no locality', () => {
    expect(rules(checkAuthorisation(auth({ grounds: ' ', articles10And11Regard: false, locality: {} }), store)))
      .toEqual(['dispersal.grounds_in_writing', 'dispersal.articles_10_11', 'dispersal.locality_required']);
  });
});

const live: AuthorisationInForce = { id: 1, startsAt: t('2026-07-03T18:00'), endsAt: t('2026-07-05T18:00'), locality: { lsoas: ['E01024000'], polygon: [[0, 51], [1, 51], [1, 52], [0, 52]] } };
const direction = (over: Partial<DirectionDraft> = {}): DirectionDraft => ({
  givenAt: t('2026-07-05T17:30'), place: { lsoaCode: 'E01024000' }, subject: { appearsAge: 15 }, exclusionEndsAt: t('2026-07-07T17:30'),
  inWriting: true, offenceWarningGiven: true, ...over,
});

describe('s35 direction', () => {
  it('"the exclusion may run past the authorisation\'s end": given 30 minutes before it ends, excluded for 48 hours', () => {
    const o = checkDirection(direction(), [live], store);
    expect(o.findings).toEqual([]);
    expect(o.derived.authorisationId).toBe(1);
  });
  it('needs a live authorisation at the time given (s35(1)): refused a minute after it ended', () => {
    const o = checkDirection(direction({ givenAt: t('2026-07-05T18:00'), exclusionEndsAt: t('2026-07-06T18:00') }), [live], store);
    expect(o.findings[0]).toMatchObject({ rule: 'dispersal.live_authorisation', message: expect.stringContaining('none was in force') });
  });
  it('needs the place inside the locality: by LSOA, or inside the drawn polygon', () => {
    expect(rules(checkDirection(direction({ place: { lsoaCode: 'E01099999' } }), [live], store))).toEqual(['dispersal.live_authorisation']);
    expect(checkDirection(direction({ place: { lsoaCode: 'E01099999', lon: 0.5, lat: 51.5 } }), [live], store).findings).toEqual([]);
  });
  it('"appears to be aged 10 or over": 9 refused, 10 allowed', () => {
    expect(rules(checkDirection(direction({ subject: { appearsAge: 9 } }), [live], store))).toEqual(['dispersal.min_age']);
    expect(checkDirection(direction({ subject: { appearsAge: 10 } }), [live], store).findings).toEqual([]);
  });
  it('a child born on 29 February 2016 turns 10 on 1 March 2026 (not a leap year): refused on 28 February, allowed on 1 March', () => {
    const a = { ...live, startsAt: t('2026-02-27T12:00'), endsAt: t('2026-03-01T12:00') };
    const feb28 = checkDirection(direction({ givenAt: t('2026-02-28T20:00'), exclusionEndsAt: t('2026-03-01T20:00'), subject: { dateOfBirth: '2016-02-29' } }), [a], store);
    expect(feb28.findings).toEqual([expect.objectContaining({ rule: 'dispersal.min_age', field: 'subject.dateOfBirth', message: expect.stringContaining('9 by date of birth') })]);
    const mar1 = checkDirection(direction({ givenAt: t('2026-03-01T08:00'), exclusionEndsAt: t('2026-03-01T20:00'), subject: { dateOfBirth: '2016-02-29' } }), [a], store);
    expect(mar1.findings).toEqual([]);
    expect(ageAtEvent({ dateOfBirth: '2016-02-29' }, t('2028-02-29T12:00'))).toEqual({ age: 12, basis: 'date_of_birth' });
  });
  it('"not more than 48 hours": exclusion 48 h of elapsed time across the autumn clock change (given 24 Oct 2026 12:00 BST, ends 26 Oct 11:00 GMT)', () => {
    const a = { ...live, startsAt: t('2026-10-24T00:00'), endsAt: t('2026-10-25T12:00') };
    expect(checkDirection(direction({ givenAt: t('2026-10-24T12:00'), exclusionEndsAt: t('2026-10-26T11:00') }), [a], store).findings).toEqual([]);
    const o = checkDirection(direction({ givenAt: t('2026-10-24T12:00'), exclusionEndsAt: t('2026-10-26T12:00') }), [a], store);
    expect(o.findings).toEqual([expect.objectContaining({ rule: 'dispersal.exclusion_period', message: expect.stringContaining('2026-10-26 11:00') })]);
  });
  it('and across the spring clock change (given 28 Mar 2026 12:00 GMT, 48 h end 30 Mar 13:00 BST)', () => {
    const a = { ...live, startsAt: t('2026-03-28T00:00'), endsAt: t('2026-03-29T12:00') };
    expect(checkDirection(direction({ givenAt: t('2026-03-28T12:00'), exclusionEndsAt: t('2026-03-30T13:00') }), [a], store).findings).toEqual([]);
    expect(rules(checkDirection(direction({ givenAt: t('2026-03-28T12:00'), exclusionEndsAt: t('2026-03-30T13:01') }), [a], store))).toEqual(['dispersal.exclusion_period']);
  });
  it('in writing unless impracticable (s35(5)); the offence warning unless impracticable (s35(6))', () => {
    expect(rules(checkDirection(direction({ inWriting: false, offenceWarningGiven: false }), [live], store))).toEqual(['dispersal.in_writing', 'dispersal.offence_warning']);
    expect(checkDirection(direction({ inWriting: false, notInWritingReason: 'Crowd, no forms left', offenceWarningGiven: false, offenceWarningImpracticableReason: 'Ran off' }), [live], store).findings).toEqual([]);
  });
  it('removal home or to a place of safety only for a person believed under 16 (s35(7))', () => {
    expect(checkDirection(direction({ subject: { appearsAge: 15 }, removedTo: { kind: 'home', where: '12 Acacia Road' } }), [live], store).findings).toEqual([]);
    expect(rules(checkDirection(direction({ subject: { appearsAge: 16 }, removedTo: { kind: 'home', where: '12 Acacia Road' } }), [live], store))).toEqual(['dispersal.removal_under_16']);
  });
  it('a direction to a child (under 18, local setting) opens a home visit due within 7 days beginning with the day given; 18 does not', () => {
    const o = checkDirection(direction({ subject: { appearsAge: 17 } }), [live], store);
    expect(o.derived.homeVisitRequired).toBe(true);
    expect(o.deadlines.find((d) => d.kind === 'home_visit')).toMatchObject({ due: '2026-07-11' });
    expect(checkDirection(direction({ subject: { appearsAge: 18 } }), [live], store).derived.homeVisitRequired).toBe(false);
  });
  it('a home visit after a direction on Christmas Day counts Christmas Day as day 1 (calendar days, nothing disregarded)', () => {
    const a = { ...live, startsAt: t('2026-12-25T10:00'), endsAt: t('2026-12-26T10:00') };
    const o = checkDirection(direction({ givenAt: t('2026-12-25T20:00'), exclusionEndsAt: t('2026-12-26T20:00') }), [a], store);
    expect(o.deadlines.find((d) => d.kind === 'home_visit')!.due).toBe('2026-12-31');
  });
});

describe('s35(8)-(9) variation: "not ... beyond 48 hours from when the direction was first given"', () => {
  it('allows up to the 48th hour and refuses beyond', () => {
    expect(checkDirectionVariation(t('2026-07-05T17:30'), t('2026-07-06T10:00'), t('2026-07-07T17:30'), store).findings).toEqual([]);
    expect(rules(checkDirectionVariation(t('2026-07-05T17:30'), t('2026-07-06T10:00'), t('2026-07-07T17:31'), store))).toEqual(['dispersal.variation_limit']);
  });
});
