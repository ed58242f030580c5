import { describe, expect, it } from 'vitest';
import { BoundedQueue, yieldToIo } from './async-queue.js';

async function collect<T>(q: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of q) out.push(x);
  return out;
}

describe('BoundedQueue', () => {
  it('hands items over in order and ends after the last', async () => {
    const q = new BoundedQueue<number>(10);
    const producing = (async () => {
      for (let i = 0; i < 25; i++) await q.push(i);
      q.end();
    })();
    expect(await collect(q)).toEqual([...Array(25).keys()]);
    await producing;
  });

  it('an empty queue that ends gives nothing', async () => {
    const q = new BoundedQueue<string>(1);
    q.end();
    expect(await collect(q)).toEqual([]);
  });

  it('holds the producer while the queue is at its capacity', async () => {
    const q = new BoundedQueue<string>(5, (s) => s.length);
    let pushed = 0;
    void (async () => {
      for (const s of ['abc', 'de', 'f', 'gh']) {
        await q.push(s);
        pushed++;
      }
      q.end();
    })();
    await yieldToIo();
    // 'abc' + 'de' reach the capacity of 5: 'f' waits until the consumer takes something.
    expect(pushed).toBe(2);
    const it = q[Symbol.asyncIterator]();
    expect((await it.next()).value).toBe('abc');
    await yieldToIo();
    expect(pushed).toBe(4); // 'de' + 'f' + 'gh' = 5 again: room was made for both
    expect(await collect({ [Symbol.asyncIterator]: () => it })).toEqual(['de', 'f', 'gh']);
  });

  it('with capacity one, the producer is one item ahead of the consumer', async () => {
    const q = new BoundedQueue<number>(1);
    let pushed = 0;
    void (async () => {
      for (let i = 0; i < 3; i++) {
        await q.push(i);
        pushed++;
      }
      q.end();
    })();
    await yieldToIo();
    expect(pushed).toBe(1);
    const it = q[Symbol.asyncIterator]();
    await it.next();
    await yieldToIo();
    expect(pushed).toBe(2);
  });

  it('gives the producer failure after the items queued before it', async () => {
    const q = new BoundedQueue<number>(10);
    await q.push(1);
    q.fail(new Error('disk gone'));
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const x of q) seen.push(x);
      })(),
    ).rejects.toThrow('disk gone');
    expect(seen).toEqual([1]);
  });

  it('cancel releases a waiting producer, drops what it pushes afterwards, and makes reading throw', async () => {
    const q = new BoundedQueue<number>(1);
    await q.push(1);
    let released = false;
    const waiting = q.push(2).then(() => (released = true));
    await yieldToIo();
    expect(released).toBe(false);
    q.cancel();
    await waiting;
    expect(released).toBe(true);
    await q.push(3);
    expect(q.isCancelled).toBe(true);
    await expect(collect(q)).rejects.toThrow('queue cancelled');
  });

  it('rejects a capacity that is not positive, and pushes after the end', async () => {
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
    const q = new BoundedQueue<number>(1);
    q.end();
    await expect(q.push(1)).rejects.toThrow('push after end');
  });
});
