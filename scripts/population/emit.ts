/**
 * The output of `npm run derive`: documents written to stdout synchronously through one reused buffer, one document
 * alone or a JSON array of them, the same bytes whichever thread derived them.
 */
import { writeSync } from 'node:fs';

const OUTPUT_BUFFER_BYTES = 4 << 20;
let outBuffer = Buffer.allocUnsafe(OUTPUT_BUFFER_BYTES);
let outLength = 0;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Output goes to stdout synchronously through one reused buffer: encoding documents straight into it
 * (`buffer.write`) costs about a third of `process.stdout.write`'s fresh Buffer per chunk, and the output of a
 * population is larger than its input. Memory stays bounded because nothing is queued.
 */
function put(text: string): void {
  if (outLength + text.length * 3 > outBuffer.length) {
    flush();
    if (text.length * 3 > outBuffer.length) outBuffer = Buffer.allocUnsafe(text.length * 3);
  }
  outLength += outBuffer.write(text, outLength, 'utf8');
}

/**
 * Writes what `put` gathered. A pipe to stdout is non-blocking: when it is full (EAGAIN) the write waits and retries,
 * from 0.05 ms doubling to 5 ms, so that a fast reader (`| sha256sum`: a pipe holds 64 kB) is not kept waiting a
 * fixed 5 ms per 64 kB (that doubled the run's time) and a slow one costs no processor time.
 */
function flush(): void {
  let offset = 0;
  let waitMs = 0.05;
  while (offset < outLength) {
    try {
      offset += writeSync(1, outBuffer, offset, outLength - offset);
      waitMs = 0.05;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(0); // the reader went away (e.g. `| head`): nothing more to say
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(sleeper, 0, 0, waitMs);
      waitMs = Math.min(5, waitMs * 2);
    }
  }
  outLength = 0;
  if (outBuffer.length > OUTPUT_BUFFER_BYTES) outBuffer = Buffer.allocUnsafe(OUTPUT_BUFFER_BYTES);
}

/** Copies already encoded bytes (a document a worker encoded) into the output buffer. */
function putBytes(bytes: Uint8Array): void {
  if (outLength + bytes.length > outBuffer.length) {
    flush();
    if (bytes.length > outBuffer.length) outBuffer = Buffer.allocUnsafe(bytes.length);
  }
  outBuffer.set(bytes, outLength);
  outLength += bytes.length;
}

export const documentText = (derivation: unknown, pretty: boolean) => JSON.stringify(derivation, null, pretty ? 2 : undefined);

/** The documents, in order: one alone, or a JSON array of them (the same bytes however they were made). */
export async function emitDocuments(documents: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>, count: number): Promise<void> {
  const write = (d: string | Uint8Array) => (typeof d === 'string' ? put(d) : putBytes(d));
  if (count === 0) put('[]\n');
  else if (count === 1) {
    for await (const d of documents) write(d);
    put('\n');
  } else {
    put('[\n');
    let first = true;
    for await (const d of documents) {
      if (!first) put(',\n');
      write(d);
      first = false;
    }
    put('\n]\n');
  }
  flush();
}

/**
 * Documents come from the workers in batches already joined by the separator: the same bytes as emitDocuments writes
 * for them one by one.
 */
export async function emitBatches(batches: AsyncIterable<Uint8Array>, count: number): Promise<void> {
  if (count === 0) put('[]\n');
  else {
    if (count > 1) put('[\n');
    let first = true;
    for await (const b of batches) {
      if (!first) put(',\n');
      putBytes(b);
      first = false;
    }
    put(count > 1 ? '\n]\n' : '\n');
  }
  flush();
}

export function reportSkipped(skipped: number): void {
  if (skipped > 0) process.stderr.write(`derive: ${skipped} line(s) skipped (not JSON, or belonging to no patient)\n`);
}
