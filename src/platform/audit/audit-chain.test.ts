import { describe, expect, it } from 'vitest';
import { auditMac, canonicalJson, formatHead, GENESIS_MAC, parseExpectedHead, verifyChain, type StoredAuditEntry } from './audit-chain.js';

const key = Buffer.from('k'.repeat(32));

function chain(n: number): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS_MAC;
  for (let i = 1; i <= n; i++) {
    const content = {
      id: i * 2, at: `2026-01-0${i}T00:00:00.000Z`, actor: 'user:a', action: 'read', recordType: 'person', recordId: String(i),
      purpose: 'case review', recipients: null, reason: null, details: { b: 1, a: [i, 'x'] },
    };
    const mac = auditMac(key, prev, content);
    out.push({ ...content, prevMac: prev, mac });
    prev = mac;
  }
  return out;
}

describe('audit chain', () => {
  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('verifies an intact chain (gaps in ids are allowed) and an empty one', () => {
    const c = chain(5);
    expect(verifyChain(key, c)).toEqual({ ok: true, entries: 5, head: 10, headMac: c[4]!.mac });
    expect(verifyChain(key, [])).toEqual({ ok: true, entries: 0, head: null, headMac: null });
  });

  it('names the first altered entry', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, actor: 'user:b' };
    expect(verifyChain(key, c)).toMatchObject({ ok: false, brokenAt: 6 });
  });

  it('catches a removed entry in the middle', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(key, c)).toMatchObject({ ok: false, brokenAt: 6 });
  });

  it('catches removed newest entries and an emptied log only with an expected head', () => {
    const c = chain(5).slice(0, 3);
    expect(verifyChain(key, c).ok).toBe(true);
    expect(verifyChain(key, c, 10)).toMatchObject({ ok: false, brokenAt: null });
    expect(verifyChain(key, [], 10)).toMatchObject({ ok: false });
    expect(verifyChain(key, chain(5), 10).ok).toBe(true);
  });

  it('rejects a chain made with another key', () => {
    expect(verifyChain(Buffer.from('x'.repeat(32)), chain(2))).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('catches a chain rewritten with the key only against a head recorded with its hash', () => {
    const original = chain(5);
    const anchor = { id: 10, mac: original[4]!.mac };
    // Whoever holds the key and the database alters entry 4 and recomputes every MAC after it.
    const rewritten: StoredAuditEntry[] = [];
    let prev = GENESIS_MAC;
    for (const e of original) {
      const content = e.id === 4 ? { ...e, actor: 'user:someone-else' } : e;
      const mac = auditMac(key, prev, content);
      rewritten.push({ ...content, prevMac: prev, mac });
      prev = mac;
    }
    expect(verifyChain(key, rewritten).ok).toBe(true);
    expect(verifyChain(key, rewritten, 10).ok).toBe(true); // the entry number alone does not tell
    expect(verifyChain(key, rewritten, anchor)).toMatchObject({ ok: false, brokenAt: 10, reason: expect.stringMatching(/rewritten/) });
    expect(verifyChain(key, original, anchor).ok).toBe(true);
    expect(verifyChain(key, original.slice(0, 4), anchor)).toMatchObject({ ok: false, brokenAt: null });
  });

  it('reads a head as ID or ID:HASH, as `hub audit head` prints it', () => {
    const mac = 'A'.repeat(64);
    expect(parseExpectedHead(formatHead(12, mac))).toEqual({ id: 12, mac: 'a'.repeat(64) });
    expect(parseExpectedHead('12')).toEqual({ id: 12 });
    for (const bad of ['', '0', '12:abc', 'x:' + mac, '12:' + mac + '0']) expect(parseExpectedHead(bad)).toBeNull();
  });
});
