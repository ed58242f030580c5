import { describe, expect, it } from 'vitest';
import { ConfigSnapshot, type ConfigVersion } from '../../../platform/config-store/index.js';
import { parseInstant } from '../../../platform/time/london.js';
import { checkCpn, checkFixedPenalty, checkWarning, type CpnDraft } from './cpn.js';

const store = new ConfigSnapshot([]);
const t = (s: string) => parseInstant(s);
const rules = (o: { findings: { rule: string }[] }) => o.findings.map((f) => f.rule);
const cpw = { issuedAt: t('2026-02-01T10:00'), recipient: { dateOfBirth: '2010-02-28' }, conductCategory: 'noise', conduct: 'Loud music at night', requirements: ['Stop playing amplified music after 23:00'] };
const cpn = (over: Partial<CpnDraft> = {}): CpnDraft => ({ ...cpw, issuedAt: t('2026-03-02T10:00'), timeEnoughConfirmed: true, ...over });
const prior = [{ id: 7, issuedAt: cpw.issuedAt, requirements: cpw.requirements }];

describe('s43(1): a CPW or CPN to "an individual aged 16 or over, or a body"', () => {
  it('a recipient born 28 Feb 2010 is 16 on 28 Feb 2026: refused the day before, allowed on the day', () => {
    expect(rules(checkWarning({ ...cpw, issuedAt: t('2026-02-27T23:59') }, store))).toEqual(['cpn.recipient_age']);
    expect(checkWarning({ ...cpw, issuedAt: t('2026-02-28T00:00') }, store).findings).toEqual([]);
  });
  it('a recipient born 29 Feb 2008 turns 16 on 29 Feb 2024 (a leap year) and 18 on 1 Mar 2026', () => {
    expect(checkWarning({ ...cpw, recipient: { dateOfBirth: '2008-02-29' }, issuedAt: t('2024-02-29T09:00') }, store).findings).toEqual([]);
    expect(rules(checkWarning({ ...cpw, recipient: { dateOfBirth: '2008-02-29' }, issuedAt: t('2024-02-28T09:00') }, store))).toEqual(['cpn.recipient_age']);
  });
  it('a body has no age', () => {
    expect(checkWarning({ ...cpw, recipient: { body: true, name: 'Acme Lettings Ltd' } }, store).findings).toEqual([]);
  });
});

describe('s43(5): a CPN only after a written warning and "enough time to deal with the matter"', () => {
  it('refuses a CPN without a prior CPW to the same person for the same conduct, in the words of the statute', () => {
    const o = checkCpn(cpn(), [], store);
    expect(o.findings).toEqual([{ rule: 'cpn.prior_cpw', field: 'cpwId', message: 'A CPN needs a prior written warning to this person for this conduct: none found.', legalSource: 'Anti-social Behaviour, Crime and Policing Act 2014 s43(5)' }]);
  });
  it('shows the time since the CPW (29 days: February 2026 has 28) and needs the issuer to confirm it was enough', () => {
    const o = checkCpn(cpn({ timeEnoughConfirmed: false }), prior, store);
    expect(o.derived).toMatchObject({ cpwId: 7, daysSinceCpw: 29, cpwIssuedOn: '2026-02-01' });
    expect(rules(o)).toEqual(['cpn.time_enough']);
    expect(o.findings[0]!.message).toContain('29 days ago');
    expect(checkCpn(cpn(), prior, store).findings).toEqual([]);
  });
  it('a CPW issued later than the CPN does not count', () => {
    expect(rules(checkCpn(cpn(), [{ ...prior[0]!, issuedAt: t('2026-03-05T10:00') }], store))).toEqual(['cpn.prior_cpw']);
  });
  it('flags requirements that differ from the CPW without refusing', () => {
    const o = checkCpn(cpn({ requirements: ['Stop playing amplified music after 22:00'] }), prior, store);
    expect(o.findings).toEqual([]);
    expect(o.notices).toEqual([expect.objectContaining({ rule: 'cpn.requirements_differ', message: expect.stringContaining('left out: Stop playing amplified music after 23:00') })]);
  });
  it('s46(1) appeal "within the period of 21 days beginning with the day on which the notice is issued": issued 2 Mar, last day 22 Mar', () => {
    expect(checkCpn(cpn(), prior, store).deadlines).toEqual([expect.objectContaining({ kind: 'cpn_appeal', due: '2026-03-22' })]);
  });
  it('an appeal period running over Christmas Day and a leap day counts every calendar day', () => {
    expect(checkCpn(cpn({ issuedAt: t('2026-12-10T10:00') }), prior, store).deadlines[0]!.due).toBe('2026-12-30');
    expect(checkCpn(cpn({ issuedAt: t('2028-02-20T10:00') }), prior, store).deadlines[0]!.due).toBe('2028-03-11');
  });
  it('the issue date is the London date: 23:30 UTC on 28 Mar 2026 is still 28 Mar (GMT); 23:30 UTC on 29 Mar is 30 Mar (BST)', () => {
    expect(checkCpn(cpn({ issuedAt: new Date('2026-03-28T23:30:00Z') }), prior, store).deadlines[0]!.due).toBe('2026-04-17');
    expect(checkCpn(cpn({ issuedAt: new Date('2026-03-29T23:30:00Z') }), prior, store).deadlines[0]!.due).toBe('2026-04-19');
  });
});

describe('s52 fixed penalty for failing to comply with a CPN', () => {
  it('at most GBP 100 (s52(7)); "14 days following the date of the notice" does not count the day of the notice (s52(5))', () => {
    const o = checkFixedPenalty({ failedAt: t('2026-12-20T22:00'), issuedAt: t('2026-12-21T10:00'), amountGbp: 100 }, store);
    expect(o.findings).toEqual([]);
    expect(o.deadlines[0]).toMatchObject({ kind: 'fpn_payment', due: '2027-01-04' });
    expect(o.ruleVersions).toEqual(expect.arrayContaining(['default:powers.cpn.fpn_max_gbp@1', 'default:powers.cpn.fpn_max_gbp_2026@1']));
    expect(rules(checkFixedPenalty({ failedAt: t('2026-12-20T22:00'), issuedAt: t('2026-12-21T10:00'), amountGbp: 150 }, store))).toEqual(['cpn.fpn_amount']);
  });
  it('the 2026 Act rise to GBP 500 is switched off until a date is set; once set from 2027-04-01 it applies to failures from that day and not before', () => {
    const commenced: ConfigVersion = { versionId: 'local:1', key: 'powers.cpn.fpn_max_gbp_2026', version: 1, value: 500, effectiveFrom: '2027-04-01', effectiveTo: null, source: 'Crime and Policing Act 2026 (Commencement No. 3) Regulations 2027', origin: 'local' };
    const s = new ConfigSnapshot([commenced]);
    const before = checkFixedPenalty({ failedAt: t('2027-03-31T23:59'), issuedAt: t('2027-04-02T10:00'), amountGbp: 500 }, s);
    expect(rules(before)).toEqual(['cpn.fpn_amount']);
    expect(before.derived.maximumGbp).toBe(100);
    const after = checkFixedPenalty({ failedAt: t('2027-04-01T00:00'), issuedAt: t('2027-04-02T10:00'), amountGbp: 500 }, s);
    expect(after.findings).toEqual([]);
    expect(after.ruleVersions).toContain('local:1');
    expect(checkFixedPenalty({ failedAt: t('2027-04-01T00:00'), issuedAt: t('2027-04-02T10:00'), amountGbp: 500 }, store).findings).toHaveLength(1);
  });
});
