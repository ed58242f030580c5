/**
 * From a draft act to a decision: resolves the place (LSOA and district), the subject (age from
 * the person's date of birth or the apparent age), the record it follows, and the earlier records
 * the rule needs (live authorisations, prior CPWs, prior s59 warnings); then runs the pure rule of
 * its type with the configuration in force at the act's selecting instant. Runs inside the
 * caller's transaction; changes nothing.
 */
import { sql } from 'kysely';
import type { ConfigSnapshot } from '../../platform/config-store/index.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, type Finding } from '../../platform/errors.js';
import { scopeHasDistrict, type Scope } from '../../platform/module/context.js';
import type { Principal } from '../../platform/policy.js';
import { parseOrThrow } from '../../platform/validate.js';
import { endOfLondonDay, londonDate, parseInstant } from '../../platform/time/london.js';
import { assertPersonVisible, lsoaOfPoint } from '../people/index.js';
import { addSchema, type AddInput } from './powers.schema.js';
import { applyAccountRank } from './powers.ranks.js';
import type { AgeBasis, Power, PowerRecordTable, RecordType } from './powers.tables.js';
import {
  ageAtEvent, checkAdjournment, checkAuthorisation, checkClosureExtension, checkClosureNotice, checkClosureOrder, checkClosureOrderExtension,
  checkBreach, checkCpn, checkDirection, checkDirectionVariation, checkFixedPenalty, checkS59Seizure, checkS59Warning, checkWarning, normaliseVrm,
  type Locality, type RuleOutcome, type Subject,
} from './rules/index.js';

export const STAGES: Record<RecordType, { power: Power; stage: string; parent?: RecordType[] }> = {
  dispersal_authorisation: { power: 'dispersal', stage: 'authorised' },
  dispersal_direction: { power: 'dispersal', stage: 'directed' },
  dispersal_variation: { power: 'dispersal', stage: 'varied', parent: ['dispersal_direction'] },
  cpw: { power: 'cpw', stage: 'warning_issued' },
  cpn: { power: 'cpn', stage: 'notice_issued' },
  cpn_fpn: { power: 'cpn', stage: 'fixed_penalty', parent: ['cpn'] },
  cpn_breach: { power: 'cpn', stage: 'breached', parent: ['cpn'] },
  s59_warning: { power: 's59', stage: 'warned' },
  s59_seizure: { power: 's59', stage: 'seized' },
  closure_notice: { power: 'closure', stage: 'notice_served' },
  closure_extension: { power: 'closure', stage: 'notice_extended', parent: ['closure_notice'] },
  closure_adjournment: { power: 'closure', stage: 'hearing_adjourned', parent: ['closure_notice'] },
  closure_order: { power: 'closure', stage: 'order_made', parent: ['closure_notice'] },
  closure_order_extension: { power: 'closure', stage: 'order_extended', parent: ['closure_order'] },
};

export type RecordRow = Omit<PowerRecordTable, 'id' | 'subject_is_body' | 'outside_rules' | 'is_demo' | 'created_at' | 'details' | 'notices' | 'rule_versions' | 'outside_rules_findings'> & {
  id: number; subject_is_body: boolean; outside_rules: boolean; is_demo: boolean; created_at: Date;
  details: Record<string, unknown>; notices: Finding[]; rule_versions: string[]; outside_rules_findings: Finding[] | null;
};

/** Everything an add needs after the rules ran. */
export interface Evaluated {
  input: AddInput;
  outcome: RuleOutcome;
  occurredAt: Date;
  rulesAt: Date;
  endsAt: Date | null;
  district: string;
  lsoaCode: string | null;
  lon: number | null;
  lat: number | null;
  placeId: number | null;
  subject: Subject & { personId: number | null };
  age: { age: number | null; basis: AgeBasis };
  vrm: string | null;
  conductCategory: string | null;
  parent: RecordRow | null;
  details: Record<string, unknown>;
}

const instantOf = (value: string, field: string) => parseInstant(value, field);

/** The district of an LSOA from the imported boundaries (null when not held). */
async function districtOfLsoa(db: Db, code: string): Promise<string | null> {
  const r = await db.selectFrom('boundary').select('district_name').where('level', '=', 'lsoa').where('code', '=', code).executeTakeFirst();
  return r?.district_name ?? null;
}

export async function findRecord(db: Db, id: number): Promise<RecordRow | undefined> {
  return (await db.selectFrom('power_record').selectAll().where('id', '=', id).executeTakeFirst()) as RecordRow | undefined;
}

/** 404 unless the record exists within the scope (existence outside it is not revealed). */
export async function recordInScope(db: Db, scope: Scope, id: number): Promise<RecordRow> {
  const r = await findRecord(db, id);
  if (!r || !scopeHasDistrict(scope, r.district)) throw new AppError('not_found', `No powers record ${id}`);
  return r;
}

async function resolvePlace(db: Db, input: AddInput, parent: RecordRow | null) {
  const p = input.place ?? {};
  let lsoaCode = p.lsoaCode ?? null;
  let district: string | null = null;
  let placeId: number | null = p.placeId ?? null;
  if (placeId !== null) {
    const place = await db.selectFrom('place').select(['district', 'lsoa_code', 'lon', 'lat']).where('id', '=', placeId).executeTakeFirst();
    if (!place) throw new AppError('validation', `place.placeId: no place ${placeId}`, [{ field: 'place.placeId', message: 'no such place' }]);
    district = place.district;
    lsoaCode ??= place.lsoa_code;
  }
  if (p.lon !== undefined && p.lat !== undefined) {
    const hit = await lsoaOfPoint(db, p.lon, p.lat);
    if (hit) { lsoaCode = hit.code; district = hit.district ?? district; }
  }
  if (!district && lsoaCode) district = await districtOfLsoa(db, lsoaCode);
  if (!district && input.type === 'dispersal_authorisation' && input.locality.lsoas?.[0]) district = await districtOfLsoa(db, input.locality.lsoas[0]);
  if (!district && p.district) district = p.district;
  if (!district && parent) { district = parent.district; lsoaCode ??= parent.lsoa_code; placeId ??= parent.place_id; }
  if (!district) throw new AppError('validation', 'place.district: choose the district (or give the LSOA or the point)', [{ field: 'place.district', message: 'is required' }]);
  return { district, lsoaCode, placeId, lon: p.lon ?? parent?.lon ?? null, lat: p.lat ?? parent?.lat ?? null };
}

async function resolveSubject(db: Db, principal: Principal | null, input: AddInput, parent: RecordRow | null): Promise<Subject & { personId: number | null }> {
  const s = input.subject ?? {};
  if (s.personId !== undefined) {
    if (principal) await assertPersonVisible(db, principal, s.personId);
    const person = await db.selectFrom('person').select(['given_name', 'family_name', 'date_of_birth']).where('id', '=', s.personId).executeTakeFirst();
    if (!person) throw new AppError('validation', `subject.personId: no person ${s.personId}`, [{ field: 'subject.personId', message: 'no such person' }]);
    return { personId: s.personId, name: s.name ?? `${person.given_name} ${person.family_name}`, dateOfBirth: s.dateOfBirth ?? (person.date_of_birth as string | null), appearsAge: s.appearsAge ?? null, body: false };
  }
  if (!input.subject && parent && (parent.person_id || parent.subject_name)) {
    return { personId: parent.person_id, name: parent.subject_name, dateOfBirth: parent.subject_dob, appearsAge: parent.subject_appears_age, body: parent.subject_is_body };
  }
  return { personId: null, name: s.name ?? null, dateOfBirth: s.dateOfBirth ?? null, appearsAge: s.appearsAge ?? null, body: s.body ?? false };
}

/** Same recipient: the same person record, else the same name (case-insensitive) when neither has a person record. */
function sameRecipient(subject: Subject & { personId: number | null }) {
  return subject.personId
    ? sql<boolean>`person_id = ${subject.personId}`
    : sql<boolean>`person_id is null and lower(subject_name) = ${(subject.name ?? '').trim().toLowerCase()}`;
}

const authorisationLocality = (r: RecordRow): Locality => r.details.locality as Locality;

/** Runs the rule of the draft's type. Throws 400 for malformed input, 404 for a parent outside scope. */
export async function evaluateDraft(db: Db, scope: Scope, principal: Principal | null, body: unknown, config: ConfigSnapshot, now: Date): Promise<Evaluated> {
  const input = parseOrThrow(addSchema, body) as AddInput;
  const rankFrom = await applyAccountRank(db, principal, input);
  const spec = STAGES[input.type];
  const occurredAt = instantOf(input.occurredAt, 'occurredAt');
  let parent: RecordRow | null = null;
  if (spec.parent) {
    if (!input.parentId) throw new AppError('validation', `parentId: name the ${spec.parent.join(' or ').replace(/_/g, ' ')} this follows`, [{ field: 'parentId', message: 'is required' }]);
    parent = await recordInScope(db, scope, input.parentId);
    if (!spec.parent.includes(parent.record_type)) {
      throw new AppError('validation', `parentId: record ${parent.id} is a ${parent.record_type.replace(/_/g, ' ')}, not a ${spec.parent.join(' or ').replace(/_/g, ' ')}`, [{ field: 'parentId', message: 'wrong record type' }]);
    }
  }
  const place = await resolvePlace(db, input, parent);
  if (!scopeHasDistrict(scope, place.district)) throw new AppError('forbidden', `You may not record powers in ${place.district} (outside your districts)`);
  const subject = await resolveSubject(db, principal, input, parent);
  if (input.problemId !== undefined && !(await db.selectFrom('problem').select('id').where('id', '=', input.problemId).executeTakeFirst())) {
    throw new AppError('validation', `problemId: no problem ${input.problemId}`, [{ field: 'problemId', message: 'no such problem' }]);
  }
  if (input.planId !== undefined && !(await db.selectFrom('plan').select('id').where('id', '=', input.planId).executeTakeFirst())) {
    throw new AppError('validation', `planId: no plan ${input.planId}`, [{ field: 'planId', message: 'no such plan' }]);
  }
  const issuer = input.issuer;
  const rank = issuer.rank ?? null;
  let outcome: RuleOutcome;
  let rulesAt = occurredAt;
  let endsAt: Date | null = null;
  let details: Record<string, unknown> = {};
  let conductCategory: string | null = null;
  let vrm: string | null = null;
  switch (input.type) {
    case 'dispersal_authorisation': {
      const startsAt = instantOf(input.startsAt, 'startsAt');
      endsAt = instantOf(input.endsAt, 'endsAt');
      outcome = checkAuthorisation({ authorisedAt: occurredAt, startsAt, endsAt, issuerAgency: issuer.agency, issuerRank: rank, locality: input.locality, grounds: input.grounds, articles10And11Regard: input.articles10And11Regard }, config);
      details = { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), locality: input.locality, grounds: input.grounds, articles10And11Regard: input.articles10And11Regard };
      break;
    }
    case 'dispersal_direction': {
      endsAt = instantOf(input.exclusionEndsAt, 'exclusionEndsAt');
      const auths = (await db.selectFrom('power_record').selectAll().where('record_type', '=', 'dispersal_authorisation')
        .where(sql<boolean>`lower(district) = ${place.district.toLowerCase()}`).where('outside_rules', '=', false)
        .where(sql<boolean>`(details->>'startsAt')::timestamptz <= ${occurredAt}`).where('ends_at', '>', occurredAt).execute()) as RecordRow[];
      outcome = checkDirection({
        givenAt: occurredAt, place: { lsoaCode: place.lsoaCode, lon: place.lon, lat: place.lat }, subject, exclusionEndsAt: endsAt,
        inWriting: input.inWriting, notInWritingReason: input.notInWritingReason, offenceWarningGiven: input.offenceWarningGiven,
        offenceWarningImpracticableReason: input.offenceWarningImpracticableReason, removedTo: input.removedTo ?? null,
      }, auths.map((a) => ({ id: a.id, startsAt: new Date(String(a.details.startsAt)), endsAt: a.ends_at!, locality: authorisationLocality(a) })), config);
      if (typeof outcome.derived.authorisationId === 'number') parent = (await findRecord(db, outcome.derived.authorisationId)) ?? null;
      details = { exclusionEndsAt: endsAt.toISOString(), excludedArea: input.excludedArea ?? null, behaviour: input.behaviour ?? null, leaveBy: input.leaveBy ?? null, inWriting: input.inWriting, notInWritingReason: input.notInWritingReason ?? null, offenceWarningGiven: input.offenceWarningGiven, offenceWarningImpracticableReason: input.offenceWarningImpracticableReason ?? null, removedTo: input.removedTo ?? null, surrenderedItems: input.surrenderedItems ?? [] };
      break;
    }
    case 'dispersal_variation': {
      const newEnd = input.exclusionEndsAt ? instantOf(input.exclusionEndsAt, 'exclusionEndsAt') : null;
      if (!newEnd && !input.withdrawn) throw new AppError('validation', 'exclusionEndsAt: give the new end of the exclusion, or withdrawn: true', [{ field: 'exclusionEndsAt', message: 'is required unless withdrawn' }]);
      outcome = checkDirectionVariation(parent!.occurred_at, occurredAt, input.withdrawn ? null : newEnd, config);
      endsAt = input.withdrawn ? occurredAt : newEnd;
      details = { exclusionEndsAt: endsAt?.toISOString() ?? null, withdrawn: input.withdrawn ?? false, noticeGiven: input.noticeGiven };
      break;
    }
    case 'cpw':
    case 'cpn': {
      conductCategory = input.conductCategory.toLowerCase();
      const draft = { issuedAt: occurredAt, recipient: subject, conductCategory, conduct: input.conduct, requirements: input.requirements };
      if (input.type === 'cpw') {
        outcome = checkWarning(draft, config);
        details = { conduct: input.conduct, requirements: input.requirements, complyBy: input.complyBy ?? null };
      } else {
        const cpws = (await db.selectFrom('power_record').selectAll().where('record_type', '=', 'cpw').where('conduct_category', '=', conductCategory).where(sameRecipient(subject)).execute()) as RecordRow[];
        outcome = checkCpn({ ...draft, timeEnoughConfirmed: input.timeEnoughConfirmed }, cpws.map((w) => ({ id: w.id, issuedAt: w.occurred_at, requirements: (w.details.requirements as string[]) ?? [] })), config);
        if (typeof outcome.derived.cpwId === 'number') parent = (await findRecord(db, outcome.derived.cpwId)) ?? null;
        details = { conduct: input.conduct, requirements: input.requirements, timeEnoughConfirmed: input.timeEnoughConfirmed, daysSinceCpw: outcome.derived.daysSinceCpw ?? null, othersInformed: input.othersInformed ?? null };
      }
      break;
    }
    case 'cpn_fpn': {
      const failedAt = instantOf(input.failedAt, 'failedAt');
      rulesAt = failedAt;
      conductCategory = parent!.conduct_category;
      outcome = checkFixedPenalty({ failedAt, issuedAt: occurredAt, amountGbp: input.amountGbp }, config);
      if (failedAt.getTime() < parent!.occurred_at.getTime()) outcome.findings.push({ rule: 'cpn.fpn_after_failure', field: 'failedAt', message: 'The failure to comply comes after the CPN was issued.', legalSource: 'Anti-social Behaviour, Crime and Policing Act 2014 s48' });
      details = { failedAt: failedAt.toISOString(), amountGbp: input.amountGbp, maximumGbp: outcome.derived.maximumGbp };
      break;
    }
    case 'cpn_breach': {
      conductCategory = parent!.conduct_category;
      const actionOn = input.actionOn ?? londonDate(occurredAt);
      const fpns = await db.selectFrom('power_deadline as d').innerJoin('power_record as f', 'f.id', 'd.record_id').select('d.due_on')
        .where('f.parent_id', '=', parent!.id).where('f.record_type', '=', 'cpn_fpn').where('d.kind', '=', 'fpn_payment').execute();
      outcome = checkBreach({ breachedAt: occurredAt, cpnIssuedAt: parent!.occurred_at, requirement: input.requirement, action: input.action, actionOn, issuerAgency: issuer.agency, fpnPaymentEnds: fpns.map((f) => String(f.due_on)) }, config);
      details = { requirement: input.requirement, action: input.action, actionOn, reasonableExcuseConsidered: input.reasonableExcuseConsidered ?? null, notes: input.notes ?? null };
      break;
    }
    case 's59_warning': {
      vrm = normaliseVrm(input.vrm);
      outcome = checkS59Warning({ givenAt: occurredAt, subject, vrm }, config);
      details = {};
      break;
    }
    case 's59_seizure': {
      vrm = normaliseVrm(input.vrm);
      const warnings = (await db.selectFrom('power_record').selectAll().where('record_type', '=', 's59_warning')
        .where((eb) => eb.or([eb('vehicle_vrm', '=', vrm!), sameRecipient(subject) as never])).execute()) as RecordRow[];
      outcome = checkS59Seizure({ seizedAt: occurredAt, subject, vrm, warnedThisOccasion: input.warnedThisOccasion, warningImpracticableReason: input.warningImpracticableReason }, warnings.map((w) => ({
        id: w.id, givenAt: w.occurred_at, vrm: w.vehicle_vrm ?? '',
        samePerson: subject.personId ? w.person_id === subject.personId : w.person_id === null && (w.subject_name ?? '').trim().toLowerCase() === (subject.name ?? '').trim().toLowerCase() && !!subject.name,
      })), config);
      details = { warnedThisOccasion: input.warnedThisOccasion, warningImpracticableReason: input.warningImpracticableReason ?? null, warningRequired: outcome.derived.warningRequired, exception: outcome.derived.exception ?? null, priorWarningId: outcome.derived.priorWarningId ?? null };
      break;
    }
    case 'closure_notice': {
      const hearingAt = input.hearingAt ? instantOf(input.hearingAt, 'hearingAt') : null;
      outcome = checkClosureNotice({ servedAt: occurredAt, issuerAgency: issuer.agency, issuerRank: rank, signedBySenior: issuer.signedBySenior ?? false, periodHours: input.periodHours, premises: input.premises, hearingAt }, config);
      endsAt = new Date(String(outcome.derived.endsAt));
      details = { periodHours: input.periodHours, premises: input.premises, hearingAt: hearingAt?.toISOString() ?? null, hearingBy: outcome.derived.hearingBy, court: input.court ?? null, licensedPremises: input.licensedPremises ?? false };
      break;
    }
    case 'closure_extension': {
      const extended = await db.selectFrom('power_record').select('id').where('parent_id', '=', parent!.id).where('record_type', '=', 'closure_extension').executeTakeFirst();
      outcome = checkClosureExtension({ issuedAt: occurredAt, issuerAgency: issuer.agency, issuerRank: rank, signedBySenior: issuer.signedBySenior ?? false, hours: input.hours, notice: { servedAt: parent!.occurred_at, endsAt: parent!.ends_at!, extended: !!extended } }, config);
      endsAt = outcome.derived.endsAt ? new Date(String(outcome.derived.endsAt)) : null;
      rulesAt = parent!.occurred_at;
      details = { hours: input.hours, previousEndsAt: parent!.ends_at!.toISOString(), endsAt: endsAt?.toISOString() ?? null };
      break;
    }
    case 'closure_adjournment': {
      const hearingOn = londonDate(occurredAt);
      outcome = checkAdjournment({ hearingOn, adjournedTo: input.adjournedTo, noticeServedAt: parent!.occurred_at }, config);
      rulesAt = parent!.occurred_at;
      endsAt = input.noticeContinues ? endOfLondonDay(input.adjournedTo) : null;
      details = { hearingOn, adjournedTo: input.adjournedTo, noticeContinues: input.noticeContinues };
      break;
    }
    case 'closure_order': {
      const madeOn = londonDate(occurredAt);
      const licensed = parent!.details.licensedPremises === true;
      outcome = checkClosureOrder({ madeOn, endsOn: input.endsOn, licensedPremises: licensed, licensingAuthorityNotified: input.licensingAuthorityNotified ?? false }, config);
      endsAt = endOfLondonDay(input.endsOn);
      details = { madeOn, endsOn: input.endsOn, court: input.court ?? null, licensedPremises: licensed, licensingAuthorityNotified: input.licensingAuthorityNotified ?? false, premises: parent!.details.premises ?? null };
      break;
    }
    case 'closure_order_extension': {
      const decidedOn = londonDate(occurredAt);
      const originalMadeOn = String(parent!.details.madeOn);
      const currentEndsOn = londonDate(new Date(parent!.ends_at!.getTime() - 1));
      outcome = checkClosureOrderExtension(originalMadeOn, currentEndsOn, input.endsOn, decidedOn, config);
      endsAt = endOfLondonDay(input.endsOn);
      details = { originalMadeOn, previousEndsOn: currentEndsOn, endsOn: input.endsOn };
      break;
    }
  }
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000) {
    outcome.findings.push({ rule: 'powers.in_the_future', field: 'occurredAt', message: `Record an act once it is done: ${londonDate(occurredAt)} is in the future.` });
  }
  const age = ['dispersal_authorisation', 'closure_notice', 'closure_extension', 'closure_adjournment', 'closure_order', 'closure_order_extension'].includes(input.type) && !input.subject
    ? { age: null, basis: 'not_applicable' as const } : ageAtEvent(subject, occurredAt);
  outcome.derived.issuerRank = issuer.rank ?? null;
  outcome.derived.issuerRankFrom = rankFrom.issuerRankFrom;
  details = { ...details, issuerRankFrom: rankFrom.issuerRankFrom, ...(input.outsideRules ? { recorderRankFrom: rankFrom.recorderRankFrom } : {}) };
  return { input, outcome, occurredAt, rulesAt, endsAt, ...place, subject, age, vrm, conductCategory, parent, details };
}
