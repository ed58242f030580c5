import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig: HUB_SHUTDOWN_TIMEOUT_MS', () => {
  it('defaults to 10 s and reads a number of milliseconds', () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ HUB_SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2500);
  });
  it('refuses a value that is not a whole number of milliseconds', () => {
    expect(() => loadConfig({ HUB_SHUTDOWN_TIMEOUT_MS: 'soon' })).toThrow(/HUB_SHUTDOWN_TIMEOUT_MS/);
    expect(() => loadConfig({ HUB_SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow(/HUB_SHUTDOWN_TIMEOUT_MS/);
  });
});
