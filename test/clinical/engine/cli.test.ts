/**
 * `npm run derive` (scripts/population/cli.ts) on a small Bundle and on an NDJSON folder written to a temp dir, including a
 * patient whose data breaks the engine (it gets its own error document and the others go on).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRealisticPatientResources } from '../../../sandbox/patients/realistic';
import { mdd, patient, phq9, statement, weeksAfter } from './builders';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'derive-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function deriveOutput(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/population/cli.ts', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
}

function runDerive(args: string[]): unknown {
  return JSON.parse(deriveOutput(args));
}

function recordFor(pid: string) {
  const s1 = '2025-01-01';
  return [
    { ...patient(), id: pid },
    { ...mdd('2024-11-01'), subject: { reference: `Patient/${pid}` } },
    { ...statement('sertraline', 100, s1, weeksAfter(s1, 10)), subject: { reference: `Patient/${pid}` } },
    { ...phq9('2024-12-28', 22), subject: { reference: `Patient/${pid}` } },
  ];
}

describe('derive CLI', () => {
  it('a Bundle with one patient prints one document', () => {
    const file = join(dir, 'one.json');
    writeFileSync(file, JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: recordFor('p1').map((resource) => ({ resource })) }));
    const doc = runDerive([file, '--as-of', '2026-01-01']) as { patient: string; trials: { ingredient: string }[]; unused: unknown[] };
    expect(doc.patient).toBe('p1');
    expect(doc.trials[0]?.ingredient).toBe('sertraline');
    expect(Array.isArray(doc.unused)).toBe(true);
  });

  it('a folder of Bundle files, one patient each with urn:uuid references, prints one array of their documents in file order', () => {
    const folder = join(dir, 'bundles');
    execFileSync('mkdir', ['-p', folder]);
    for (const pid of ['b2', 'b1']) {
      const entry = recordFor(pid).map((resource) => ({ fullUrl: `urn:uuid:${pid}-${resource.resourceType}`, resource }));
      // Synthea writes subject references as the patient entry's urn:uuid.
      for (const e of entry) if ('subject' in e.resource) (e.resource as { subject: { reference: string } }).subject.reference = `urn:uuid:${pid}-Patient`;
      writeFileSync(join(folder, `${pid}.json`), JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry }));
    }
    const docs = runDerive([folder, '--as-of', '2026-01-01']) as { patient: string; trials: { ingredient: string }[] }[];
    expect(docs.map((d) => [d.patient, d.trials.map((t) => t.ingredient)])).toEqual([
      ['b1', ['sertraline']],
      ['b2', ['sertraline']],
    ]);
  });

  it('an NDJSON folder with several patients prints an array; a shared Medication is attached where referenced', () => {
    const nd = join(dir, 'bulk');
    execFileSync('mkdir', ['-p', nd]);
    const all = [...recordFor('a'), ...recordFor('b')];
    const req = {
      resourceType: 'MedicationRequest',
      id: 'mr-b',
      status: 'completed',
      intent: 'order',
      subject: { reference: 'Patient/b' },
      authoredOn: '2025-04-01',
      medicationReference: { reference: 'Medication/med-venla' },
      dosageInstruction: [{ text: '150 mg daily', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 150, unit: 'mg' } }] }],
      dispenseRequest: { expectedSupplyDuration: { value: 90, unit: 'd' } },
    };
    const byType = new Map<string, unknown[]>();
    for (const r of [...all, req, { resourceType: 'Medication', id: 'med-venla', code: { text: 'venlafaxine 150 MG' } }]) {
      const t = (r as { resourceType: string }).resourceType;
      byType.set(t, [...(byType.get(t) ?? []), r]);
    }
    for (const [t, list] of byType) writeFileSync(join(nd, `${t}.ndjson`), list.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const docs = runDerive([nd, '--as-of', '2026-01-01']) as { patient: string; trials: { ingredient: string }[]; used: { reference: string }[] }[];
    expect(docs.map((d) => d.patient).sort()).toEqual(['a', 'b']);
    const b = docs.find((d) => d.patient === 'b')!;
    expect(b.trials.map((t) => t.ingredient).sort()).toEqual(['sertraline', 'venlafaxine']);
    expect(b.used.some((u) => u.reference === 'Medication/med-venla')).toBe(true);
    const a = docs.find((d) => d.patient === 'a')!;
    expect(a.used.some((u) => u.reference === 'Medication/med-venla')).toBe(false);
  });

  it('malformed lines and absurd values in one patient do not stop the others', () => {
    const nd = join(dir, 'broken');
    execFileSync('mkdir', ['-p', nd]);
    writeFileSync(join(nd, 'Patient.ndjson'), [JSON.stringify({ resourceType: 'Patient', id: 'ok' }), JSON.stringify({ resourceType: 'Patient', id: 'x' })].join('\n'));
    writeFileSync(
      join(nd, 'MedicationStatement.ndjson'),
      [
        JSON.stringify({ ...statement('sertraline', 100, '2025-01-01', null), subject: { reference: 'Patient/ok' } }),
        'this is not json {',
        JSON.stringify({ resourceType: 'MedicationStatement', id: 'bad', subject: { reference: 'Patient/x' }, medicationCodeableConcept: { text: 'sertraline' }, effectiveDateTime: '2025-01-01', dosage: [{ doseAndRate: [{ doseQuantity: { value: 1e308 } }] }] }),
      ].join('\n'),
    );
    const docs = runDerive([nd, '--as-of', '2026-01-01']) as { patient: string; error?: string; trials?: unknown[] }[];
    expect(docs.map((d) => d.patient).sort()).toEqual(['ok', 'x']);
    expect(docs.find((d) => d.patient === 'ok')?.trials).toHaveLength(1);
  });

  it('on worker threads writes the same bytes as on one thread, files cut into many ranges, odd lines included', () => {
    const nd = join(dir, 'workers');
    execFileSync('mkdir', ['-p', nd]);
    const today = new Date('2026-11-22T08:00:00Z');
    const byType = new Map<string, string[]>();
    for (let i = 0; i < 12; i++) {
      for (const r of generateRealisticPatientResources({ id: `w${i}`, today, seed: 300 + i, years: 4 + i, ...(i % 3 === 0 ? { story: 'mdd' as const } : {}) })) {
        byType.set(r.resourceType, [...(byType.get(r.resourceType) ?? []), JSON.stringify(r)]);
      }
    }
    // Interleaved patients (not grouped), a malformed line inside a patient's run, a blank line, a Medication.
    const statements = [...recordFor('a'), ...recordFor('b')].filter((r) => r.resourceType === 'MedicationStatement').map((r) => JSON.stringify(r));
    byType.set('MedicationStatement', [statements[0]!, statements[1]!, '{"resourceType":"MedicationStatement", broken', '', ...statements.slice(2)]);
    byType.set('Medication', [JSON.stringify({ resourceType: 'Medication', id: 'med-x', code: { text: 'venlafaxine 150 MG' } })]);
    for (const [type, lines] of byType) {
      // One file with Windows line ends.
      const end = type === 'Observation' ? '\r\n' : '\n';
      writeFileSync(join(nd, `${type}.ndjson`), lines.join(end) + end);
    }
    const args = [nd, '--as-of', '2026-11-22'];
    const one = deriveOutput([...args, '--workers', '1']);
    const docs = JSON.parse(one) as Array<{ patient: string; used: unknown[]; unused: unknown[] }>;
    expect(docs).toHaveLength(14);
    // Order of the documents: patients in the order their first line appears, files taken by name.
    const firstSeen: string[] = [];
    for (const type of [...byType.keys()].sort()) {
      for (const line of byType.get(type)!) {
        const id = /"(?:subject|patient)":\{"reference":"Patient\/([^"]+)"/.exec(line)?.[1] ?? (/^\{"resourceType":"Patient","id":"([^"]+)"/.exec(line)?.[1] ?? null);
        if (id && !firstSeen.includes(id)) firstSeen.push(id);
      }
    }
    expect(docs.map((d) => d.patient)).toEqual(firstSeen);
    // Every file cut into ranges of 2 kB (tens of ranges, many cutting a patient's run), then whole files.
    expect(deriveOutput([...args, '--workers', '3'], { DERIVE_INDEX_RANGE_BYTES: '2048' })).toBe(one);
    expect(deriveOutput([...args, '--workers', '2'])).toBe(one);
  }, 60_000);

  it('refuses a worker count that is not a whole number from 1 to 64', () => {
    expect(() => deriveOutput([dir, '--workers', '0'])).toThrow(/--workers needs a whole number/);
  });
});
