/**
 * Coalescing concurrent calls into batches (group commit): calls made while a
 * batch is being worked on wait and go together in the next one, so 16
 * webhook deliveries in flight cost one store statement and one Redis round
 * trip instead of 16 each. A batch starts on the event loop's next turn
 * (setImmediate, so calls resumed by the same I/O join it), at most
 * `maxBatch` calls long and at most `maxInFlight` batches at a time. Each call
 * gets its own item's outcome; a batch that throws rejects every call in it.
 */

export interface CoalesceOptions {
  /** Most items in one batch. */
  maxBatch: number;
  /** Most batches being worked on at once. */
  maxInFlight: number;
}

/** Works on a batch: one outcome per item, in the items' order. */
export type BatchWork<T, R> = (items: T[]) => Promise<PromiseSettledResult<R>[]>;

interface Waiting<T, R> {
  item: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export function coalesce<T, R>(work: BatchWork<T, R>, opts: CoalesceOptions): (item: T) => Promise<R> {
  const waiting: Waiting<T, R>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || !waiting.length || inFlight >= opts.maxInFlight) return;
    scheduled = true;
    setImmediate(flush);
  };
  const settle = (batch: Waiting<T, R>[], outcomes: PromiseSettledResult<R>[]) => {
    batch.forEach((w, i) => {
      const o = outcomes[i];
      if (o?.status === 'fulfilled') w.resolve(o.value);
      else w.reject(o ? o.reason : new Error('batch gave no outcome for this item'));
    });
  };
  const flush = () => {
    scheduled = false;
    while (waiting.length && inFlight < opts.maxInFlight) {
      const batch = waiting.splice(0, opts.maxBatch);
      inFlight++;
      Promise.resolve()
        .then(() => work(batch.map((w) => w.item)))
        .then(
          (outcomes) => settle(batch, outcomes),
          (e: unknown) => batch.forEach((w) => w.reject(e)),
        )
        .finally(() => {
          inFlight--;
          schedule();
        });
    }
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      schedule();
    });
}
