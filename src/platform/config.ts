import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';

const envSchema = z.object({
  HUB_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  HUB_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  HUB_AUDIT_KEY: z.string().optional(),
  HUB_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  HUB_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
});

export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  host: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  auditKeyFromEnv: string | undefined;
  /** Always mark cookies Secure (set behind a TLS-terminating proxy that does not send X-Forwarded-Proto). */
  secureCookies: boolean;
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
  return {
    dataDir: path.resolve(e.HUB_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.HUB_LOG_LEVEL,
    auditKeyFromEnv: e.HUB_AUDIT_KEY,
    secureCookies: e.HUB_SECURE_COOKIES === '1',
    shutdownTimeoutMs: e.HUB_SHUTDOWN_TIMEOUT_MS,
  };
}
