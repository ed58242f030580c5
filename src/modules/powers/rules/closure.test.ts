import { describe, expect, it } from 'vitest';
import { ConfigSnapshot, type ConfigVersion } from '../../../platform/config-store/index.js';
import { parseInstant } from '../../../platform/time/london.js';
import { checkAdjournment, checkClosureExtension, checkClosureNotice, checkClosureOrder, checkClosureOrderExtension, type ClosureNoticeDraft } from './closure.js';

const store = new ConfigSnapshot([]);
const t = (s: string) => parseInstant(s);
const rules = (o: { findings: { rule: string }[] }) => o.findings.map((f) => f.rule);
const notice = (over: Partial<ClosureNoticeDraft> = {}): ClosureNoticeDraft => ({
  servedAt: t('2026-12-24T10:00'), issuerAgency: 'police', issuerRank: 'superintendent', signedBySenior: false, periodHours: 48, premises: '1 High Street', hearingAt: t('2026-12-27T09:00'), ...over,
});

describe('s77 closure notice: 24 hours (inspector), 48 hours (superintendent), "Christmas Day is to be disregarded" for the 48', () => {
  it('a 48-hour notice served 24 Dec 10:00 ends 27 Dec 10:00 (Christmas Day not counted); the hearing by the same time (s80(4))', () => {
    const o = checkClosureNotice(notice(), store);
    expect(o.findings).toEqual([]);
    expect(o.derived.endsAt).toBe('2026-12-27T10:00:00.000Z');
    expect(o.derived.hearingBy).toBe('2026-12-27T10:00:00.000Z');
  });
  it('a 24-hour notice served by an inspector on 24 Dec 10:00 ends 25 Dec 10:00: Christmas is disregarded only for the 48 hours', () => {
    const o = checkClosureNotice(notice({ issuerRank: 'inspector', periodHours: 24 }), store);
    expect(o.findings).toEqual([]);
    expect(o.derived.endsAt).toBe('2026-12-25T10:00:00.000Z');
  });
  it('an inspector may not sign a 48-hour notice; a sergeant no notice at all', () => {
    expect(rules(checkClosureNotice(notice({ issuerRank: 'inspector' }), store))).toEqual(['closure.notice_period']);
    expect(rules(checkClosureNotice(notice({ issuerRank: 'sergeant', periodHours: 24 }), store))).toEqual(['closure.issuer']);
  });
  it('a hearing after the 48-hour limit is refused, and one not stated at all (s76(5))', () => {
    expect(rules(checkClosureNotice(notice({ hearingAt: t('2026-12-27T10:01') }), store))).toEqual(['closure.hearing_deadline']);
    expect(rules(checkClosureNotice(notice({ hearingAt: null }), store))).toEqual(['closure.hearing_stated']);
  });
  it('48 hours across the autumn clock change are elapsed hours: served 24 Oct 2026 12:00 BST, ends 26 Oct 11:00 GMT', () => {
    const o = checkClosureNotice(notice({ servedAt: t('2026-10-24T12:00'), hearingAt: t('2026-10-26T10:00') }), store);
    expect(o.findings).toEqual([]);
    expect(o.derived.endsAt).toBe('2026-10-26T11:00:00.000Z');
  });
  it('and across the spring change: served 28 Mar 2026 12:00 GMT, ends 30 Mar 13:00 BST', () => {
    expect(checkClosureNotice(notice({ servedAt: t('2026-03-28T12:00'), hearingAt: t('2026-03-30T09:00') }), store).derived.endsAt).toBe('2026-03-30T12:00:00.000Z');
  });
  it('registered housing providers may issue only once the 2026 Act power is given a date; from that date and not before', () => {
    const hp = notice({ issuerAgency: 'housing_provider', issuerRank: null, signedBySenior: true, servedAt: t('2027-01-04T10:00'), hearingAt: t('2027-01-05T10:00') });
    expect(rules(checkClosureNotice(hp, store))).toEqual(['closure.issuer']);
    const on: ConfigVersion = { versionId: 'local:3', key: 'powers.closure.housing_providers_may_issue', version: 1, value: true, effectiveFrom: '2027-01-05', effectiveTo: null, source: 'Crime and Policing Act 2026 commencement (test)', origin: 'local' };
    const s = new ConfigSnapshot([on]);
    expect(rules(checkClosureNotice(hp, s))).toEqual(['closure.issuer']);
    const o = checkClosureNotice({ ...hp, servedAt: t('2027-01-05T00:00'), hearingAt: t('2027-01-06T10:00') }, s);
    expect(o.findings).toEqual([]);
    expect(o.ruleVersions).toContain('local:3');
  });
});

describe('s77(4) extension by up to 24 hours (a superintendent), no Christmas disregard', () => {
  const n = { servedAt: t('2026-12-24T10:00'), endsAt: t('2026-12-25T10:00'), extended: false };
  it('extends a 24-hour notice ending on Christmas Day by 24 elapsed hours', () => {
    const o = checkClosureExtension({ issuedAt: t('2026-12-25T08:00'), issuerAgency: 'police', issuerRank: 'superintendent', signedBySenior: false, hours: 24, notice: n }, store);
    expect(o.findings).toEqual([]);
    expect(o.derived.endsAt).toBe('2026-12-26T10:00:00.000Z');
  });
  it('refuses an inspector, more than 24 hours, after the end, or a second extension', () => {
    expect(rules(checkClosureExtension({ issuedAt: t('2026-12-25T11:00'), issuerAgency: 'police', issuerRank: 'inspector', signedBySenior: false, hours: 25, notice: { ...n, extended: true } }, store)))
      .toEqual(['closure.extension_issuer', 'closure.extension_hours', 'closure.extension_once', 'closure.extension_before_end']);
  });
});

describe('s80(6), s82 closure orders: caps as dated rules (3 months; 6 in total)', () => {
  it('made 30 Nov 2027 may run to 29 Feb 2028 (leap year: month end clamps)', () => {
    expect(checkClosureOrder({ madeOn: '2027-11-30', endsOn: '2028-02-29', licensedPremises: false, licensingAuthorityNotified: false }, store).findings).toEqual([]);
    expect(rules(checkClosureOrder({ madeOn: '2027-11-30', endsOn: '2028-03-01', licensedPremises: false, licensingAuthorityNotified: false }, store))).toEqual(['closure.order_period']);
  });
  it('licensed premises: the licensing authority notification is flagged (s80(9))', () => {
    expect(checkClosureOrder({ madeOn: '2026-12-27', endsOn: '2027-03-27', licensedPremises: true, licensingAuthorityNotified: false }, store).notices[0]!.rule).toBe('closure.licensing_notified');
  });
  it('an extension stays within 6 months of the first order', () => {
    expect(checkClosureOrderExtension('2026-12-27', '2027-03-27', '2027-06-27', '2027-03-20', store).findings).toEqual([]);
    expect(rules(checkClosureOrderExtension('2026-12-27', '2027-03-27', '2027-06-28', '2027-03-20', store))).toEqual(['closure.order_total']);
  });
  it('a regulation changing the cap applies to orders made from its date, not before', () => {
    const v: ConfigVersion = { versionId: 'local:4', key: 'powers.closure.order_max_months', version: 1, value: 6, effectiveFrom: '2027-06-01', effectiveTo: null, source: 'Test regulations', origin: 'local' };
    const s = new ConfigSnapshot([v]);
    expect(rules(checkClosureOrder({ madeOn: '2027-05-31', endsOn: '2027-11-30', licensedPremises: false, licensingAuthorityNotified: false }, s))).toEqual(['closure.order_period']);
    expect(checkClosureOrder({ madeOn: '2027-06-01', endsOn: '2027-12-01', licensedPremises: false, licensingAuthorityNotified: false }, s).findings).toEqual([]);
  });
  it('s81: adjournment for not more than 14 days', () => {
    expect(checkAdjournment({ hearingOn: '2026-12-27', adjournedTo: '2027-01-10', noticeServedAt: t('2026-12-24T10:00') }, store).findings).toEqual([]);
    expect(rules(checkAdjournment({ hearingOn: '2026-12-27', adjournedTo: '2027-01-11', noticeServedAt: t('2026-12-24T10:00') }, store))).toEqual(['closure.adjournment']);
  });
});
