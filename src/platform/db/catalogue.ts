/**
 * What the database holds, read from the catalogue: the application's tables in foreign-key order
 * with their columns, its sequences, and row counts (for backup, restore and their tests).
 */
import { AppError } from '../errors.js';
import type { Engine, EngineConnection } from './engine.js';

export interface TableCount {
  table: string;
  rows: number;
}

/** The application's base tables in the current schema (not schema_migration), parents before children. */
export async function listTables(conn: EngineConnection): Promise<{ name: string; columns: string[] }[]> {
  const tables = (
    await conn.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'schema_migration'
        order by c.relname`,
    )
  ).rows.map((r) => r.name);
  const columns = new Map<string, string[]>();
  for (const r of (
    await conn.query<{ table: string; column: string }>(
      `select c.relname as table, a.attname as column from pg_attribute a
         join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`,
    )
  ).rows) {
    columns.set(r.table, [...(columns.get(r.table) ?? []), r.column]);
  }
  const deps = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const r of (
    await conn.query<{ child: string; parent: string }>(
      `select c.relname as child, p.relname as parent from pg_constraint k
         join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
         join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = current_schema() and c.oid <> p.oid`,
    )
  ).rows) {
    deps.get(r.child)?.add(r.parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.filter((t) => !placed.has(t) && [...deps.get(t)!].every((p) => placed.has(p) || !deps.has(p)));
    if (next.length === 0) throw new AppError('internal', `Tables refer to each other in a cycle: ${tables.filter((t) => !placed.has(t)).join(', ')}`);
    for (const t of next) {
      placed.add(t);
      ordered.push(t);
    }
  }
  return ordered.map((name) => ({ name, columns: columns.get(name) ?? [] }));
}

export async function listSequences(conn: EngineConnection): Promise<{ name: string; value: string; isCalled: boolean }[]> {
  const names = (
    await conn.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind = 'S' order by c.relname`,
    )
  ).rows.map((r) => r.name);
  const out: { name: string; value: string; isCalled: boolean }[] = [];
  for (const name of names) {
    const r = await conn.query<{ value: string; is_called: boolean }>(`select last_value::text as value, is_called from ${name}`);
    out.push({ name, value: r.rows[0]!.value, isCalled: r.rows[0]!.is_called });
  }
  return out;
}

/** Row counts of every application table (for reports and the round-trip test). */
export async function countTables(engine: Engine): Promise<TableCount[]> {
  const { conn, release } = await engine.acquire();
  try {
    const out: TableCount[] = [];
    for (const t of await listTables(conn)) {
      const r = await conn.query<{ n: string }>(`select count(*)::text as n from ${t.name}`);
      out.push({ table: t.name, rows: Number(r.rows[0]!.n) });
    }
    return out;
  } finally {
    release();
  }
}
