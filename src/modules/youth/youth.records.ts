/** Row -> API shapes of the youth records (camelCase; dates as YYYY-MM-DD). */
import type { Selectable } from 'kysely';
import type { YouthTables } from './youth.tables.js';

type Row<K extends keyof YouthTables> = Selectable<YouthTables[K]>;
const iso = (d: Date | string) => new Date(d).toISOString();

export const workbookOut = (r: Row<'youth_workbook'>) => ({
  id: r.id, personId: r.person_id, ageAtStart: r.age_at_start, category: r.category, crimeRef: r.crime_ref, officer: r.officer,
  district: r.district, status: r.status, startedOn: r.started_on, completedOn: r.completed_on, endedOn: r.ended_on,
  notCompletedReason: r.not_completed_reason, nextSessionOn: r.next_session_on, riskFactors: r.risk_factors, referrals: r.referrals,
  demo: r.created_by === 'demo', createdBy: r.created_by, createdAt: iso(r.created_at),
});
export type WorkbookOut = ReturnType<typeof workbookOut>;

export const referralOut = (r: Row<'youth_referral'>) => ({
  id: r.id, personId: r.person_id, ageAtReferral: r.age_at_referral, programme: r.programme, provider: r.provider, referredOn: r.referred_on,
  drugClass: r.drug_class, officer: r.officer, district: r.district, crimeRef: r.crime_ref, status: r.status, sessionsAttended: r.sessions_attended,
  completedOn: r.completed_on, endedOn: r.ended_on, outcome: r.outcome, demo: r.created_by === 'demo',
});

export const deferredOut = (r: Row<'youth_deferred'>) => ({
  id: r.id, personId: r.person_id, ageAtOffer: r.age_at_offer, crimeRef: r.crime_ref, officer: r.officer, district: r.district, state: r.state,
  offeredOn: r.offered_on, responsibilityAccepted: r.responsibility_accepted, decidedOn: r.decided_on, activity: r.activity, provider: r.provider,
  activityFrom: r.activity_from, deadline: r.deadline, completedOn: r.completed_on, returnedOn: r.returned_on,
  finalOutcomeCode: r.final_outcome_code, finalOutcomeOn: r.final_outcome_on, reason: r.reason, demo: r.created_by === 'demo',
});

export const schoolOut = (r: Row<'youth_school'>) => ({ id: r.id, name: r.name, kind: r.kind, district: r.district, signedUpOn: r.signed_up_on, demo: r.created_by === 'demo' });

export const lessonOut = (r: Row<'youth_lesson'> & { school_name?: string; district?: string }) => ({
  id: r.id, schoolId: r.school_id, schoolName: r.school_name ?? null, district: r.district ?? null, deliveredOn: r.delivered_on,
  deliverer: r.deliverer, topic: r.topic, classSizes: r.class_sizes, studentsReached: r.students_reached,
});

export const laterOutcomeOut = (r: Row<'youth_later_outcome'>) => ({
  id: r.id, personId: r.person_id, outcomeCode: r.outcome_code, offenceOn: r.offence_on, recordedOn: r.recorded_on, crimeRef: r.crime_ref, source: r.source,
});
