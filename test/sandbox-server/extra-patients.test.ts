// @vitest-environment node
/**
 * SANDBOX_EXTRA_PATIENTS: a folder of FHIR Bundles served besides the demo patients. A hand-made Synthea-shaped
 * transaction bundle (test/e2e/extra-patients: POST entries, urn:uuid fullUrls and references; a Patient, a Condition
 * and a MedicationRequest) is written to a temporary folder with two files that cannot be read, and the sandbox's
 * server code is started on it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../sandbox/demo-data';
import { readExtraPatients, withExtraPatients, type ExtraPatients } from '../../sandbox/extra-patients';
import { demoPatients } from '../../sandbox/patients';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { authorize, exchangeCode } from './oauth-client';
import { APP_URL, REDIRECT_URI, ehrLaunchTokens, fhirGet } from './harness';

const PATIENT = '5f1c2a9e-3b7d-4c1e-9a2f-0d6e8b4c7a11';
const CONDITION = '7a3e9c1b-2d4f-4b6a-8e0c-1f5d3a7b9c22';
const REQUEST = '9c5b1e3d-4f6a-4d8c-a2e1-3b7f5c9d1e33';
const FILE = 'Ada_Quigley_5f1c2a9e.json';
const BUNDLE_TEXT = readFileSync(new URL(`../e2e/extra-patients/${FILE}`, import.meta.url), 'utf8');

let folder: string;
let extra: ExtraPatients;
let sandbox: Sandbox;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'extra-patients-'));
  writeFileSync(join(folder, FILE), BUNDLE_TEXT);
  writeFileSync(join(folder, 'broken.json'), '{"resourceType": "Bundle", "entry": [');
  writeFileSync(join(folder, 'lone-patient.json'), JSON.stringify({ resourceType: 'Patient', id: 'lone' }));
  writeFileSync(join(folder, 'README.md'), 'not a bundle, and not a .json file');
  extra = readExtraPatients(folder);
  sandbox = await startSandbox({ port: 0, appUrl: APP_URL, data: withExtraPatients(loadDemoData(), extra) });
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('reading the folder', () => {
  it('takes the one patient of the readable bundle, named from its official name, summary "from <file name>"', () => {
    expect(extra.patients).toEqual([{ id: PATIENT, name: 'Ada Quigley', summary: `from ${FILE}` }]);
  });

  it('names each unreadable .json file in one line, in file order, and ignores other files', () => {
    expect(extra.problems).toHaveLength(2);
    expect(extra.problems[0]).toMatch(/^broken\.json: not loaded \(not valid JSON: .+\)$/);
    expect(extra.problems[1]).toBe('lone-patient.json: not loaded (not a FHIR Bundle)');
  });

  it('names a folder that cannot be read in one line and serves no extra patient', () => {
    const missing = join(folder, 'no-such-folder');
    const result = readExtraPatients(missing);
    expect(result.patients).toEqual([]);
    expect(result.bundles()).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read the folder \\(ENOENT`));
  });

  it('refuses a second file holding a patient already loaded', () => {
    const twice = mkdtempSync(join(tmpdir(), 'extra-patients-twice-'));
    try {
      writeFileSync(join(twice, 'a.json'), BUNDLE_TEXT);
      writeFileSync(join(twice, 'b.json'), BUNDLE_TEXT);
      const result = readExtraPatients(twice);
      expect(result.patients.map((p) => p.summary)).toEqual(['from a.json']);
      expect(result.problems).toEqual([`b.json: not loaded (Patient/${PATIENT} is already loaded from another file)`]);
    } finally {
      rmSync(twice, { recursive: true, force: true });
    }
  });
});

describe('serving the extra patient', () => {
  it('loads every bundle, the demo ones and the extra one, without a failure', () => {
    expect(sandbox.loadFailures).toEqual([]);
  });

  it('lists the extra patient on the EHR page after every demo patient', async () => {
    const html = await (await fetch(`${sandbox.origin}/ehr`)).text();
    const listed = [...html.matchAll(/data-patient-id="([^"]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual([...demoPatients.map((p) => p.id), PATIENT]);
    expect(html).toContain(`<strong>Ada Quigley</strong>`);
    expect(html).toContain(`<td class="muted">from ${FILE}</td>`);
  });

  it('serves the resources through an EHR launch with the urn:uuid references rewritten to the file\'s ids', async () => {
    const tokens = await ehrLaunchTokens(sandbox, PATIENT);
    expect(tokens.patient).toBe(PATIENT);
    const requests = await fhirGet(sandbox, `MedicationRequest?patient=${PATIENT}`, tokens.access_token);
    expect(requests.status).toBe(200);
    expect(requests.body.entry).toHaveLength(1);
    const request = requests.body.entry[0].resource;
    expect(request.id).toBe(REQUEST);
    expect(request.subject).toEqual({ reference: `Patient/${PATIENT}` });
    expect(request.reasonReference).toEqual([{ reference: `Condition/${CONDITION}` }]);
    expect(request.medicationCodeableConcept.coding[0].code).toBe('312940');

    const patient = await fhirGet(sandbox, request.subject.reference, tokens.access_token);
    expect(patient.status).toBe(200);
    expect(patient.body.name[0]).toEqual({ use: 'official', family: 'Quigley', given: ['Ada'], prefix: ['Mrs.'] });
    const condition = await fhirGet(sandbox, request.reasonReference[0].reference, tokens.access_token);
    expect(condition.status).toBe(200);
    expect(condition.body.code.coding[0]).toEqual({ system: 'http://snomed.info/sct', code: '370143000', display: 'Major depression disorder' });
    expect(condition.body.subject).toEqual({ reference: `Patient/${PATIENT}` });
  });

  it('offers the extra patient in the standalone picker and binds it when picked', async () => {
    let pickerHtml = '';
    const result = await authorize({
      origin: sandbox.origin, fhirBaseUrl: sandbox.fhirBaseUrl, redirectUri: REDIRECT_URI,
      scope: 'launch/patient openid fhirUser patient/Condition.read',
      onPage: (url, html) => {
        pickerHtml = html;
        return { action: `${new URL(url).pathname}/pick`, form: { patient: PATIENT } };
      },
    });
    expect(pickerHtml).toContain(`value="${PATIENT}"`);
    expect(pickerHtml).toContain(`from ${FILE}`);
    if (result.kind !== 'code') throw new Error(`standalone authorization failed: ${result.error}`);
    const token = await exchangeCode(sandbox.origin, REDIRECT_URI, result.code, result.verifier);
    expect(token.body.patient).toBe(PATIENT);
  });

  it('serves the extra patient again, with the same ids, after the data reloads', async () => {
    const reload = await fetch(`${sandbox.origin}/__reload`, { method: 'POST' });
    expect(await reload.json()).toEqual({ reloaded: true, failures: [] });
    const condition = await fetch(`${sandbox.origin}/__fhir/Condition/${CONDITION}`);
    expect(condition.status).toBe(200);
    expect((await condition.json()).subject).toEqual({ reference: `Patient/${PATIENT}` });
  });
});
