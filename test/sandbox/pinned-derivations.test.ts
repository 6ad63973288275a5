/**
 * Every demo patient's full derivation equals its pinned, reviewed file (test/sandbox/expected/<id>.json). A failure
 * here means the engine now concludes something else for that patient: if the change is deliberate, run
 * `npm run pin:demo` and review `git diff test/sandbox/expected` (it shows every patient the change moves).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoPatients } from '../../sandbox/patients';
import { PINNED_DIR, pinnedDerivationText } from '../../sandbox/patients/pinned';

const root = join(__dirname, '../..');
const fileOf = (id: string) => join(root, PINNED_DIR, `${id}.json`);

describe('pinned derivations of the demo patients', () => {
  it('has exactly one pinned file per demo patient', () => {
    const files = readdirSync(join(root, PINNED_DIR)).filter((n) => n.endsWith('.json'));
    expect(files.sort()).toEqual(demoPatients.map((p) => `${p.id}.json`).sort());
  });

  it.each(demoPatients.map((p) => [p.id, p] as const))('%s derives exactly its pinned file', (id, patient) => {
    expect(existsSync(fileOf(id)), `no pinned file for ${id}: run npm run pin:demo`).toBe(true);
    const pinned = readFileSync(fileOf(id), 'utf8');
    const derived = pinnedDerivationText(patient);
    if (derived !== pinned) {
      // Name the first line that moved, then show the whole difference.
      const a = pinned.split('\n');
      const b = derived.split('\n');
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      expect(b.slice(i, i + 8), `${id} moved at line ${i + 1} of ${PINNED_DIR}/${id}.json (deliberate? npm run pin:demo, then review git diff)`).toEqual(a.slice(i, i + 8));
    }
    expect(derived).toBe(pinned);
  });
});
