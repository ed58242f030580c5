import { Worker } from 'node:worker_threads';
import type { InputFile } from '../../ingest/files.js';
import type { DistrictLookup } from '../../ingest/police-uk/fields.js';
import type { FileFacts, PoliceFileLoad, ProblemCollector, StreetRollups } from '../../ingest/police-uk/parsed-file.js';
import { newFacts } from '../../ingest/police-uk/parsed-file.js';
import { BoundedQueue } from '../../platform/async-queue.js';
import type { FromParseWorker, ImportSettings, ToParseWorker } from './parse-protocol.js';

/** A file as the reader hands it to the loader: unreadable or with a bad header, or being parsed. */
export type ReadFile =
  | { input: InputFile; ok: false; line: number; message: string }
  | {
      input: InputFile;
      ok: true;
      snapshotId: number;
      /** Facts and problems fill in as chunks arrive; final once `chunks` has ended. */
      load: Omit<PoliceFileLoad, 'chunks'>;
      /** Data lines in the file (for progress). */
      expectedRows: number;
      /** COPY-ready chunks, ending when the whole file has been read (all its problems known). */
      chunks: AsyncIterable<Uint8Array>;
    };

/** How many parsed bytes may wait for the database. */
const AHEAD_BYTES = 32 * 1024 * 1024;

// Tests run the TypeScript sources; the worker always runs compiled JavaScript.
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../../dist/modules/police-data/parse-worker.js', import.meta.url)
  : new URL('./parse-worker.js', import.meta.url);

/** A file the worker is reading: what the loader sees of it, updated from the worker's messages. */
interface Remote {
  facts: FileFacts;
  problems: ProblemCollector & { counted: number };
  rollups: StreetRollups | null;
  chunks: BoundedQueue<Uint8Array>;
}

/** An import as the shared worker's dispatcher sees it. */
interface ImportLink {
  opened: Map<number, (m: Extract<FromParseWorker, { type: 'opened' | 'refused' }>) => void>;
  remotes: Map<number, Remote>;
  fail(err: Error): void;
}

/**
 * The process's parsing worker, started on first use and kept (warm) between imports. It holds
 * the process open only while an import is under way. A worker that dies fails the imports it
 * was serving; the next import starts a new one.
 */
class SharedParseWorker {
  private static current: SharedParseWorker | null = null;
  private readonly worker = new Worker(workerUrl);
  private readonly links = new Map<number, ImportLink>();
  private nextId = 1;
  private dead = false;

  static get(): SharedParseWorker {
    if (!SharedParseWorker.current || SharedParseWorker.current.dead) SharedParseWorker.current = new SharedParseWorker();
    return SharedParseWorker.current;
  }

  private constructor() {
    this.worker.unref();
    const die = (err: Error) => {
      this.dead = true;
      for (const link of this.links.values()) link.fail(err);
      this.links.clear();
    };
    this.worker.on('error', die);
    this.worker.on('exit', (code) => die(new Error(`the parsing worker stopped (exit code ${code})`)));
    this.worker.on('message', (m: FromParseWorker) => this.dispatch(m));
  }

  begin(link: ImportLink, settings: ImportSettings): number {
    if (this.dead) throw new Error('the parsing worker has stopped');
    const importId = this.nextId++;
    if (this.links.size === 0) this.worker.ref();
    this.links.set(importId, link);
    this.post({ type: 'begin', importId, settings });
    return importId;
  }

  finish(importId: number): void {
    if (!this.links.delete(importId)) return;
    if (!this.dead) this.post({ type: 'finish', importId });
    if (this.links.size === 0) this.worker.unref();
  }

  post(m: ToParseWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(m, transfer);
  }

  private dispatch(m: FromParseWorker): void {
    const link = this.links.get(m.importId);
    if (!link) return;
    if (m.type === 'opened' || m.type === 'refused') {
      link.opened.get(m.index)?.(m);
      link.opened.delete(m.index);
      return;
    }
    const r = link.remotes.get(m.index);
    if (!r) return;
    Object.assign(r.facts, m.facts);
    r.problems.counted = m.problemCount;
    if (m.type === 'chunk') {
      void r.chunks.push(m.data);
    } else {
      r.problems.errors.push(...m.problems);
      r.rollups = m.rollups;
      r.chunks.end();
      link.remotes.delete(m.index);
    }
  }
}

/**
 * Reads files in order and has the parsing worker check them, ahead of the loader: while the
 * database loads one file, the next is parsed on another core. The reader hands over at most one
 * file ahead of the loader, and at most AHEAD_BYTES of parsed rows wait for it. Each file's
 * snapshot id is given up front (ids[i] for inputs[i]). `stop` ends the import's part in the worker.
 */
export function readAhead(
  inputs: readonly InputFile[],
  ids: readonly number[],
  opts: { forceOverride: string | undefined; districts: DistrictLookup },
): { files: AsyncIterable<ReadFile>; stop(): void } {
  const files = new BoundedQueue<ReadFile>(1);
  let failure: Error | null = null;
  const link: ImportLink = {
    opened: new Map(),
    remotes: new Map(),
    fail(err) {
      failure ??= err;
      for (const r of link.remotes.values()) r.chunks.fail(err);
      for (const answer of link.opened.values()) answer({ type: 'refused', importId, index: -1, line: 0, message: err.message });
      files.fail(err);
    },
  };
  const worker = SharedParseWorker.get();
  const importId = worker.begin(link, { forceOverride: opts.forceOverride, districts: opts.districts, aheadBytes: AHEAD_BYTES });

  const produce = async () => {
    let next: Promise<string | Uint8Array> | undefined;
    for (const [i, input] of inputs.entries()) {
      if (files.isCancelled || failure) return;
      if (input.problem !== undefined) {
        next = inputs[i + 1]?.read();
        next?.catch(() => undefined);
        await files.push({ input, ok: false, line: 0, message: input.problem });
        continue;
      }
      const reading = next ?? input.read();
      next = inputs[i + 1]?.read();
      next?.catch(() => undefined); // reported when its turn comes
      let data: string | Uint8Array;
      try {
        data = await reading;
      } catch (err) {
        await files.push({ input, ok: false, line: 0, message: `cannot read file: ${(err as Error).message}` });
        continue;
      }
      const answer = new Promise<Extract<FromParseWorker, { type: 'opened' | 'refused' }>>((resolve) => link.opened.set(i, resolve));
      const remote: Remote = {
        facts: newFacts(null, null),
        problems: { errors: [], counted: 0, count: () => remote.problems.counted, add: () => undefined },
        rollups: null,
        chunks: new BoundedQueue<Uint8Array>(Number.POSITIVE_INFINITY),
      };
      link.remotes.set(i, remote);
      // a copy of bytes is transferred: the input's buffer may be shared, or read again
      const sent = typeof data === 'string' ? data : new Uint8Array(data);
      worker.post({ type: 'file', importId, index: i, name: input.name, data: sent, snapshotId: ids[i]! }, typeof sent === 'string' ? [] : [sent.buffer as ArrayBuffer]);
      const a = await answer;
      if (failure) return;
      if (a.type === 'refused') {
        link.remotes.delete(i);
        await files.push({ input, ok: false, line: a.line, message: a.message });
        continue;
      }
      await files.push({
        input, ok: true, snapshotId: ids[i]!, expectedRows: a.expectedRows,
        // street rollups arrive with the end of the file, before the chunks end
        load: { kind: a.kind, table: a.table, columns: a.columns, format: a.format, facts: remote.facts, problems: remote.problems, ...(a.kind === 'street' ? { rollups: () => remote.rollups! } : {}) },
        chunks: taking(remote.chunks, (bytes) => worker.post({ type: 'credit', importId, bytes })),
      });
    }
  };
  produce().then(() => files.end(), (err: unknown) => link.fail(err instanceof Error ? err : new Error(String(err))));
  return {
    files,
    stop() {
      files.cancel();
      worker.finish(importId);
    },
  };
}

/** The chunks, telling the worker as each is taken (so it may send more). */
async function* taking(chunks: AsyncIterable<Uint8Array>, took: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const c of chunks) {
    took(c.byteLength);
    yield c;
  }
}
