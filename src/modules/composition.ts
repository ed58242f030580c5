/**
 * What the registry gives the parts of the hub that work across modules: every module's retention
 * subjects, subject-access sections, demo contributions, due lists, commands and analyses. The
 * server, the CLI, privacy (retention, subject access), demo seeding and removal and the "what is
 * due" query use these; none keeps a hand list of modules.
 */
import type { Db } from '../platform/db/database.js';
import { whatIsDue, type DueItemWithStatus, type DueSource } from '../platform/lifecycle/due.js';
import type { ServiceContext, TxContext } from '../platform/module/context.js';
import type { HubModule, HubViews, ModuleAnalysis, ModuleCommand, RetentionSubject, SubjectAccessSection } from '../platform/module/module.js';
import type { ReportContribution } from '../platform/module/report.js';
import type { Actor } from '../platform/policy.js';
import { hubModules } from './registry.js';

/** Every record type under retention, in registry order; a record type declared twice is an error. */
export function retentionSubjects(modules: readonly HubModule[] = hubModules): RetentionSubject[] {
  const out: RetentionSubject[] = [];
  for (const m of modules) {
    for (const s of m.retention ?? []) {
      if (out.some((o) => o.recordType === s.recordType)) throw new Error(`retention record type '${s.recordType}' is declared twice (module ${m.name})`);
      out.push(s);
    }
  }
  return out;
}

/** The subject-access sections of the modules that hold data about person records, in registry order. */
export function subjectAccessSections(modules: readonly HubModule[] = hubModules): { module: string; section: SubjectAccessSection }[] {
  return modules.flatMap((m) => (m.subjectAccess ? [{ module: m.name, section: m.subjectAccess }] : []));
}

/** The `hub` commands of every module, by name; a name defined twice is an error. */
export function moduleCommands(modules: readonly HubModule[] = hubModules): Record<string, ModuleCommand> {
  const out: Record<string, ModuleCommand> = {};
  for (const m of modules) {
    for (const [name, command] of Object.entries(m.commands ?? {})) {
      if (out[name]) throw new Error(`hub command '${name}' is defined twice (module ${m.name})`);
      out[name] = command;
    }
  }
  return out;
}

/** The `hub analyse NAME` analyses of every module, by name; a name defined twice is an error. */
export function moduleAnalyses(modules: readonly HubModule[] = hubModules): Record<string, ModuleAnalysis> {
  const out: Record<string, ModuleAnalysis> = {};
  for (const m of modules) {
    for (const [name, analysis] of Object.entries(m.analyses ?? {})) {
      if (out[name]) throw new Error(`analysis '${name}' is defined twice (module ${m.name})`);
      out[name] = analysis;
    }
  }
  return out;
}

const byDemoOrder = (modules: readonly HubModule[]) =>
  modules.filter((m) => m.demo).sort((a, b) => a.demo!.order - b.demo!.order);

/**
 * Runs each module's demo `seed` (lowest order first), each in its own transaction, acting as
 * `ctx`'s actor (the demo actor). The case records of the first modules are made by the demo
 * module's storyline before this (see DemoContribution.seed).
 */
export async function seedModuleDemos(ctx: ServiceContext, district: string, modules: readonly HubModule[] = hubModules): Promise<string[]> {
  const seeded: string[] = [];
  for (const m of byDemoOrder(modules)) {
    const seed = m.demo?.seed;
    if (!seed) continue;
    await ctx.tx((t) => seed(t, { district }));
    seeded.push(m.name);
  }
  return seeded;
}

type RemovalAudit = (trx: Db, event: { action: string; recordType: string; recordId: string; details: Record<string, unknown> }) => Promise<unknown>;

/** The actor a removal context names; its audit rows carry the importer's actor through `audit`. */
const REMOVAL_ACTOR: Actor = { kind: 'cli', name: 'demo-removal' };

/**
 * Removes every module's demo records (highest order first) inside the first real import's
 * transaction `trx`; `audit` (the importer's, actor bound) records what is audited (the demo
 * accounts switched off). The signature is police-data's `removeOtherDemoData`.
 */
export async function removeDemoData(trx: Db, audit?: RemovalAudit, modules: readonly HubModule[] = hubModules): Promise<void> {
  const t: TxContext = {
    db: trx,
    actor: REMOVAL_ACTOR,
    scope: { kind: 'all' },
    now: () => new Date(),
    audit: async (event) => {
      await audit?.(trx, { action: event.action, recordType: event.recordType ?? '', recordId: event.recordId ?? '', details: event.details ?? {} });
      return 0;
    },
  };
  for (const m of byDemoOrder(modules).reverse()) await m.demo!.remove(t);
}

/** The due lists of the modules, as sources of the one "what is due" query. */
export function dueSources(modules: readonly HubModule[] = hubModules): DueSource<ServiceContext>[] {
  return modules.flatMap((m) => (m.due ? [{ name: m.name, list: m.due }] : []));
}

/** What is due in `ctx`'s scope up to `horizonDays` after `asOf`, from every module (overdue first). */
export function dueForCaller(ctx: ServiceContext, asOf: string, horizonDays: number, modules: readonly HubModule[] = hubModules): Promise<DueItemWithStatus[]> {
  return whatIsDue(dueSources(modules), ctx, asOf, horizonDays);
}

/** The registry's views handed to the modules by the composition roots (server, CLI). */
export function hubViews(modules: readonly HubModule[] = hubModules): HubViews {
  return {
    reportContributions: (): ReportContribution[] => modules.flatMap((m) => m.report ?? []),
    retentionSubjects: () => retentionSubjects(modules),
    subjectAccessSections: () => subjectAccessSections(modules),
    removeDemoData: (trx, audit) => removeDemoData(trx, audit, modules),
  };
}
