import { describe, expect, it } from 'vitest';
import { loadConfig, PGLITE_COMPILER, PGLITE_MEMORY, pgliteMemory } from './config.js';

describe('PGlite memory settings', () => {
  it('small for commands and tests, large for the server and imports', () => {
    expect(pgliteMemory('small')).toEqual({ sharedBuffers: '32MB', walBuffers: '4MB' });
    expect(pgliteMemory('large')).toEqual({ sharedBuffers: '512MB', walBuffers: '64MB' });
  });

  it('HUB_PGLITE_SHARED_BUFFERS overrides shared_buffers for every use', () => {
    const config = loadConfig({ HUB_PGLITE_SHARED_BUFFERS: '128MB' });
    expect(config.pgliteSharedBuffers).toBe('128MB');
    expect(pgliteMemory('small', config.pgliteSharedBuffers)).toEqual({ sharedBuffers: '128MB', walBuffers: PGLITE_MEMORY.small.walBuffers });
    expect(pgliteMemory('large', config.pgliteSharedBuffers).sharedBuffers).toBe('128MB');
    expect(loadConfig({ HUB_PGLITE_SHARED_BUFFERS: '' }).pgliteSharedBuffers).toBeUndefined();
  });

  it('rejects a size PostgreSQL would not take, naming the variable', () => {
    for (const bad of ['64', '64mb', '0MB', '1.5GB', 'lots']) {
      expect(() => loadConfig({ HUB_PGLITE_SHARED_BUFFERS: bad }), bad).toThrow(/HUB_PGLITE_SHARED_BUFFERS: give a size such as 64MB/);
    }
  });
});

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

describe('loadConfig: HUB_PGLITE_COMPILER', () => {
  it('is unset by default (baseline for short commands, optimising for the server and imports) and reads either value', () => {
    expect(loadConfig({}).pgliteCompiler).toBeUndefined();
    expect(PGLITE_COMPILER).toEqual({ small: 'baseline', large: 'optimising' });
    expect(loadConfig({ HUB_PGLITE_COMPILER: 'optimising' }).pgliteCompiler).toBe('optimising');
    expect(loadConfig({ HUB_PGLITE_COMPILER: 'baseline' }).pgliteCompiler).toBe('baseline');
  });
  it('refuses any other value, naming the setting', () => {
    expect(() => loadConfig({ HUB_PGLITE_COMPILER: 'fast' })).toThrow(/HUB_PGLITE_COMPILER/);
  });
});
