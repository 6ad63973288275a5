/**
 * `npm run wasm:json-scan`: assembles json-scan.wat (the strict scan of top-level-fields.ts) with wabt and writes the
 * module's bytes into json-scan-wasm.ts, so that `npm run derive` loads them without an assembler. A test checks that
 * the written file is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

const here = dirname(fileURLToPath(import.meta.url));
const JSON_SCAN_WAT = join(here, 'json-scan.wat');
export const JSON_SCAN_MODULE_FILE = join(here, 'json-scan-wasm.ts');

/** The text json-scan-wasm.ts should hold for the current json-scan.wat. */
export async function jsonScanModuleText(): Promise<string> {
  const assembler = await wabt();
  const parsed = assembler.parseWat('json-scan.wat', readFileSync(JSON_SCAN_WAT, 'utf8'));
  try {
    parsed.validate();
    const { buffer } = parsed.toBinary({});
    return `// Written by \`npm run wasm:json-scan\` from json-scan.wat: do not edit.\nexport const JSON_SCAN_WASM_BASE64 =\n  '${Buffer.from(buffer).toString('base64')}';\n`;
  } finally {
    parsed.destroy();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(JSON_SCAN_MODULE_FILE, await jsonScanModuleText());
  process.stdout.write(`wrote ${JSON_SCAN_MODULE_FILE}\n`);
}
