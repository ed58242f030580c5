import { describe, expect, it } from 'vitest';
import { AppError, toExitCode, toHttpStatus } from '../errors.js';
import { checkRules, defineLifecycle, enforce, evaluate } from './lifecycle.js';

type Door = 'shut' | 'open' | 'locked';
interface Ctx { key: boolean; hour: number }

const door = defineLifecycle<Door, Ctx>({
  record: 'door',
  states: ['shut', 'open', 'locked'],
  transitions: { shut: ['open', 'locked'], open: ['shut'], locked: ['shut'] },
  guards: [
    { applies: (from) => from === 'locked', rule: { id: 'door.key', legalSource: 'House rules r1', check: (c) => (c.key ? [] : [{ field: 'key', message: 'Bring the key.' }]) } },
    { applies: (_f, to) => to === 'open', rule: { id: 'door.hours', check: (c) => (c.hour >= 8 && c.hour < 20 ? [] : [{ message: 'Open only between 08:00 and 20:00.' }]) } },
  ],
});

describe('lifecycle', () => {
  it.each([
    // from, to, ctx, transition, allowed, rules found
    ['shut', 'open', { key: false, hour: 9 }, true, true, []],
    ['shut', 'open', { key: false, hour: 21 }, true, false, ['door.hours']],
    ['locked', 'shut', { key: false, hour: 9 }, true, false, ['door.key']],
    ['locked', 'shut', { key: true, hour: 9 }, true, true, []],
    ['locked', 'open', { key: true, hour: 9 }, false, false, []],
    ['open', 'locked', { key: true, hour: 9 }, false, false, []],
  ] as const)('%s -> %s %j: transition %s, allowed %s, findings %j', (from, to, ctx, transition, allowed, rules) => {
    const e = evaluate(door, from, to, ctx);
    expect(e.transition).toBe(transition);
    expect(e.allowed).toBe(allowed);
    expect(e.findings.map((f) => f.rule)).toEqual(rules);
  });

  it('completes findings with the rule id and its legal source', () => {
    expect(evaluate(door, 'locked', 'shut', { key: false, hour: 9 }).findings).toEqual([{ rule: 'door.key', field: 'key', message: 'Bring the key.', legalSource: 'House rules r1' }]);
    expect(checkRules([door.guards[1]!.rule], { key: true, hour: 22 })).toEqual([{ rule: 'door.hours', message: 'Open only between 08:00 and 20:00.' }]);
  });

  it('enforce: a move the lifecycle does not have is a 409 / exit 4 conflict without findings', () => {
    const err = (() => { try { enforce(door, 'open', 'locked', { key: true, hour: 9 }, { refused: () => 'x' }); } catch (e) { return e; } })() as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('An open door cannot become locked');
    expect(err.findings).toBeUndefined();
    expect([toHttpStatus(err.code), toExitCode(err.code)]).toEqual([409, 4]);
  });

  it('enforce: a refusal by the rules is a 422 / exit 11 rule_refused with the findings, and details per field', () => {
    const err = (() => { try { enforce(door, 'locked', 'shut', { key: false, hour: 9 }, { refused: (f) => `Cannot unlock: ${f.length} problem` }); } catch (e) { return e; } })() as AppError;
    expect(err.code).toBe('rule_refused');
    expect(err.message).toBe('Cannot unlock: 1 problem');
    expect(err.findings).toEqual([{ rule: 'door.key', field: 'key', message: 'Bring the key.', legalSource: 'House rules r1' }]);
    expect(err.details).toEqual([{ field: 'key', message: 'Bring the key.' }]);
    expect([toHttpStatus(err.code), toExitCode(err.code)]).toEqual([422, 11]);
    expect(toExitCode('validation')).toBe(2);
    expect(enforce(door, 'locked', 'shut', { key: true, hour: 9 }, { refused: () => 'x' }).allowed).toBe(true);
  });

  it('refuses a declaration naming unknown states or the same rule twice', () => {
    expect(() => defineLifecycle<Door, Ctx>({ ...door, transitions: { ...door.transitions, open: ['ajar' as Door] } })).toThrow(/unknown state 'ajar'/);
    expect(() => defineLifecycle<Door, Ctx>({ ...door, guards: [door.guards[0]!, door.guards[0]!] })).toThrow(/declared twice/);
  });
});
