import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts long passphrases without composition rules', () => {
    expect(passwordProblems('granite otter lantern', 'alice')).toEqual([]);
    expect(passwordProblems('plumcakeriverboat', 'alice')).toEqual([]);
  });

  it('refuses short passwords', () => {
    expect(passwordProblems('Tr0ub4dor&3', 'alice')[0]).toMatch(/at least 12/);
  });

  it('refuses common passwords, padded or repeated', () => {
    for (const p of ['password1234', 'Password123!!', 'qwertyuiop123', 'passwordpassword', 'Welcome12345', 'letmeinletmein']) {
      expect(passwordProblems(p, 'alice').join()).toMatch(/too common/);
    }
  });

  it('refuses repeats, sequences and the username', () => {
    expect(passwordProblems('aaaaaaaaaaaaaa', 'bob').join()).toMatch(/repeated/);
    expect(passwordProblems('123456789012', 'bob').join()).toMatch(/sequence/);
    expect(passwordProblems('abcdefghijklmn', 'bob').join()).toMatch(/sequence/);
    expect(passwordProblems('my name is alice smith', 'alice').join()).toMatch(/username/);
  });
});
