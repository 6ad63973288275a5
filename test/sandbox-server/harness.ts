/**
 * A sandbox on a free port with a tiny record of its own (two patients), for the sandbox's server tests, and a
 * helper that performs a real EHR launch (launch id, PKCE authorization, token exchange) to get tokens.
 */
import type { FhirResource } from 'fhir/r4';
import { putTransaction, startSandbox, type Sandbox } from '../../sandbox/server';
import { authorize, exchangeCode } from './oauth-client';

export const APP_URL = 'http://127.0.0.1:5999';
export const REDIRECT_URI = `${APP_URL}/index.html`;
export const OBSERVATION_COUNT = 120;

function tinyRecord(): FhirResource[] {
  const resources: FhirResource[] = [
    { resourceType: 'Practitioner', id: 'dr-demo', name: [{ family: 'Demo' }] },
    { resourceType: 'Patient', id: 'pat-a', name: [{ family: 'Alpha', given: ['Ann'] }] },
    { resourceType: 'Patient', id: 'pat-b', name: [{ family: 'Beta', given: ['Ben'] }] },
    { resourceType: 'Medication', id: 'med-1', code: { text: 'sertraline 50 MG Oral Tablet' } },
    { resourceType: 'Medication', id: 'med-2', code: { text: 'venlafaxine 75 MG' } },
    { resourceType: 'Medication', id: 'med-3', code: { text: 'bupropion 150 MG' } },
    {
      resourceType: 'MedicationRequest', id: 'mr-a', status: 'active', intent: 'order',
      subject: { reference: 'Patient/pat-a' }, medicationReference: { reference: 'Medication/med-1' },
    },
    {
      resourceType: 'MedicationRequest', id: 'mr-b', status: 'active', intent: 'order',
      subject: { reference: 'Patient/pat-b' }, medicationReference: { reference: 'Medication/med-2' },
    },
    {
      resourceType: 'Condition', id: 'cond-a', subject: { reference: 'Patient/pat-a' },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F33.2' }] },
    },
  ];
  for (let i = 0; i < OBSERVATION_COUNT; i++) {
    resources.push({
      resourceType: 'Observation', id: `phq9-a-${i}`, status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      subject: { reference: 'Patient/pat-a' },
      effectiveDateTime: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
      valueQuantity: { value: i % 27 },
    });
  }
  resources.push({
    resourceType: 'Observation', id: 'phq9-b-0', status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
    subject: { reference: 'Patient/pat-b' }, valueQuantity: { value: 12 },
  });
  return resources;
}

export async function startTestSandbox(options: { tokenTtlSeconds?: number; tokenClock?: () => Date } = {}): Promise<Sandbox> {
  return startSandbox({
    port: 0,
    appUrl: APP_URL,
    data: {
      patients: [
        { id: 'pat-a', name: 'Ann Alpha', summary: 'MDD <b>with markup</b> in the summary' },
        { id: 'pat-b', name: 'Ben Beta', summary: 'second patient' },
      ],
      bundles: () => [putTransaction(tinyRecord())],
    },
    ...(options.tokenTtlSeconds ? { tokenTtlSeconds: options.tokenTtlSeconds } : {}),
    ...(options.tokenClock ? { tokenClock: options.tokenClock } : {}),
  });
}

export const READ_SCOPES_V1 = 'launch openid fhirUser offline_access patient/Patient.read patient/MedicationRequest.read ' +
  'patient/Medication.read patient/Condition.read patient/Observation.read patient/CarePlan.read patient/CarePlan.write';

/** EHR launch for a patient: mints a launch id on the EHR page, authorizes with PKCE, exchanges the code. */
export async function ehrLaunchTokens(sandbox: Sandbox, patient: string, scope = READ_SCOPES_V1, banner = true) {
  const launchResponse = await fetch(`${sandbox.origin}/ehr/launch?patient=${patient}&need_patient_banner=${banner}`, { redirect: 'manual' });
  const launchUrl = new URL(launchResponse.headers.get('location') ?? '');
  const launch = launchUrl.searchParams.get('launch') ?? '';
  const result = await authorize({ origin: sandbox.origin, fhirBaseUrl: sandbox.fhirBaseUrl, redirectUri: REDIRECT_URI, scope, launch });
  if (result.kind !== 'code') throw new Error(`authorization failed: ${result.error} ${result.description}`);
  const token = await exchangeCode(sandbox.origin, REDIRECT_URI, result.code, result.verifier);
  if (token.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(token.body)}`);
  return token.body as { access_token: string; refresh_token?: string; id_token: string; scope: string; patient: string;
    need_patient_banner: boolean; smart_style_url: string; expires_in: number };
}

export async function fhirGet(sandbox: Sandbox, path: string, token?: string, init: RequestInit = {}) {
  const url = path.startsWith('http') ? path : `${sandbox.fhirBaseUrl}/${path}`;
  const response = await fetch(url, {
    ...init,
    headers: { accept: 'application/fhir+json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body: body as Record<string, any>, text };
}
