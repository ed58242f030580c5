/**
 * A queue between one producer and one consumer, bounded by a cost (bytes, items). The producer
 * awaits `push` while the queue is full; the consumer iterates with `for await`. Closing from the
 * consumer side (`cancel`) releases a waiting producer, whose later pushes are dropped; reading
 * a cancelled queue throws.
 */
export class BoundedQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private held = 0;
  private ended = false;
  private cancelled = false;
  private failure: { error: unknown } | null = null;
  private wakeConsumer: (() => void) | null = null;
  private wakeProducer: (() => void) | null = null;

  constructor(
    private readonly capacity: number,
    private readonly cost: (item: T) => number = () => 1,
  ) {
    if (!(capacity > 0)) throw new RangeError('queue capacity must be positive');
  }

  /**
   * Adds an item once the queue holds less than its capacity (so it may go over by one item).
   * With a capacity of one item, the producer is at most one item ahead of the consumer.
   */
  async push(item: T): Promise<void> {
    if (this.ended) throw new Error('push after end');
    while (this.held >= this.capacity && !this.cancelled) {
      await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    }
    if (this.cancelled) return;
    this.items.push(item);
    this.held += this.cost(item);
    this.wake();
  }

  /** No more items: the consumer's loop ends after the queued ones. */
  end(): void {
    this.ended = true;
    this.wake();
  }

  /** The producer failed: the consumer gets the error after the queued items. */
  fail(error: unknown): void {
    this.failure = { error };
    this.end();
  }

  /** The consumer stops: queued items are dropped and a waiting producer is released. */
  cancel(): void {
    this.cancelled = true;
    this.items.length = 0;
    this.held = 0;
    this.wakeProducer?.();
    this.wakeProducer = null;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.items.length > 0) {
        const item = this.items.shift()!;
        this.held -= this.cost(item);
        const producer = this.wakeProducer;
        this.wakeProducer = null;
        producer?.();
        yield item;
        continue;
      }
      // A cancelled queue never ends quietly: a reader must not take a cut-off stream for a whole one.
      if (this.cancelled) throw new Error('queue cancelled');
      if (this.ended) {
        if (this.failure) throw this.failure.error;
        return;
      }
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
  }

  private wake(): void {
    const consumer = this.wakeConsumer;
    this.wakeConsumer = null;
    consumer?.();
  }
}

/** Lets pending I/O callbacks run before the caller goes on with CPU work. */
export const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
