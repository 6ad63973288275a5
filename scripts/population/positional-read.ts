/** Positional reads of NDJSON files, through a reused window per file, so no file is held in memory. */
import { readSync } from 'node:fs';

const READ_AHEAD_BYTES = 4 << 20;
/** A prefetched span is at most this large (a bigger one is read run by run): bounds a worker's windows. */
const PREFETCH_LIMIT_BYTES = 4 << 20;

/** Positional reads of one file through a reused window (memory stays bounded per file). */
export class ReadAheadWindow {
  private window: Buffer;
  private windowStart = 0;
  private windowEnd = 0;
  constructor(
    private readonly fd: number,
    private readonly size = READ_AHEAD_BYTES,
  ) {
    this.window = Buffer.allocUnsafe(size);
  }

  /**
   * Loads exactly [start, end) when the next reads fall in it (a worker's batch of patients: reading ahead further
   * would read the other workers' patients too).
   */
  prefetch(start: number, end: number): void {
    if ((start >= this.windowStart && end <= this.windowEnd) || end - start > PREFETCH_LIMIT_BYTES) return;
    // Grown once and kept: a buffer allocated per batch is memory the garbage collector has to account for each time.
    if (end - start > this.window.length) this.window = Buffer.allocUnsafe(Math.min(PREFETCH_LIMIT_BYTES, Math.max(end - start, 2 * this.window.length)));
    this.windowStart = start;
    this.windowEnd = start + readFully(this.fd, this.window, end - start, start);
  }

  /** The bytes [start, end) of the file: a buffer and where they begin in it (valid until the next call). */
  bytes(start: number, end: number): { buf: Buffer; at: number } {
    if (start >= this.windowStart && end <= this.windowEnd) return { buf: this.window, at: start - this.windowStart };
    if (end - start > this.size) {
      const buf = Buffer.allocUnsafe(end - start);
      readFully(this.fd, buf, buf.length, start);
      return { buf, at: 0 };
    }
    this.windowStart = start;
    this.windowEnd = start + readFully(this.fd, this.window, this.window.length, start);
    if (end > this.windowEnd) throw new Error('an NDJSON file changed while it was being read');
    return { buf: this.window, at: 0 };
  }
}

/** Reads up to `length` bytes at `position` (fewer only at the end of the file). */
export function readFully(fd: number, buf: Buffer, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}
