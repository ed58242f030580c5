/**
 * A module's one definition, exported from its `index.ts` and listed once in
 * `src/modules/registry.ts`. The server, the CLI, retention, subject access, demo seeding and
 * removal, the "what is due" query, the route-matrix test and (later) the quarterly report iterate
 * the registry; nothing else needs editing to add a module (see docs/adding-a-module.md).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { DueItem } from '../lifecycle/due.js';
import type { TrustedProxies } from '../client-address.js';
import type { AppEnv } from '../policy.js';
import type { ServiceContext, TxContext } from './context.js';
import type { ReportContribution } from './report.js';

/** What the server hands each module's routes. */
export interface RouteDeps {
  db: Db;
  auditKey: Buffer;
  /** Session cookies marked Secure (identity's sign-in routes). */
  secureCookies?: boolean;
  /** Reverse proxies whose X-Forwarded-For names the client (identity's sign-in throttle). */
  trustedProxies?: TrustedProxies;
  /** The registry's cross-module views (the report's contributions, retention, subject access). */
  hub: HubViews;
}

/**
 * What the composition roots (server, CLI) hand the modules that work across modules: views of the
 * registry, so no module imports the registry (which imports every module).
 */
export interface HubViews {
  /** Every module's report contributions, in registry order. */
  reportContributions(): ReportContribution[];
  /** Every record type under retention. */
  retentionSubjects(): RetentionSubject[];
  /** The subject-access sections of the modules holding data about person records. */
  subjectAccessSections(): { module: string; section: SubjectAccessSection }[];
  /** Removes every module's demo records inside `trx` (the first real import's transaction). */
  removeDemoData(trx: Db, audit?: (trx: Db, event: { action: string; recordType: string; recordId: string; details: Record<string, unknown> }) => Promise<unknown>): Promise<void>;
}

/** A `hub` command: help text and a lazily loaded runner (returns the exit code). */
export interface ModuleCommand {
  help: string;
  /** The runner gets its arguments and the registry's views (most commands ignore the second). */
  load: () => Promise<(argv: string[], hub: HubViews) => Promise<number>>;
}

/** A `hub analyse NAME` analysis: a one-line summary and a lazily loaded runner (returns the exit code). */
export interface ModuleAnalysis {
  summary: string;
  load: () => Promise<(argv: string[]) => Promise<number>>;
}

/** A record type under retention: SQL for its id and the instant its retention clock starts. */
export interface RetentionSubject {
  recordType: string;
  table: string;
  id: RawBuilder<unknown>;
  clockStart: RawBuilder<unknown>;
  where?: RawBuilder<unknown>;
  deletable: boolean;
}

/** A module's part of a subject access export about one person record (null: nothing held). */
export type SubjectAccessSection = (t: TxContext, personId: number) => Promise<Record<string, unknown> | null>;

/** Demo records: created by the quick start (created_by 'demo'), removed before a force's first real import. */
export interface DemoContribution {
  /** Order among modules (lower first); removal runs in reverse order. */
  order: number;
  /**
   * Creates this module's demo records in one transaction. Optional: the case records of the
   * modules that came first (people, partners, problems, plans, panels) are created together by
   * the demo module's storyline (demo-cases.ts), which links them to each other.
   */
  seed?: (t: TxContext, opts: { district: string }) => Promise<void>;
  /** Deletes this module's demo records, inside the first real import's transaction. */
  remove: (t: TxContext) => Promise<void>;
}

/** A module's contribution to "what is due": its items due up to `until` within `ctx.scope`. */
export type DueList = (ctx: ServiceContext, window: { asOf: string; until: string }) => Promise<DueItem[]>;

export interface HubModule {
  /** Folder name under src/modules (also the due-item source name). */
  name: string;
  /** Its HTTP routes (an OpenAPIHono app whose paths start with /api/). */
  routes?: (deps: RouteDeps) => OpenAPIHono<AppEnv>;
  /** Its `hub` commands, by command name. */
  commands?: Readonly<Record<string, ModuleCommand>>;
  retention?: readonly RetentionSubject[];
  subjectAccess?: SubjectAccessSection;
  demo?: DemoContribution;
  due?: DueList;
  /** Its sections of the quarterly report (platform/module/report.ts). */
  report?: readonly ReportContribution[];
  /** Its `hub analyse NAME` analyses (analytics modules), by analysis name. */
  analyses?: Readonly<Record<string, ModuleAnalysis>>;
}

export function defineModule(m: HubModule): HubModule {
  return m;
}
