/**
 * Lifecycles: a record's states, the moves between them, and the rules that guard the moves.
 *
 * - A move the lifecycle does not have (a closed plan becoming active) is a conflict with the
 *   record's current state: HTTP 409 / exit code 4.
 * - A move the lifecycle has, refused by its rules, answers HTTP 422 / exit code 11 with the
 *   rules' `findings[]` ({ rule, field?, message, legalSource? }); clients never parse messages.
 * - Malformed input stays a 400 / exit code 2 (zod, before any rule runs).
 *
 * Rules are pure functions of a context the service gathers inside its transaction (the record,
 * counts, the configuration values in force at the record's selecting instant).
 */
import { AppError, ruleRefused, type Finding } from '../errors.js';

export type { Finding };

/** What a rule returns for one problem: the rule id and legal source are filled in from the rule. */
export type RuleFinding = Omit<Finding, 'rule' | 'legalSource'> & Partial<Pick<Finding, 'rule' | 'legalSource'>>;

export interface Rule<C> {
  /** A stable id, e.g. 'plan.reason_required' (reported in findings, audited, tested). */
  id: string;
  /** The statute, regulation or policy the rule rests on, when there is one. */
  legalSource?: string;
  check: (ctx: C) => RuleFinding[];
}

export interface Guard<S extends string, C> {
  /** Does the rule apply to a move from `from` to `to`? (Default: every move.) */
  applies?: (from: S, to: S) => boolean;
  rule: Rule<C>;
}

export interface LifecycleSpec<S extends string, C> {
  /** The record in words, for messages ('plan', 'problem'). */
  record: string;
  states: readonly S[];
  /** Which states may follow each state. */
  transitions: Readonly<Record<S, readonly S[]>>;
  /** Rules guarding the moves, checked in order; every applicable rule runs (all findings at once). */
  guards: readonly Guard<S, C>[];
  /** Message of a move the lifecycle does not have (409). */
  notAllowedMessage?: (from: S, to: S) => string;
}

export interface Lifecycle<S extends string, C> extends LifecycleSpec<S, C> {
  readonly kind: 'lifecycle';
}

/** Declares a lifecycle; refuses (at start-up) transitions that name unknown states. */
export function defineLifecycle<S extends string, C>(spec: LifecycleSpec<S, C>): Lifecycle<S, C> {
  for (const [from, tos] of Object.entries(spec.transitions) as [S, readonly S[]][]) {
    if (!spec.states.includes(from)) throw new Error(`lifecycle ${spec.record}: unknown state '${from}'`);
    for (const to of tos) if (!spec.states.includes(to)) throw new Error(`lifecycle ${spec.record}: '${from}' -> unknown state '${to}'`);
  }
  for (const s of spec.states) if (!(s in spec.transitions)) throw new Error(`lifecycle ${spec.record}: no transitions declared for '${s}'`);
  const ids = new Set<string>();
  for (const g of spec.guards) {
    if (ids.has(g.rule.id)) throw new Error(`lifecycle ${spec.record}: rule '${g.rule.id}' declared twice`);
    ids.add(g.rule.id);
  }
  return { ...spec, kind: 'lifecycle' };
}

export interface Evaluation {
  /** The lifecycle has this move (false: 409). */
  transition: boolean;
  /** The move may happen now. */
  allowed: boolean;
  findings: Finding[];
}

/** Runs one rule, completing its findings with the rule's id and legal source. */
export function runRule<C>(rule: Rule<C>, ctx: C): Finding[] {
  return rule.check(ctx).map((f) => ({
    rule: f.rule ?? rule.id,
    ...(f.field !== undefined ? { field: f.field } : {}),
    message: f.message,
    ...((f.legalSource ?? rule.legalSource) ? { legalSource: f.legalSource ?? rule.legalSource } : {}),
  }));
}

/** May the record move from `from` to `to`, given `ctx`? Pure. */
export function evaluate<S extends string, C>(lc: Lifecycle<S, C>, from: S, to: S, ctx: C): Evaluation {
  if (!lc.transitions[from]?.includes(to)) return { transition: false, allowed: false, findings: [] };
  const findings = lc.guards.filter((g) => !g.applies || g.applies(from, to)).flatMap((g) => runRule(g.rule, ctx));
  return { transition: true, allowed: findings.length === 0, findings };
}

export function moveNotAllowedMessage<S extends string, C>(lc: Lifecycle<S, C>, from: S, to: S): string {
  return lc.notAllowedMessage?.(from, to) ?? `${/^[aeiou]/.test(from) ? 'An' : 'A'} ${from} ${lc.record} cannot become ${to}`;
}

export interface Wording {
  /** The message of a refusal by the rules, from its findings. */
  refused: (findings: Finding[]) => string;
  /** The message of a move the lifecycle does not have, from the lifecycle's own words. */
  notAllowed?: (message: string) => string;
}

/**
 * Evaluates the move and throws when it may not happen: AppError 'conflict' (409 / exit 4) for a
 * move the lifecycle does not have, `ruleRefused` (422 / exit 11, with findings) when rules
 * refuse it.
 */
export function enforce<S extends string, C>(lc: Lifecycle<S, C>, from: S, to: S, ctx: C, wording: Wording): Evaluation {
  const e = evaluate(lc, from, to, ctx);
  if (!e.transition) {
    const message = moveNotAllowedMessage(lc, from, to);
    throw new AppError('conflict', wording.notAllowed ? wording.notAllowed(message) : message);
  }
  if (!e.allowed) throw ruleRefused(wording.refused(e.findings), e.findings);
  return e;
}

/** Checks rules outside a move (e.g. an edit of an active record that must keep meeting them). */
export function checkRules<C>(rules: readonly Rule<C>[], ctx: C): Finding[] {
  return rules.flatMap((r) => runRule(r, ctx));
}
