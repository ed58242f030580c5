import path from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './client-address.js';
import { AppError } from './errors.js';

const envSchema = z.object({
  HUB_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  HUB_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  HUB_AUDIT_KEY: z.string().optional(),
  HUB_AUDIT_KEY_FILE: z.string().refine((p) => path.isAbsolute(p), 'must be an absolute path (the key must not depend on the working directory)').optional(),
  HUB_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  HUB_PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9][0-9]*(kB|MB|GB)$/, 'give a size such as 64MB or 1GB')
    .optional(),
  HUB_IMPORT_MAX_SHRINK: z.coerce.number().min(0, 'a share from 0 to 1, such as 0.02').max(1, 'a share from 0 to 1, such as 0.02').default(0.02),
  HUB_TRUSTED_PROXIES: z.string().default(''),
  HUB_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  HUB_PGLITE_COMPILER: z.enum(['baseline', 'optimising']).optional(),
  HUB_IMPORT_MAX_UPLOAD_MB: z.coerce.number().int('a whole number of megabytes, such as 200').min(1, 'at least 1 (megabyte)').max(4096, 'at most 4096 (megabytes)').default(200),
});

/**
 * Memory of the embedded database (PGlite), by use. Large buffers keep a million-row import from
 * spilling pages to the file system mid-load (measured), but a PGlite with 512MB starts slower
 * and holds ~0.8 GB resident; short commands and tests get small buffers (~0.2 GB resident).
 * HUB_PGLITE_SHARED_BUFFERS overrides shared_buffers for every use.
 */
export const PGLITE_MEMORY = {
  /** `hub serve`, `hub import` and the import benchmark. */
  large: { sharedBuffers: '512MB', walBuffers: '64MB' },
  /** Every other command, and the test suite. */
  small: { sharedBuffers: '32MB', walBuffers: '4MB' },
} as const;

export type PgliteMemoryUse = keyof typeof PGLITE_MEMORY;

/**
 * How the embedded database's WebAssembly is compiled, by use. 'baseline' (V8's Liftoff only):
 * a short command starts ~0.5 s of CPU sooner and peaks ~80 MB lower (measured on `hub stats`
 * with the nine Kent months), while its queries run a little slower; 'optimising' also tiers hot
 * code up, for the server and imports. HUB_PGLITE_COMPILER overrides it for every use.
 */
export const PGLITE_COMPILER = { large: 'optimising', small: 'baseline' } as const satisfies Record<PgliteMemoryUse, PgliteCompiler>;

export type PgliteCompiler = 'baseline' | 'optimising';

export interface PgliteMemory {
  sharedBuffers: string;
  walBuffers: string;
}

/** The PGlite memory settings for one use, with HUB_PGLITE_SHARED_BUFFERS applied. */
export function pgliteMemory(use: PgliteMemoryUse, sharedBuffersOverride?: string): PgliteMemory {
  const preset = PGLITE_MEMORY[use];
  return sharedBuffersOverride ? { ...preset, sharedBuffers: sharedBuffersOverride } : { ...preset };
}

export interface Config {
  /** HUB_DATA_DIR resolved to an absolute path once, against the working directory at start. */
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  host: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  auditKeyFromEnv: string | undefined;
  /** HUB_AUDIT_KEY_FILE: an absolute path. Required on PostgreSQL unless HUB_AUDIT_KEY is set. */
  auditKeyFile: string | undefined;
  /** Always mark cookies Secure (set behind a TLS-terminating proxy that does not send X-Forwarded-Proto). */
  secureCookies: boolean;
  /** HUB_PGLITE_SHARED_BUFFERS: shared_buffers of the embedded database, instead of PGLITE_MEMORY. */
  pgliteSharedBuffers: string | undefined;
  /** HUB_PGLITE_COMPILER: how the embedded database's code is compiled, instead of PGLITE_COMPILER. */
  pgliteCompiler: PgliteCompiler | undefined;
  /** HUB_IMPORT_MAX_UPLOAD_MB: the largest upload the web app's import page takes, in bytes. */
  importMaxUploadBytes: number;
  /** The largest share of a month's rows a re-import may lose without --allow-shrink (0..1). */
  importMaxShrink: number;
  /** Reverse proxies whose X-Forwarded-For names the client (sign-in throttling); none by default. */
  trustedProxies: TrustedProxies;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before the database closes. */
  shutdownTimeoutMs: number;
}

/** Parses the environment once. Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('validation', `Invalid environment: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  let trustedProxies: TrustedProxies;
  try {
    trustedProxies = parseTrustedProxies(e.HUB_TRUSTED_PROXIES);
  } catch (err) {
    throw new AppError('validation', `Invalid environment: HUB_TRUSTED_PROXIES: ${(err as Error).message}`);
  }
  return {
    dataDir: path.resolve(e.HUB_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.HUB_LOG_LEVEL,
    auditKeyFromEnv: e.HUB_AUDIT_KEY,
    auditKeyFile: e.HUB_AUDIT_KEY_FILE,
    secureCookies: e.HUB_SECURE_COOKIES === '1',
    pgliteSharedBuffers: e.HUB_PGLITE_SHARED_BUFFERS,
    pgliteCompiler: e.HUB_PGLITE_COMPILER,
    importMaxShrink: e.HUB_IMPORT_MAX_SHRINK,
    importMaxUploadBytes: e.HUB_IMPORT_MAX_UPLOAD_MB * 1024 * 1024,
    trustedProxies,
    shutdownTimeoutMs: e.HUB_SHUTDOWN_TIMEOUT_MS,
  };
}
