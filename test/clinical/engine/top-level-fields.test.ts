/**
 * The strict scan `npm run derive` uses instead of JSON.parse for lines of types the engine reads only a few fields of:
 * it vouches for a line only when JSON.parse accepts it as an object, and then gives the same values for those fields.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { JSON_SCAN_MODULE_FILE, jsonScanModuleText } from '../../../scripts/population/json-scan-build';
import { KeySet, topLevelFields } from '../../../scripts/population/top-level-fields';

const WANTED = ['resourceType', 'id', 'status', 'subject', 'patient'];
const keys = new KeySet(WANTED);
const bytesOf = (text: string) => Buffer.from(text, 'utf8');

function parsedObject(bytes: Buffer): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The scan agrees with JSON.parse: no vouching for a line JSON.parse refuses, and the same values where it vouches. */
function expectAgreement(bytes: Buffer): void {
  const found = topLevelFields(bytes, 0, bytes.length, keys);
  const parsed = parsedObject(bytes);
  if (found === null) return;
  expect(parsed).not.toBeNull();
  for (const k of WANTED) {
    const range = found.get(k);
    expect(range !== undefined).toBe(Object.hasOwn(parsed!, k));
    if (range) expect(JSON.parse(bytes.toString('utf8', range[0], range[1]))).toEqual(parsed![k]);
  }
}

const resourceLike = fc.record(
  {
    resourceType: fc.constantFrom('Claim', 'ExplanationOfBenefit', 'Goal'),
    id: fc.string(),
    status: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    patient: fc.record({ reference: fc.string() }),
    item: fc.array(fc.jsonValue(), { maxLength: 4 }),
    text: fc.string({ unit: 'grapheme' }),
    n: fc.double({ noNaN: true, noDefaultInfinity: true }),
  },
  { requiredKeys: ['resourceType'] },
);

describe('top-level fields of a line without JSON.parse', () => {
  it('vouches for every object JSON.stringify writes, compact or indented, with the values JSON.parse gives', () => {
    fc.assert(
      fc.property(resourceLike, fc.constantFrom(undefined, 1, '\t'), (value, indent) => {
        const bytes = bytesOf(JSON.stringify(value, null, indent));
        expect(topLevelFields(bytes, 0, bytes.length, keys)).not.toBeNull();
        expectAgreement(bytes);
      }),
      { numRuns: 400 },
    );
  });

  it('never vouches for a line JSON.parse refuses: cut short, a byte changed, a byte inserted', () => {
    fc.assert(
      fc.property(resourceLike, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('cut', 'change', 'insert'), (value, at, byte, how) => {
        const whole = bytesOf(JSON.stringify(value));
        const i = at % whole.length;
        const bytes =
          how === 'cut' ? whole.subarray(0, i) : how === 'change' ? Buffer.concat([whole.subarray(0, i), Buffer.from([byte]), whole.subarray(i + 1)]) : Buffer.concat([whole.subarray(0, i), Buffer.from([byte]), whole.subarray(i)]);
        expectAgreement(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses what JSON.parse refuses in strings, numbers and literals', () => {
    for (const line of [
      '{"id":"a\tb"}',
      '{"id":"a\\x"}',
      '{"id":"\\u12G4"}',
      '{"n":01}',
      '{"n":1.}',
      '{"n":-}',
      '{"n":1e}',
      '{"b":tru}',
      '{"b":nul}',
      '{"a":1,}',
      '{"a":1}}',
      '{"a":[1,]}',
      '{"a" 1}',
      '["id"]',
      '{"a":1} x',
    ]) {
      const bytes = bytesOf(line);
      expect(parsedObject(bytes)).toBeNull();
      expect(topLevelFields(bytes, 0, bytes.length, keys)).toBeNull();
    }
  });

  it('leaves to JSON.parse a top-level key written with escapes, and keeps the last of a key written twice', () => {
    const escaped = bytesOf('{"resourceType":"Claim","i\\u0064":"x"}');
    expect(topLevelFields(escaped, 0, escaped.length, keys)).toBeNull();
    const twice = bytesOf('{"resourceType":"Claim","id":"first","status":"active","id":"second"}');
    const found = topLevelFields(twice, 0, twice.length, keys)!;
    expect(twice.toString('utf8', ...found.get('id')!)).toBe('"second"');
  });

  it('vouches for a line longer than the scan\'s memory and for lines read with another key set in between', () => {
    const long = bytesOf(JSON.stringify({ resourceType: 'Claim', item: Array.from({ length: 4000 }, (_, i) => ({ n: i, text: 'x'.repeat(40) })), id: 'long' }));
    expect(long.length).toBeGreaterThan(200_000);
    const found = topLevelFields(long, 0, long.length, keys)!;
    expect(long.toString('utf8', ...found.get('id')!)).toBe('"long"');
    const other = new KeySet(['code']);
    const line = bytesOf('{"resourceType":"Observation","code":{"text":"pulse"},"id":"o1"}');
    expect([...topLevelFields(line, 0, line.length, other)!.keys()]).toEqual(['code']);
    expect([...topLevelFields(line, 0, line.length, keys)!.keys()]).toEqual(['resourceType', 'id']);
  });

  it('finds fields of a line in the middle of a larger buffer, at the buffer\'s offsets', () => {
    const buf = bytesOf('xx{"id":"a","status":"active"}yy');
    const found = topLevelFields(buf, 2, buf.length - 2, keys)!;
    expect(buf.toString('utf8', ...found.get('status')!)).toBe('"active"');
  });

  it('runs the WebAssembly assembled from json-scan.wat as it is now (npm run wasm:json-scan)', async () => {
    expect(readFileSync(JSON_SCAN_MODULE_FILE, 'utf8')).toBe(await jsonScanModuleText());
  });
});
