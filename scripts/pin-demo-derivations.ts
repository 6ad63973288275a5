/**
 * `npm run pin:demo`: rewrites test/sandbox/expected/<id>.json, the full derivation of each demo patient (see
 * sandbox/patients/pinned.ts). Run it after a deliberate change of a rule, a threshold or a demo patient, then read
 * `git diff test/sandbox/expected`: every patient the change moves is there, and nothing else should be.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoPatients } from '../sandbox/patients';
import { PINNED_DIR, pinnedDerivationText } from '../sandbox/patients/pinned';

mkdirSync(PINNED_DIR, { recursive: true });
const ids = new Set(demoPatients.map((p) => p.id));
const changed: string[] = [];
for (const patient of demoPatients) {
  const file = join(PINNED_DIR, `${patient.id}.json`);
  const text = pinnedDerivationText(patient);
  let before: string | null;
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    before = null;
  }
  if (before !== text) {
    writeFileSync(file, text);
    changed.push(before === null ? `${patient.id} (new)` : patient.id);
  }
}
// A pinned file of a patient that no longer exists would never be checked again.
for (const name of readdirSync(PINNED_DIR)) {
  if (name.endsWith('.json') && !ids.has(name.slice(0, -'.json'.length))) {
    rmSync(join(PINNED_DIR, name));
    changed.push(`${name.slice(0, -'.json'.length)} (removed)`);
  }
}
process.stdout.write(
  changed.length === 0
    ? `pin:demo: all ${demoPatients.length} pinned derivations are current\n`
    : `pin:demo: rewrote ${changed.join(', ')}; review with: git diff ${PINNED_DIR}\n`,
);
