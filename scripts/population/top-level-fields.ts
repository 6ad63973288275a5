/**
 * A strict JSON check of one NDJSON line that also finds where some of its top-level fields are, without building the
 * object: `npm run derive` uses it for resources of types the engine never reads beyond a few fields (claims,
 * explanations of benefit, ...), which are half of an EHR export's bytes.
 *
 * It accepts exactly what `JSON.parse(bytes.toString('utf8'))` accepts when that is an object (RFC 8259: the four
 * whitespace characters, string escapes, no control characters in strings, the number grammar, the three literals;
 * bytes above 0x7f inside strings, which UTF-8 decoding turns into characters, replacement characters included).
 * Where it is unsure (a top-level key written with escapes, nesting deeper than MAX_DEPTH) it says so and the caller
 * parses the line, so a line it cannot vouch for is never treated differently from a parsed one.
 */

/** Byte offsets of a field's value in the line: `[start, end)`. */
export type ValueRange = [number, number];

/** Deeper nesting is left to JSON.parse (which may refuse it): rare in FHIR, never in an EHR export. */
const MAX_DEPTH = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Top-level key names of interest, as bytes. */
export class KeySet {
  readonly keys: Uint8Array[];
  readonly names: string[];
  constructor(names: readonly string[]) {
    this.names = [...names];
    this.keys = names.map((n) => new TextEncoder().encode(n));
  }
}

// What the scan expects next.
const VALUE = 0;
const KEY = 1;
const KEY_OR_END = 2;
const VALUE_OR_END = 3;
const COLON = 4;
const AFTER_VALUE = 5;

/** The scan's stack of open objects and arrays (reused: one scan at a time per thread). */
const STACK = new Uint8Array(MAX_DEPTH + 1);
const OPEN_OBJECT = 1;
const OPEN_ARRAY = 2;

/**
 * The values of `wanted`'s keys at the top level of the object in `buf[start, end)`; for a key written twice the last
 * (as JSON.parse keeps). Null when the bytes are not one JSON object or when this scan cannot tell: parse them instead.
 * One loop over the bytes with an explicit stack (the lines are string-dense: a function call per token cost as much
 * as JSON.parse).
 */
export function topLevelFields(buf: Uint8Array, start: number, end: number, wanted: KeySet): Map<string, ValueRange> | null {
  const found = new Map<string, ValueRange>();
  const stack = STACK;
  let depth = 0;
  let state = VALUE;
  let keyStart = -1;
  let keyEnd = -1;
  let valueStart = -1;
  let p = start;
  while (p < end && (buf[p] === 0x20 || buf[p] === 0x09 || buf[p] === 0x0a || buf[p] === 0x0d)) p++;
  if (buf[p] !== 0x7b || p >= end) return null; // not an object (an array, a string, ...)
  while (p < end) {
    const c = buf[p]!;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      p++;
      continue;
    }
    if (state === COLON) {
      if (c !== 0x3a) return null;
      state = VALUE;
      p++;
      continue;
    }
    let closes = false;
    if (state === AFTER_VALUE) {
      if (depth === 0) return null; // something after the object
      const open = stack[depth]!;
      if (c === 0x2c) {
        state = open === OPEN_OBJECT ? KEY : VALUE;
        p++;
        continue;
      }
      if (!((c === 0x7d && open === OPEN_OBJECT) || (c === 0x5d && open === OPEN_ARRAY))) return null;
      closes = true;
    } else if ((state === KEY_OR_END && c === 0x7d) || (state === VALUE_OR_END && c === 0x5d)) closes = true;
    if (closes) {
      depth--;
      p++;
      state = AFTER_VALUE;
      if (depth === 1 && !noteValue(buf, keyStart, keyEnd, valueStart, p, wanted, found)) return null;
      continue;
    }
    if (state === KEY || state === KEY_OR_END) {
      if (c !== QUOTE) return null;
      const nameStart = p + 1;
      p = stringEnd(buf, nameStart, end);
      if (p < 0) return null;
      if (depth === 1) {
        keyStart = nameStart;
        keyEnd = p - 1;
      }
      state = COLON;
      continue;
    }
    // A value.
    if (depth === 1) valueStart = p;
    if (c === QUOTE) {
      p = stringEnd(buf, p + 1, end);
      if (p < 0) return null;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === MAX_DEPTH) return null;
      stack[++depth] = c === 0x7b ? OPEN_OBJECT : OPEN_ARRAY;
      state = c === 0x7b ? KEY_OR_END : VALUE_OR_END;
      p++;
      continue;
    } else if (c === 0x74) {
      if (p + 4 > end || buf[p + 1] !== 0x72 || buf[p + 2] !== 0x75 || buf[p + 3] !== 0x65) return null;
      p += 4;
    } else if (c === 0x66) {
      if (p + 5 > end || buf[p + 1] !== 0x61 || buf[p + 2] !== 0x6c || buf[p + 3] !== 0x73 || buf[p + 4] !== 0x65) return null;
      p += 5;
    } else if (c === 0x6e) {
      if (p + 4 > end || buf[p + 1] !== 0x75 || buf[p + 2] !== 0x6c || buf[p + 3] !== 0x6c) return null;
      p += 4;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      p = number(buf, p, end);
      if (p < 0) return null;
    } else return null;
    // A string, number or literal ended.
    if (depth === 0) return null; // the line is not an object
    state = AFTER_VALUE;
    if (depth === 1 && !noteValue(buf, keyStart, keyEnd, valueStart, p, wanted, found)) return null;
  }
  return depth === 0 && state === AFTER_VALUE ? found : null;
}

/** Records a top-level value when its key is wanted; false for a key the scan cannot read (written with escapes). */
function noteValue(buf: Uint8Array, keyStart: number, keyEnd: number, valueStart: number, p: number, wanted: KeySet, found: Map<string, ValueRange>): boolean {
  const name = wantedKey(buf, keyStart, keyEnd, wanted);
  if (name === UNSURE) return false;
  if (name !== null) found.set(name, [valueStart, p]);
  return true;
}

/** From just after a string's opening quote: the position after its closing quote, or -1 when it is not valid JSON. */
function stringEnd(buf: Uint8Array, p: number, end: number): number {
  while (p < end) {
    const c = buf[p]!;
    if (c > BACKSLASH || (c >= 0x20 && c !== QUOTE && c !== BACKSLASH)) {
      p++;
      continue;
    }
    if (c === QUOTE) return p + 1;
    if (c < 0x20) return -1;
    const e = buf[p + 1];
    if (e === 0x75) {
      if (p + 6 > end || !isHex(buf[p + 2]!) || !isHex(buf[p + 3]!) || !isHex(buf[p + 4]!) || !isHex(buf[p + 5]!)) return -1;
      p += 6;
    } else if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) p += 2;
    else return -1;
  }
  return -1;
}

function number(buf: Uint8Array, p: number, end: number): number {
  if (buf[p] === 0x2d) p++;
  if (p >= end) return -1;
  if (buf[p] === 0x30) p++;
  else if (buf[p]! >= 0x31 && buf[p]! <= 0x39) {
    p++;
    while (p < end && buf[p]! >= 0x30 && buf[p]! <= 0x39) p++;
  } else return -1;
  if (p < end && buf[p] === 0x2e) {
    const q = ++p;
    while (p < end && buf[p]! >= 0x30 && buf[p]! <= 0x39) p++;
    if (p === q) return -1;
  }
  if (p < end && (buf[p] === 0x65 || buf[p] === 0x45)) {
    p++;
    if (p < end && (buf[p] === 0x2b || buf[p] === 0x2d)) p++;
    const q = p;
    while (p < end && buf[p]! >= 0x30 && buf[p]! <= 0x39) p++;
    if (p === q) return -1;
  }
  return p;
}

const UNSURE = Symbol('unsure');

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Which wanted key the raw key bytes [s, e) name; UNSURE for a key with escapes (it may spell a wanted one). */
function wantedKey(buf: Uint8Array, s: number, e: number, wanted: KeySet): string | null | typeof UNSURE {
  const length = e - s;
  for (let k = s; k < e; k++) if (buf[k] === BACKSLASH) return UNSURE;
  for (let w = 0; w < wanted.keys.length; w++) {
    const key = wanted.keys[w]!;
    if (key.length !== length) continue;
    let same = true;
    for (let k = 0; k < length && same; k++) same = buf[s + k] === key[k];
    if (same) return wanted.names[w]!;
  }
  return null;
}
