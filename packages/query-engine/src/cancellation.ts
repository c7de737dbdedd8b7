/**
 * A cancellation signal that works across threads: one `Int32Array` cell on a
 * `SharedArrayBuffer` (a plain `ArrayBuffer` where shared memory is unavailable) counting
 * writes that were announced but not applied yet. The thread that owns the database reads
 * it synchronously at every query read and throws `Cancelled` while it is non-zero.
 *
 * Protocol when the database lives in a worker: the main thread calls
 * `requestCancellation()` and then posts the write; the worker, once its current
 * computation has unwound with `Cancelled`, applies the write and calls `acknowledge()`.
 */
export class CancellationFlag {
  /** The shared memory; post it to another thread and wrap it there with `new CancellationFlag(buffer)`. */
  readonly buffer: SharedArrayBuffer | ArrayBuffer;
  private readonly cells: Int32Array;

  /** Wraps `buffer` (at least 4 bytes), or allocates new shared memory. */
  constructor(buffer?: SharedArrayBuffer | ArrayBuffer) {
    this.buffer = buffer ?? (typeof SharedArrayBuffer === "function" ? new SharedArrayBuffer(4) : new ArrayBuffer(4));
    if (this.buffer.byteLength < 4) throw new RangeError("A CancellationFlag needs a buffer of at least 4 bytes");
    this.cells = new Int32Array(this.buffer, 0, 1);
  }

  /** Announces a pending write: running computations throw `Cancelled` at their next read. */
  requestCancellation(): void {
    Atomics.add(this.cells, 0, 1);
  }

  /** Marks one announced write as applied; reads stop being cancelled once none is pending. */
  acknowledge(): void {
    // Never go below zero, so an extra acknowledge cannot cancel the next request.
    for (;;) {
      const current = Atomics.load(this.cells, 0);
      if (current <= 0) return;
      if (Atomics.compareExchange(this.cells, 0, current, current - 1) === current) return;
    }
  }

  /** Number of announced writes not yet acknowledged. */
  get pending(): number {
    return Atomics.load(this.cells, 0);
  }

  /** True while a write is pending (reads would throw `Cancelled`). */
  get isCancellationRequested(): boolean {
    return Atomics.load(this.cells, 0) !== 0;
  }
}
