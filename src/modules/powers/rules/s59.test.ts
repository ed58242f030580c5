import { describe, expect, it } from 'vitest';
import { ConfigSnapshot, type ConfigVersion } from '../../../platform/config-store/index.js';
import { parseInstant } from '../../../platform/time/london.js';
import { checkS59Seizure, checkS59Warning, type S59SeizureDraft } from './s59.js';

const store = new ConfigSnapshot([]);
const t = (s: string) => parseInstant(s);
const rules = (o: { findings: { rule: string }[] }) => o.findings.map((f) => f.rule);
const seizure = (over: Partial<S59SeizureDraft> = {}): S59SeizureDraft => ({ seizedAt: t('2026-03-01T21:00'), subject: { personId: 5, name: 'A Driver' }, vrm: 'AB12 CDE', warnedThisOccasion: false, ...over });

describe('Police Reform Act 2002 s59(4)-(5): warn before seizing (seizures up to 28 June 2026)', () => {
  it('refuses a seizure with no warning, no prior warning and no reason', () => {
    const o = checkS59Seizure(seizure(), [], store);
    expect(o.findings).toEqual([expect.objectContaining({ rule: 's59.warning_before_seizure', legalSource: 'Police Reform Act 2002 s59(4)' })]);
  });
  it('the exceptions: warned on this occasion; warning impracticable', () => {
    expect(checkS59Seizure(seizure({ warnedThisOccasion: true }), [], store).derived.exception).toBe('warned_this_occasion');
    expect(checkS59Seizure(seizure({ warningImpracticableReason: 'Drove at officers' }), [], store).findings).toEqual([]);
  });
  it('"warned in the previous 12 months", whatever the vehicle; a leap-day window: seized 1 Mar 2025, a warning on 2 Mar 2024 counts, 1 Mar 2024 does not', () => {
    const s = seizure({ seizedAt: t('2025-03-01T21:00') });
    expect(checkS59Seizure(s, [{ id: 1, givenAt: t('2024-03-02T10:00'), samePerson: true, vrm: 'ZZ99 ZZZ' }], store).derived).toMatchObject({ exception: 'warned_previously', priorWarningId: 1 });
    expect(rules(checkS59Seizure(s, [{ id: 1, givenAt: t('2024-03-01T10:00'), samePerson: true, vrm: 'ZZ99 ZZZ' }], store))).toEqual(['s59.warning_before_seizure']);
    expect(checkS59Seizure(seizure({ seizedAt: t('2025-02-28T21:00') }), [{ id: 2, givenAt: t('2024-02-29T10:00'), samePerson: true, vrm: 'ZZ99 ZZZ' }], store).findings).toEqual([]);
  });
  it('a warning to another driver of the same vehicle counts only under the local vehicle setting', () => {
    const other = [{ id: 3, givenAt: t('2026-01-10T10:00'), samePerson: false, vrm: 'ab12cde' }];
    expect(rules(checkS59Seizure(seizure(), other, store))).toEqual(['s59.warning_before_seizure']);
    const local: ConfigVersion = { versionId: 'local:9', key: 'powers.s59.warning_attaches_to_vehicle', version: 1, value: true, effectiveFrom: '2026-01-01', effectiveTo: null, source: 'Force policy', origin: 'local' };
    expect(checkS59Seizure(seizure(), other, new ConfigSnapshot([local])).findings).toEqual([]);
  });
});

describe('Crime and Policing Act 2026 s8: no warning needed for seizures from 29 June 2026, judged by the seizure date', () => {
  it('a seizure at 23:59 BST on 28 June needs one; at 00:00 BST on 29 June it does not', () => {
    expect(rules(checkS59Seizure(seizure({ seizedAt: t('2026-06-28T23:59') }), [], store))).toEqual(['s59.warning_before_seizure']);
    const o = checkS59Seizure(seizure({ seizedAt: t('2026-06-29T00:00') }), [], store);
    expect(o.findings).toEqual([]);
    expect(o.derived.warningRequired).toBe(false);
    expect(o.ruleVersions).toEqual(['default:powers.s59.warning_required_before_seizure@2']);
  });
  it('warnings stay recordable after the repeal (no lapse date once s59(5) is gone)', () => {
    const o = checkS59Warning({ givenAt: t('2026-12-25T15:00'), subject: { name: 'A Driver' }, vrm: 'AB12CDE' }, store);
    expect(o.findings).toEqual([]);
    expect(o.deadlines).toEqual([]);
    expect(checkS59Warning({ givenAt: t('2026-01-25T15:00'), subject: { name: 'A Driver' }, vrm: 'AB12CDE' }, store).deadlines[0]!.due).toBe('2027-01-25');
  });
  it('a warning needs the person and the registration', () => {
    expect(rules(checkS59Warning({ givenAt: t('2026-01-25T15:00'), subject: {}, vrm: ' ' }, store))).toEqual(['s59.vrm', 's59.person']);
  });
});
