import type { InputFile } from '../../ingest/files.js';
import { openPoliceCsv, type ReadOptions } from '../../ingest/police-uk/parse-file.js';
import type { PoliceFileLoad } from '../../ingest/police-uk/parsed-file.js';
import { BoundedQueue, yieldToIo } from '../../platform/async-queue.js';

/** A file as the reader hands it to the loader: unreadable or with a bad header, or being parsed. */
export type ReadFile =
  | { input: InputFile; ok: false; line: number; message: string }
  | {
      input: InputFile;
      ok: true;
      snapshotId: number;
      load: PoliceFileLoad;
      /** Data lines in the file (for progress). */
      expectedRows: number;
      /** COPY-ready chunks, ending when the whole file has been read (all its problems known). */
      chunks: BoundedQueue<string>;
    };

/** How many parsed bytes of one file may wait for the database. */
const AHEAD_BYTES = 32 * 1024 * 1024;

/**
 * Reads and parses files in order, one step (a chunk of rows) at a time, letting database
 * replies in between: while the loader waits for the database on one file, the rest of it and
 * the next file are parsed. The reader runs at most one file ahead of the loader, and at most
 * AHEAD_BYTES into that file. Each file's snapshot id is given up front (ids[i] for inputs[i]).
 */
export function readAhead(
  inputs: readonly InputFile[],
  ids: readonly number[],
  opts: Omit<ReadOptions, 'snapshotId'>,
): { files: AsyncIterable<ReadFile>; stop(): void } {
  const files = new BoundedQueue<ReadFile>(1);
  let current: BoundedQueue<string> | null = null;
  const produce = async () => {
    let next: Promise<string> | undefined;
    for (const [i, input] of inputs.entries()) {
      if (files.isCancelled) return;
      const reading = next ?? input.read();
      next = inputs[i + 1]?.read();
      next?.catch(() => undefined); // reported when its turn comes
      let text: string;
      try {
        text = await reading;
      } catch (err) {
        await files.push({ input, ok: false, line: 0, message: `cannot read file: ${(err as Error).message}` });
        continue;
      }
      const opened = openPoliceCsv(input.name, text, { ...opts, snapshotId: ids[i]! });
      if (!opened.ok) {
        await files.push({ input, ok: false, line: opened.line, message: opened.message });
        continue;
      }
      const chunks = new BoundedQueue<string>(AHEAD_BYTES, (c) => c.length);
      current = chunks;
      // Handing the file over waits while the loader is still on the file before the previous one.
      await files.push({ input, ok: true, snapshotId: ids[i]!, load: opened.load, expectedRows: Math.max(1, countLines(text) - 1), chunks });
      const source = opened.load.chunks;
      for (let c = source.next(); !c.done && !chunks.isCancelled; c = source.next()) {
        await chunks.push(c.value);
        await yieldToIo();
      }
      chunks.end();
    }
  };
  produce().then(
    () => files.end(),
    (err: unknown) => {
      current?.fail(err);
      files.fail(err);
    },
  );
  return {
    files,
    stop() {
      current?.cancel();
      files.cancel();
    },
  };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
