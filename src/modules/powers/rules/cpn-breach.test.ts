// CPN breaches (Anti-social Behaviour, Crime and Policing Act 2014 ss47, 48, 52(5)) at their edges.
import { describe, expect, it } from 'vitest';
import { ConfigSnapshot } from '../../../platform/config-store/index.js';
import { parseInstant } from '../../../platform/time/london.js';
import { checkBreach, type BreachDraft } from './cpn.js';

const store = new ConfigSnapshot([]);
const t = (s: string) => parseInstant(s);
const rules = (o: { findings: { rule: string }[] }) => o.findings.map((f) => f.rule);
const breach = (over: Partial<BreachDraft> = {}): BreachDraft => ({
  breachedAt: t('2026-04-10T22:30'), cpnIssuedAt: t('2026-03-02T10:00'), requirement: 'No amplified music after 22:00', action: 'fixed_penalty',
  actionOn: '2026-04-11', issuerAgency: 'police', fpnPaymentEnds: [], ...over,
});

describe('s48(1): "fails without reasonable excuse to comply with a community protection notice"', () => {
  it('a breach at the instant of issue is allowed; a minute before it is refused', () => {
    expect(checkBreach(breach({ breachedAt: t('2026-03-02T10:00'), actionOn: '2026-03-02' }), store).findings).toEqual([]);
    expect(rules(checkBreach(breach({ breachedAt: t('2026-03-02T09:59'), actionOn: '2026-03-02' }), store))).toEqual(['cpn.breach_after_notice']);
  });
  it('names the requirement not met, and the action follows the breach (same London day allowed, the day before not)', () => {
    expect(rules(checkBreach(breach({ requirement: '  ' }), store))).toEqual(['cpn.breach_requirement']);
    expect(checkBreach(breach({ actionOn: '2026-04-10' }), store).findings).toEqual([]);
    expect(rules(checkBreach(breach({ actionOn: '2026-04-09' }), store))).toEqual(['cpn.breach_action_date']);
  });
  it('a breach at 00:30 BST on 29 March 2026 (the night the clocks went forward) falls on the London date 29 March', () => {
    expect(checkBreach(breach({ breachedAt: t('2026-03-29T00:30'), actionOn: '2026-03-29' }), store).findings).toEqual([]);
    expect(rules(checkBreach(breach({ breachedAt: t('2026-03-29T00:30'), actionOn: '2026-03-28' }), store))).toEqual(['cpn.breach_action_date']);
  });
});

describe('s47(1): remedial action in default is the local authority\'s', () => {
  it('refuses remedial action recorded by the police and allows it by the local authority', () => {
    const o = checkBreach(breach({ action: 'remedial_action' }), store);
    expect(o.findings).toEqual([{ rule: 'cpn.remedial_action_agency', field: 'action', message: 'Remedial action in default is taken by local authority, not by police.', legalSource: 'Anti-social Behaviour, Crime and Policing Act 2014 s47(1)' }]);
    expect(checkBreach(breach({ action: 'remedial_action', issuerAgency: 'local_authority' }), store).findings).toEqual([]);
  });
  it('the agencies are dated data: a version adding housing providers takes effect from its date, not before', () => {
    const later = new ConfigSnapshot([{ key: 'powers.cpn.remedial_action_agencies', value: ['local_authority', 'housing_provider'], effectiveFrom: '2026-05-01', effectiveTo: null, source: 'Test regulation', versionId: 'local:powers.cpn.remedial_action_agencies@1', version: 1, origin: 'local' }]);
    expect(rules(checkBreach(breach({ action: 'remedial_action', issuerAgency: 'housing_provider', breachedAt: t('2026-04-30T23:59'), actionOn: '2026-05-01' }), later))).toEqual(['cpn.remedial_action_agency']);
    expect(checkBreach(breach({ action: 'remedial_action', issuerAgency: 'housing_provider', breachedAt: t('2026-05-01T00:00'), actionOn: '2026-05-01' }), later).findings).toEqual([]);
  });
});

describe('s52(5): no proceedings "before the end of the period of 14 days following the date of the notice"', () => {
  // A fixed penalty notice dated 11 April: the 14 days following are 12-25 April; proceedings from 26 April.
  it('refuses a prosecution decided on the last day of the payment period and allows it the day after', () => {
    expect(rules(checkBreach(breach({ action: 'prosecution', actionOn: '2026-04-25', fpnPaymentEnds: ['2026-04-25'] }), store))).toEqual(['cpn.breach_fpn_period']);
    expect(checkBreach(breach({ action: 'prosecution', actionOn: '2026-04-26', fpnPaymentEnds: ['2026-04-25'] }), store).findings).toEqual([]);
  });
  it('with no fixed penalty issued, a prosecution is not held back; other actions never are', () => {
    expect(checkBreach(breach({ action: 'prosecution' }), store).findings).toEqual([]);
    expect(checkBreach(breach({ action: 'no_further_action', fpnPaymentEnds: ['2026-04-25'] }), store).findings).toEqual([]);
  });
});
