/**
 * A strict JSON check of one NDJSON line that also finds where some of its top-level fields are, without building the
 * object: `npm run derive` uses it for resources of types the engine never reads beyond a few fields (claims,
 * explanations of benefit, ...), which are half of an EHR export's bytes.
 *
 * It accepts exactly what `JSON.parse(bytes.toString('utf8'))` accepts when that is an object (RFC 8259: the four
 * whitespace characters, string escapes, no control characters in strings, the number grammar, the three literals;
 * bytes above 0x7f inside strings, which UTF-8 decoding turns into characters, replacement characters included).
 * Where it is unsure (a top-level key written with escapes, nesting deeper than 256, more than 255 wanted members)
 * it says so and the caller parses the line, so a line it cannot vouch for is never treated differently from a
 * parsed one. The scan itself is WebAssembly (json-scan.wat): these lines are string-dense (a quote every 7 bytes),
 * and a byte loop in JavaScript cost as much as JSON.parse.
 */
import { JSON_SCAN_WASM_BASE64 } from './json-scan-wasm';

/** Byte offsets of a field's value in the line: `[start, end)`. */
export type ValueRange = [number, number];

/** The scan's memory layout (json-scan.wat): the wanted key names, what it found, the line. */
const KEYS = 512;
const KEYS_BYTES = 512;
const FOUND = 1024;
const LINE = 65536;
/** Room after the line: its closing 0, and the bytes a sixteen-byte load or a literal's comparison may read past it. */
const LINE_SLACK = 24;

/** Top-level key names of interest, as bytes. */
export class KeySet {
  readonly names: string[];
  /** The count and each name as its length and bytes, as the scan reads them at KEYS. */
  readonly table: Uint8Array;
  constructor(names: readonly string[]) {
    this.names = [...names];
    const encoded = names.map((n) => new TextEncoder().encode(n));
    const size = 1 + encoded.reduce((sum, k) => sum + 1 + k.length, 0);
    if (names.length > 255 || encoded.some((k) => k.length > 255) || size > KEYS_BYTES) throw new Error('KeySet: too many or too long key names for the scan');
    this.table = new Uint8Array(size);
    this.table[0] = names.length;
    let at = 1;
    for (const k of encoded) {
      this.table[at++] = k.length;
      this.table.set(k, at);
      at += k.length;
    }
  }
}

const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(JSON_SCAN_WASM_BASE64, 'base64')));
const memory = instance.exports.memory as WebAssembly.Memory;
const scan = instance.exports.scan as (length: number) => number;
let memoryBytes = new Uint8Array(memory.buffer);
let memoryWords = new Int32Array(memory.buffer);
let keysInMemory: KeySet | null = null;

/**
 * The values of `wanted`'s keys at the top level of the object in `buf[start, end)`; for a key written twice the last
 * (as JSON.parse keeps). Null when the bytes are not one JSON object or when the scan cannot tell: parse them instead.
 */
export function topLevelFields(buf: Uint8Array, start: number, end: number, wanted: KeySet): Map<string, ValueRange> | null {
  const length = end - start;
  if (LINE + length + LINE_SLACK > memoryBytes.length) {
    memory.grow(Math.ceil((LINE + length + LINE_SLACK - memoryBytes.length) / 65536));
    memoryBytes = new Uint8Array(memory.buffer);
    memoryWords = new Int32Array(memory.buffer);
  }
  if (keysInMemory !== wanted) {
    memoryBytes.set(wanted.table, KEYS);
    keysInMemory = wanted;
  }
  memoryBytes.set(buf.subarray(start, end), LINE);
  const count = scan(length);
  if (count < 0) return null;
  const found = new Map<string, ValueRange>();
  for (let i = 0, at = FOUND >> 2; i < count; i++, at += 3) found.set(wanted.names[memoryWords[at]!]!, [start + memoryWords[at + 1]!, start + memoryWords[at + 2]!]);
  return found;
}
