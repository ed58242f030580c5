/**
 * Logical backup and restore over either engine (ADR 0004): one gzip file holding a JSON header
 * (schema version = migrations applied, tables, row counts, sequences) and every table's rows in
 * the text COPY format, read in one repeatable-read snapshot through the process that owns the
 * database. Restore loads into an empty database in one transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import zlib from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Engine, EngineConnection } from './engine.js';
import { migrateToLatest, readMigrations, type Migration } from './migrate.js';
import { countTables, listSequences, listTables, type TableCount } from './catalogue.js';

export { countTables, type TableCount } from './catalogue.js';

export const BACKUP_MAGIC = 'PREVENTION-HUB-BACKUP 1';

const headerSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string().regex(/^[a-z_][a-z0-9_]*$/), columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)), rows: z.number().int().min(0) })),
  sequences: z.array(z.object({ name: z.string().regex(/^[a-z_][a-z0-9_]*$/), value: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
});
export type BackupHeader = z.infer<typeof headerSchema>;

async function write(out: Writable, chunk: Uint8Array | string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

function frameLength(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

const FRAME_MAX = 1 << 20;

/**
 * Writes a consistent backup of the whole database to `file` (mode 0600; written to FILE.partial
 * and renamed when complete, so a failed backup never leaves a truncated file under the name).
 */
export async function backupDatabase(engine: Engine, file: string): Promise<BackupHeader> {
  const partial = `${file}.partial`;
  const { conn, release } = await engine.acquire();
  let header: BackupHeader;
  try {
    await conn.exec('begin isolation level repeatable read read only');
    try {
      const exists = await conn.query<{ t: string | null }>("select to_regclass('schema_migration')::text as t");
      if (!exists.rows[0]?.t) throw new AppError('not_found', 'The database is empty (no schema yet): there is nothing to back up.');
      const migrations = (await conn.query<{ name: string }>('select name from schema_migration order by name')).rows.map((r) => r.name);
      const tables = await listTables(conn);
      const counted: BackupHeader['tables'] = [];
      for (const t of tables) {
        const r = await conn.query<{ n: string }>(`select count(*)::text as n from ${t.name}`);
        counted.push({ ...t, rows: Number(r.rows[0]!.n) });
      }
      header = {
        format: 1,
        createdAt: new Date().toISOString(),
        engine: engine.kind,
        migrations,
        tables: counted,
        sequences: await listSequences(conn),
      };
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      const fileStream = fs.createWriteStream(partial, { mode: 0o600 });
      const gzip = zlib.createGzip({ level: 3 });
      gzip.pipe(fileStream);
      const finished = new Promise<void>((resolve, reject) => {
        fileStream.on('finish', resolve);
        fileStream.on('error', reject);
        gzip.on('error', reject);
      });
      try {
        await write(gzip, `${BACKUP_MAGIC}\n${JSON.stringify(header)}\n`);
        for (const t of counted) {
          for await (const chunk of conn.copyTo({ table: t.name, columns: t.columns })) {
            for (let at = 0; at < chunk.byteLength; at += FRAME_MAX) {
              const part = chunk.subarray(at, Math.min(at + FRAME_MAX, chunk.byteLength));
              await write(gzip, frameLength(part.byteLength));
              await write(gzip, part);
            }
          }
          await write(gzip, frameLength(0));
        }
        gzip.end();
        await finished;
      } catch (err) {
        gzip.destroy();
        fileStream.destroy();
        throw err;
      }
    } finally {
      await conn.exec('rollback');
    }
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    release();
  }
  fs.renameSync(partial, file);
  return header;
}

/** Reads bytes from a stream on demand (lines and exact lengths). */
class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Buffer>;
  constructor(stream: Readable) {
    this.it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }
  private async fill(): Promise<boolean> {
    const next = await this.it.next();
    if (next.done) return false;
    this.buf = this.buf.length === 0 ? next.value : Buffer.concat([this.buf, next.value]);
    return true;
  }
  async line(max: number): Promise<string | null> {
    for (;;) {
      const nl = this.buf.indexOf(10);
      if (nl >= 0) {
        const out = this.buf.subarray(0, nl).toString('utf8');
        this.buf = this.buf.subarray(nl + 1);
        return out;
      }
      if (this.buf.length > max || !(await this.fill())) return null;
    }
  }
  async exactly(n: number): Promise<Buffer | null> {
    while (this.buf.length < n) if (!(await this.fill())) return null;
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
}

function notABackup(file: string, why: string): AppError {
  return new AppError('validation', `${file}: not a Prevention Hub backup, or damaged (${why})`);
}

/** Opens a backup file and reads its header. */
export async function readBackupHeader(file: string): Promise<{ header: BackupHeader; reader: ByteReader; close(): void }> {
  let stream: Readable;
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new AppError('not_found', `${file}: no such file (or it cannot be read)`);
  }
  const source = fs.createReadStream(file);
  stream = source.pipe(zlib.createGunzip());
  source.on('error', (err) => stream.destroy(err));
  const reader = new ByteReader(stream);
  const close = () => {
    source.destroy();
    stream.destroy();
  };
  try {
    const magic = await reader.line(64);
    if (magic !== BACKUP_MAGIC) throw notABackup(file, 'it does not start with the backup marker');
    const json = await reader.line(64 << 20);
    if (json === null) throw notABackup(file, 'the header is missing');
    const parsed = headerSchema.safeParse(JSON.parse(json));
    if (!parsed.success) throw notABackup(file, `header: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    return { header: parsed.data, reader, close };
  } catch (err) {
    close();
    if (err instanceof AppError) throw err;
    throw notABackup(file, (err as Error).message);
  }
}

/** The migrations the backup was taken at, checked against this build's. */
export function migrationsOfBackup(header: BackupHeader, build: Migration[] = readMigrations()): Migration[] {
  const known = new Map(build.map((m) => [m.name, m]));
  const unknown = header.migrations.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new AppError(
      'conflict',
      `This backup was made by a newer version of Prevention Hub (database changes ${unknown.join(', ')} are unknown to this one): install that version or newer to restore it.`,
    );
  }
  const expected = build.slice(0, header.migrations.length).map((m) => m.name);
  if (expected.join() !== header.migrations.join()) {
    throw new AppError('conflict', `This backup's database changes (${header.migrations.join(', ')}) do not match this version's; it cannot be restored here.`);
  }
  return build.slice(0, header.migrations.length);
}

/** Tables the migrations themselves fill (seed rows): a database holding only those is still empty. */
function seededTables(migrations: Migration[]): Set<string> {
  const out = new Set<string>();
  for (const m of migrations) for (const match of m.up.matchAll(/insert\s+into\s+([a-z_][a-z0-9_]*)/gi)) out.add(match[1]!.toLowerCase());
  return out;
}

/** Tables of the current schema that hold rows of their own (not just the migrations' seed rows). */
async function tablesWithData(conn: EngineConnection, build: Migration[]): Promise<{ anything: boolean; withData: string[] }> {
  const rels = (
    await conn.query<{ name: string; kind: string }>(
      `select c.relname as name, c.relkind::text as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p')`,
    )
  ).rows;
  const seeded = seededTables(build);
  const withData: string[] = [];
  const known = new Set(build.map((m) => m.name));
  for (const r of rels) {
    if (r.name === 'schema_migration') {
      const names = (await conn.query<{ name: string }>('select name from schema_migration')).rows.map((x) => x.name);
      if (names.some((n) => !known.has(n))) withData.push(r.name);
      continue;
    }
    if (seeded.has(r.name)) continue;
    const has = await conn.query<{ x: number }>(`select 1 as x from ${r.name} limit 1`);
    if (has.rows.length > 0) withData.push(r.name);
  }
  return { anything: rels.length > 0, withData: withData.sort() };
}

/** Splits a stream of byte chunks at line ends, so each chunk handed to COPY holds whole rows. */
async function* wholeLines(frames: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
  let carry: Buffer | null = null;
  for await (const frame of frames) {
    const buf: Buffer = carry ? Buffer.concat([carry, frame]) : frame;
    const last = buf.lastIndexOf(10);
    if (last < 0) {
      carry = buf;
      continue;
    }
    yield buf.subarray(0, last + 1);
    carry = last + 1 < buf.length ? Buffer.from(buf.subarray(last + 1)) : null;
  }
  if (carry && carry.length > 0) throw new Error('the last row of a table is incomplete');
}

async function* framesOf(reader: ByteReader, file: string, table: string): AsyncGenerator<Buffer> {
  for (;;) {
    const len = await reader.exactly(4);
    if (!len) throw notABackup(file, `it ends inside table ${table}`);
    const n = len.readUInt32BE();
    if (n === 0) return;
    if (n > FRAME_MAX) throw notABackup(file, `bad block length in table ${table}`);
    const data = await reader.exactly(n);
    if (!data) throw notABackup(file, `it ends inside table ${table}`);
    // A copy: the reader's buffer is reused for the next frame.
    yield Buffer.from(data);
  }
}

export interface RestoreResult {
  header: BackupHeader;
  tables: TableCount[];
  /** Database changes of this version applied after the restore (the backup was older). */
  migrated: string[];
  /** True when an existing database was replaced (--force). */
  replaced: boolean;
}

/**
 * Restores a backup into the engine's database in one transaction: the schema at the backup's
 * version, then every table's rows and the sequences; then this version's newer migrations.
 * A database that already holds data is refused unless `force` (then it is replaced, atomically).
 */
export async function restoreDatabase(engine: Engine, file: string, opts: { force: boolean }): Promise<RestoreResult> {
  const { header, reader, close } = await readBackupHeader(file);
  let replaced = false;
  try {
    const build = readMigrations();
    const migrations = migrationsOfBackup(header, build);
    const { conn, release } = await engine.acquire();
    try {
      const target = await tablesWithData(conn, build);
      if (target.withData.length > 0 && !opts.force) {
        throw new AppError(
          'conflict',
          `The database already holds data (in ${target.withData.slice(0, 5).join(', ')}${target.withData.length > 5 ? ', ...' : ''}). ` +
            'Restoring replaces all of it: run again with --force to do so, or restore into an empty database.',
        );
      }
      replaced = target.withData.length > 0;
      await conn.exec('begin');
      try {
        if (target.anything) {
          // DROP is neither DELETE nor TRUNCATE: the audit log's append-only triggers go with their table.
          await conn.exec('drop schema public cascade; create schema public; grant usage on schema public to public');
        }
        await conn.exec('create table schema_migration (name text primary key, applied_at timestamptz not null default now())');
        for (const m of migrations) {
          await conn.exec(m.up);
          await conn.query('insert into schema_migration (name) values ($1)', [m.name]);
        }
        // The migrations' seed rows are replaced by the backup's own (children first).
        for (const t of [...header.tables].reverse()) {
          const exists = await conn.query<{ t: string | null }>('select to_regclass($1)::text as t', [t.name]);
          if (!exists.rows[0]?.t) throw notABackup(file, `table ${t.name} is not part of the database at its version`);
          const has = await conn.query(`select 1 from ${t.name} limit 1`);
          if (has.rows.length > 0) await conn.query(`delete from ${t.name}`);
        }
        for (const t of header.tables) {
          const loaded = await conn.copyFrom({ table: t.name, columns: t.columns, format: 'text', chunks: wholeLines(framesOf(reader, file, t.name)) });
          if (loaded !== t.rows) throw notABackup(file, `table ${t.name} holds ${loaded} rows, its header says ${t.rows}`);
        }
        for (const s of header.sequences) {
          await conn.query('select setval($1::regclass, $2::bigint, $3)', [s.name, s.value, s.isCalled]);
        }
        await conn.exec('commit');
      } catch (err) {
        await conn.exec('rollback');
        throw err;
      }
    } finally {
      release();
    }
  } finally {
    close();
  }
  const migrated = await migrateToLatest(engine);
  return { header, tables: await countTables(engine), migrated, replaced };
}
