/**
 * `npm run generate` (scripts/generate-patient.ts): a single patient as a transaction Bundle, and a population as Bulk
 * Data NDJSON (one file per resource type, one resource per line, every reference resolving inside the population).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Bundle, Resource } from 'fhir/r4';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'generate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function generate(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/generate-patient.ts'), ...args], { cwd: root, encoding: 'utf8' });
}

describe('npm run generate', () => {
  it('writes one seeded patient as a transaction bundle, identical for the same seed and day', () => {
    const args = ['--years', '5', '--trials', '4', '--scores', '20', '--statements', '10', '--seed', '7', '--today', '2026-11-22'];
    const a = generate([...args, '--out', join(dir, 'a.json')]);
    const b = generate([...args, '--out', join(dir, 'b.json')]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const bundle = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as Bundle;
    expect(bundle.type).toBe('transaction');
    expect(bundle.entry?.filter((e) => e.resource?.resourceType === 'MedicationStatement')).toHaveLength(10);
    expect(bundle.entry?.every((e) => e.request?.method === 'PUT' && e.request.url === `${e.resource!.resourceType}/${e.resource!.id}`)).toBe(true);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(readFileSync(join(dir, 'a.json'), 'utf8'));
  }, 60_000);

  it('writes a population as NDJSON, one file per resource type, references resolving', () => {
    const out = join(dir, 'population');
    const r = generate(['--patients', '5', '--ndjson', out, '--seed', '3']);
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toContain('Patient.ndjson');
    expect(files.every((f) => f.endsWith('.ndjson'))).toBe(true);
    const resources: Resource[] = [];
    for (const f of files) {
      const lines = readFileSync(join(out, f), 'utf8').split('\n').filter(Boolean);
      for (const line of lines) {
        const resource = JSON.parse(line) as Resource;
        expect(`${resource.resourceType}.ndjson`).toBe(f);
        resources.push(resource);
      }
    }
    expect(resources.filter((x) => x.resourceType === 'Patient')).toHaveLength(5);
    const keys = new Set(resources.map((x) => `${x.resourceType}/${x.id}`));
    expect(keys.size).toBe(resources.length);
    const refs = JSON.stringify(resources).match(/"reference":"[^"]+"/g) ?? [];
    const unresolved = refs.map((m) => m.slice(13, -1)).filter((ref) => !keys.has(ref) && ref !== 'Practitioner/dr-demo');
    expect(unresolved).toEqual([]);
  }, 60_000);

  it('refuses unknown options with a usage message', () => {
    const r = generate(['--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option --bogus/);
  }, 60_000);
});
