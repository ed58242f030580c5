import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../platform/config-store/index.js';
import { RECORD_TYPES } from './powers.tables.js';
import { RULE_CATALOGUE } from './rules/index.js';

const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/api.md'), 'utf8');
const section = doc.slice(doc.indexOf('## ASB powers register, part 1'));

describe('docs/api.md documents the powers register', () => {
  it('names every rule id, record type and powers rule value', () => {
    const missing = [...RULE_CATALOGUE.map((r) => r.id), ...RECORD_TYPES, ...Object.keys(CONFIG_DEFAULTS).filter((k) => k.startsWith('powers.'))].filter((x) => !section.includes(`\`${x}\``));
    expect(missing).toEqual([]);
  });
  it('every rule id a rule function can emit is in the catalogue', () => {
    const src = fs.readdirSync(path.resolve(__dirname, 'rules')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
      .map((f) => fs.readFileSync(path.resolve(__dirname, 'rules', f), 'utf8')).join('\n') + fs.readFileSync(path.resolve(__dirname, 'powers.acts.ts'), 'utf8') + fs.readFileSync(path.resolve(__dirname, 'powers.service.ts'), 'utf8');
    const emitted = new Set([...src.matchAll(/(?:refuse|notice)\('([a-z0-9_.]+)'|rule: '([a-z0-9_.]+)'/g)].map((m) => m[1] ?? m[2]!));
    expect(emitted.size).toBeGreaterThan(35);
    const known = new Set(RULE_CATALOGUE.map((r) => r.id));
    expect([...emitted].filter((id) => !known.has(id))).toEqual([]);
  });
});
