/**
 * Worker thread that reads and checks data.police.uk files for imports, so parsing runs on its
 * own core beside the loader and the HTTP server. One worker serves a process: it stays warm
 * between imports. Files are parsed one at a time in the order they arrive; each answers
 * 'refused' or 'opened', then its chunks, then 'end'. Per import it sends at most `aheadBytes`
 * of chunks the loader has not yet taken.
 */
import { parentPort } from 'node:worker_threads';
import { resolverOf, type DistrictResolver } from '../../ingest/police-uk/fields.js';
import { openPoliceCsv } from '../../ingest/police-uk/parse-file.js';
import type { GridPoint } from '../../ingest/police-uk/street.js';
import { lonLatToBng } from '../../platform/geo/bng.js';
import type { FromParseWorker, ToParseWorker } from './parse-protocol.js';

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

interface ImportState {
  forceOverride: string | undefined;
  resolver: DistrictResolver;
  /** Converted snap points, shared by the files of the import: months repeat the same points. */
  gridCache: Map<string, GridPoint>;
  credit: number;
  wakeOnCredit: (() => void) | null;
}

type FileJob = Extract<ToParseWorker, { type: 'file' }>;
const imports = new Map<number, ImportState>();
const files: FileJob[] = [];
let wakeOnFile: (() => void) | null = null;

port.on('message', (m: ToParseWorker) => {
  if (m.type === 'begin') {
    const s = m.settings;
    imports.set(m.importId, { forceOverride: s.forceOverride, resolver: resolverOf(s.districts), gridCache: new Map(), credit: s.aheadBytes, wakeOnCredit: null });
  } else if (m.type === 'file') {
    files.push(m);
    wakeOnFile?.();
    wakeOnFile = null;
  } else {
    const state = imports.get(m.importId);
    if (!state) return;
    if (m.type === 'credit') state.credit += m.bytes;
    else imports.delete(m.importId); // 'finish': a parse under way stops at its next chunk
    state.wakeOnCredit?.();
    state.wakeOnCredit = null;
  }
});

const send = (m: FromParseWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

async function parse(job: FileJob, state: ImportState): Promise<void> {
  const { importId, index } = job;
  const opened = openPoliceCsv(job.name, job.data, { ...state, bng: lonLatToBng, snapshotId: job.snapshotId });
  if (!opened.ok) return send({ type: 'refused', importId, index, line: opened.line, message: opened.message });
  const { load } = opened;
  send({ type: 'opened', importId, index, kind: load.kind, table: load.table, columns: load.columns, format: load.format, expectedRows: opened.expectedRows });
  for (let c = load.chunks.next(); !c.done; c = load.chunks.next()) {
    while (state.credit <= 0 && imports.has(importId)) await new Promise<void>((resolve) => (state.wakeOnCredit = resolve));
    if (!imports.has(importId)) return;
    state.credit -= c.value.byteLength;
    // chunkBuffer gives each chunk a buffer of its own, so it is handed over without a copy
    send({ type: 'chunk', importId, index, data: c.value, facts: { ...load.facts }, problemCount: load.problems.count() }, [c.value.buffer as ArrayBuffer]);
  }
  send({ type: 'end', importId, index, facts: load.facts, problems: load.problems.errors, problemCount: load.problems.count(), rollups: load.rollups?.() ?? null });
}

for (;;) {
  const job = files.shift();
  if (!job) {
    await new Promise<void>((resolve) => (wakeOnFile = resolve));
    continue;
  }
  const state = imports.get(job.importId);
  if (state) await parse(job, state);
}
