// The benchmark's floor for population mode (scripts/bench/population-rows.ts). Not part of the app.
// One pass over a Bulk Data NDJSON folder that only reads every file in large chunks and JSON.parses every line, on
// one thread: what any population tool written in JavaScript pays on this machine before doing anything with the data.
// Prints {"files","lines","bytes","seconds"} (seconds from the first read to the last parse, start-up excluded).
import { openSync, readSync, closeSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.ndjson') || f.endsWith('.jsonl')).sort().map((f) => join(dir, f));
const chunk = Buffer.allocUnsafe(1 << 20);
let lines = 0;
let bytes = 0;
let sink = 0;
const t0 = performance.now();
for (const file of files) {
  const fd = openSync(file, 'r');
  let carry = null;
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    bytes += n;
    const buf = chunk.subarray(0, n);
    let pos = 0;
    if (carry) {
      // Only the line cut at the chunk boundary is joined.
      const first = buf.indexOf(10);
      if (first === -1) {
        carry = Buffer.concat([carry, buf]);
        continue;
      }
      const line = Buffer.concat([carry, buf.subarray(0, first)]);
      if (line.length > 0) {
        if (JSON.parse(line.toString('utf8')) !== null) sink++;
        lines++;
      }
      pos = first + 1;
    }
    let nl;
    while ((nl = buf.indexOf(10, pos)) !== -1) {
      if (nl > pos) {
        const value = JSON.parse(buf.toString('utf8', pos, nl));
        if (value !== null && typeof value === 'object') sink++;
        lines++;
      }
      pos = nl + 1;
    }
    carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
  }
  if (carry && carry.length > 0) {
    JSON.parse(carry.toString('utf8'));
    lines++;
  }
  closeSync(fd);
}
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ files: files.length, lines, bytes, seconds, objects: sink }) + '\n');
