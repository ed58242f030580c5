import type { PermutationJob } from './knox-counts.js';

/**
 * The permutation loop of knox-counts.ts (`countLanes`) as a small WebAssembly SIMD function,
 * assembled here from its instructions (no toolchain needed). Per pair it loads the 8 lanes of
 * the partner's times as two 128-bit vectors and takes the absolute differences from this
 * event's; only when some lane is within the last temporal limit (about 1 pair in 4 with 8 lanes)
 * does it add, for each temporal band k, the lanes with difference <= u_k (the largest whole
 * difference in band k) to vector counters: cumulative counts, turned into band counts after.
 * No per-lane branches. Same inputs, same counts as the JavaScript loop (the tests compare the
 * two); used when the runtime supports WebAssembly SIMD.
 *
 * count(n, rowStart, pairs, lanes, limits, counters, nT): pointers are byte offsets in memory;
 * lanes hold 8 int32 per event; limits hold u_k splatted over 4 lanes (16 bytes each); the
 * counters of (spatial band s, temporal band k) are 2 vectors at ((s * nT + k) * 32).
 */

// The few WebAssembly JS API members used (the project's lib settings do not declare them).
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
};

const leb = (v: number): number[] => {
  const out: number[] = [];
  let x = v >>> 0;
  do {
    let byte = x & 0x7f;
    x >>>= 7;
    if (x !== 0) byte |= 0x80;
    out.push(byte);
  } while (x !== 0);
  return out;
};
const sleb = (v: number): number[] => {
  const out: number[] = [];
  let x = v | 0;
  for (;;) {
    const byte = x & 0x7f;
    x >>= 7;
    if ((x === 0 && (byte & 0x40) === 0) || (x === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const str = (s: string) => [...leb(s.length), ...Buffer.from(s, 'utf8')];
const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];

// Instructions.
const get = (i: number) => [0x20, ...leb(i)];
const set = (i: number) => [0x21, ...leb(i)];
const tee = (i: number) => [0x22, ...leb(i)];
const i32 = (v: number) => [0x41, ...sleb(v)];
const load = (offset = 0) => [0x28, 2, ...leb(offset)];
const [block, loop, ifThen, end, br, brIf] = [[0x02, 0x40], [0x03, 0x40], [0x04, 0x40], [0x0b], (d: number) => [0x0c, d], (d: number) => [0x0d, d]];
const [ltU, geU, add, sub, mul, and, shl, shrU] = [[0x49], [0x4f], [0x6a], [0x6b], [0x6c], [0x71], [0x74], [0x76]];
const simd = (op: number, ...imm: number[]) => [0xfd, ...leb(op), ...imm];
const v128load = (offset: number) => simd(0x00, 4, ...leb(offset));
const v128store = (offset: number) => simd(0x0b, 4, ...leb(offset));
const [leUx4, or, anyTrue, absx4, subx4] = [simd(0x3e), simd(0x50), simd(0x53), simd(0xa0), simd(0xb1)];

// Parameters 0..6, then i32 locals 7..14 and v128 locals 15..20.
const [N, ROW, PAIRS, LANES, LIMITS, COUNTERS, NT] = [0, 1, 2, 3, 4, 5, 6];
const [I, P, END, V, J, BASE, K, ADDR] = [7, 8, 9, 10, 11, 12, 13, 14];
const [A0, A1, E0, E1, LAST, U] = [15, 16, 17, 18, 19, 20];

const body = [
  ...get(LIMITS), ...get(NT), ...i32(1), ...sub, ...i32(4), ...shl, ...add, ...v128load(0), ...set(LAST),
  ...block, ...loop,
  ...get(I), ...get(N), ...geU, ...brIf(1),
  ...get(LANES), ...get(I), ...i32(5), ...shl, ...add, ...tee(J), ...v128load(0), ...set(A0),
  ...get(J), ...v128load(16), ...set(A1),
  ...get(ROW), ...get(I), ...i32(2), ...shl, ...add, ...tee(J), ...load(0), ...set(P),
  ...get(J), ...load(4), ...set(END),
  ...block, ...loop,
  ...get(P), ...get(END), ...geU, ...brIf(1),
  ...get(PAIRS), ...get(P), ...i32(2), ...shl, ...add, ...load(), ...set(V),
  ...get(LANES), ...get(V), ...i32(8), ...shrU, ...i32(5), ...shl, ...add, ...set(J),
  ...get(A0), ...get(J), ...v128load(0), ...subx4, ...absx4, ...set(E0),
  ...get(A1), ...get(J), ...v128load(16), ...subx4, ...absx4, ...set(E1),
  ...get(E0), ...get(LAST), ...leUx4, ...get(E1), ...get(LAST), ...leUx4, ...or, ...anyTrue,
  ...ifThen,
  ...get(COUNTERS), ...get(V), ...i32(255), ...and, ...get(NT), ...mul, ...i32(5), ...shl, ...add, ...set(BASE),
  ...i32(0), ...set(K),
  ...loop,
  ...get(LIMITS), ...get(K), ...i32(4), ...shl, ...add, ...v128load(0), ...set(U),
  ...get(BASE), ...get(K), ...i32(5), ...shl, ...add, ...tee(ADDR),
  ...get(ADDR), ...v128load(0), ...get(E0), ...get(U), ...leUx4, ...subx4, ...v128store(0),
  ...get(ADDR), ...get(ADDR), ...v128load(16), ...get(E1), ...get(U), ...leUx4, ...subx4, ...v128store(16),
  ...get(K), ...i32(1), ...add, ...tee(K), ...get(NT), ...ltU, ...brIf(0),
  ...end,
  ...end,
  ...get(P), ...i32(1), ...add, ...set(P),
  ...br(0), ...end, ...end,
  ...get(I), ...i32(1), ...add, ...set(I),
  ...br(0), ...end, ...end,
  ...end,
];

const I32 = 0x7f;
const V128 = 0x7b;
const code = [...leb(2), ...leb(8), I32, ...leb(6), V128, ...body];
const moduleBytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 7, ...Array<number>(7).fill(I32), 0]),
  ...section(2, [1, ...str('env'), ...str('memory'), 0x02, 0x00, 1]),
  ...section(3, [1, 0]),
  ...section(7, [1, ...str('count'), 0x00, 0]),
  ...section(10, [1, ...leb(code.length), ...code]),
]);

let compiled: object | null | undefined;
function wasmModule(): object | null {
  if (compiled === undefined) compiled = WebAssembly.validate(moduleBytes) ? new WebAssembly.Module(moduleBytes) : null;
  return compiled;
}

/** Memory offsets rounded up to 16 bytes (vector loads). */
const align = (v: number) => Math.ceil(v / 16) * 16;

/**
 * A counter for 8 lanes of times at once, backed by WebAssembly; null when WebAssembly SIMD is not
 * available. Copies the pairs into its memory once; each call copies the lanes in and writes the
 * 8 tables (nS x nT each, one after another) into `tables`.
 */
export function wasmLaneCounter(job: PermutationJob, lanesCount: 8): ((lanes: Int32Array, tables: Int32Array) => void) | null {
  const mod = wasmModule();
  if (!mod) return null;
  const { nS, nT } = job;
  const n = job.rowStart.length - 1;
  const row = 0;
  const pairs = align(row + (n + 1) * 4);
  const lanes = align(pairs + job.pairs.length * 4);
  const limits = align(lanes + n * lanesCount * 4);
  const counters = align(limits + nT * 16);
  const bytes = counters + nS * nT * 32;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) + 1 });
  const count = (new WebAssembly.Instance(mod, { env: { memory } }).exports as { count: (...args: number[]) => void }).count;
  const heap = memory.buffer;
  new Int32Array(heap, row, n + 1).set(job.rowStart);
  new Int32Array(heap, pairs, job.pairs.length).set(job.pairs);
  // u_k: the largest whole difference in temporal band k (timeBand is non-decreasing in d).
  const u = new Int32Array(heap, limits, nT * 4);
  for (let k = 0; k < nT; k++) {
    let last = -1;
    for (let d = 0; d <= job.maxDiff; d++) if (job.timeBand[d]! <= k) last = d;
    u.fill(last, k * 4, k * 4 + 4);
  }
  const lanesView = new Int32Array(heap, lanes, n * lanesCount);
  const cumulative = new Int32Array(heap, counters, nS * nT * 8);
  return (laneTimes, tables) => {
    lanesView.set(laneTimes);
    cumulative.fill(0);
    count(n, row, pairs, lanes, limits, counters, nT);
    const size = nS * nT;
    for (let q = 0; q < lanesCount; q++) {
      for (let s = 0; s < nS; s++) {
        let below = 0;
        for (let k = 0; k < nT; k++) {
          const c = cumulative[((s * nT + k) * 2 + (q >> 2)) * 4 + (q & 3)]!;
          tables[q * size + s * nT + k] = c - below;
          below = c;
        }
      }
    }
  };
}

/** Whether the WebAssembly SIMD loop can run here (else the JavaScript loop is used). */
export const wasmAvailable = (): boolean => wasmModule() !== null;
