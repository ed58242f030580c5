import { describe, expect, it } from 'vitest';
import { ConfigSnapshot, type ConfigVersion } from '../../platform/config-store/index.js';
import { parseInstant } from '../../platform/time/london.js';
import { s59WarningRequired, S59_WARNING_KEY } from './s59-warning.js';

const defaults = new ConfigSnapshot([]);

describe('s59 warning before a vehicle seizure (dated rule)', () => {
  it('is required for a seizure at 23:30 BST on 28 June 2026 (s59(4) still in force that day)', () => {
    const d = s59WarningRequired(parseInstant('2026-06-28T23:30'), defaults);
    expect(d).toEqual({ required: true, decidedFor: '2026-06-28', versionIds: [`default:${S59_WARNING_KEY}@1`], source: 'Police Reform Act 2002 s59(4)' });
  });

  it('is not required for a seizure at 00:30 BST on 29 June 2026 (repealed by the Crime and Policing Act 2026 s8)', () => {
    const d = s59WarningRequired(parseInstant('2026-06-29T00:30'), defaults);
    expect(d.required).toBe(false);
    expect(d.decidedFor).toBe('2026-06-29');
    expect(d.versionIds).toEqual([`default:${S59_WARNING_KEY}@2`]);
    expect(d.source).toMatch(/^Crime and Policing Act 2026 s8/);
  });

  it('the London date selects the rule: 23:30 UTC on 28 June is already 29 June in London', () => {
    expect(s59WarningRequired(new Date('2026-06-28T23:30:00Z'), defaults).required).toBe(false);
    expect(s59WarningRequired(new Date('2026-06-28T22:59:59Z'), defaults).required).toBe(true);
  });

  it('a local version overrides the default on the days it covers, and is the version recorded', () => {
    const local: ConfigVersion = { versionId: 'local:7', key: S59_WARNING_KEY, version: 1, value: true, effectiveFrom: '2026-06-29', effectiveTo: '2026-07-31', source: 'Test override', origin: 'local' };
    const store = new ConfigSnapshot([local]);
    expect(s59WarningRequired(parseInstant('2026-07-01T12:00'), store)).toMatchObject({ required: true, versionIds: ['local:7'] });
    expect(s59WarningRequired(parseInstant('2026-08-01T12:00'), store)).toMatchObject({ required: false, versionIds: [`default:${S59_WARNING_KEY}@2`] });
  });
});
