import type { CarePlan, ServiceRequest } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { carePlanAsJson, carePlanAsText, CAREPLAN_IDENTIFIER_SYSTEM } from '../../../src/fhir/writeback/build';
import { missingWriteScopes, writeCapability } from '../../../src/fhir/writeback/scopes';
import { chosen, draft } from './fixture';

describe('buildWriteBack', () => {
  const d = draft();

  it('builds a draft CarePlan proposal for the patient, authored by the launching user', () => {
    const plan = d.carePlan;
    expect(plan.status).toBe('draft');
    expect(plan.intent).toBe('proposal');
    expect(plan.subject).toEqual({ reference: 'Patient/trd-two-failures' });
    expect(plan.author).toEqual({ reference: 'Practitioner/dr-demo' });
    expect(plan.addresses).toEqual([{ reference: 'Condition/mdd-1' }]);
    expect(plan.supportingInfo?.map((r) => r.reference).sort()).toEqual(['MedicationRequest/c1', 'MedicationRequest/s1', 'MedicationRequest/v1', 'MedicationStatement/s2']);
    expect(plan.identifier).toEqual([d.identifier]);
    expect(plan.note?.map((n) => n.text).join('\n')).toMatch(/Clinician's note: Discussed with the patient; prefers ECT\./);
  });

  it('one activity per option: a referral (reference to its ServiceRequest) or a detail with text and reasons', () => {
    const [ect, dose] = d.carePlan.activity ?? [];
    // cpl-3: reference or detail, never both.
    expect(ect?.detail).toBeUndefined();
    const ectEntry = d.bundle.entry?.find((e) => e.fullUrl === ect?.reference?.reference);
    expect(ectEntry?.resource?.resourceType).toBe('ServiceRequest');
    expect(dose?.reference).toBeUndefined();
    expect(dose?.detail?.code).toEqual({ text: 'Dose and duration optimisation' });
    expect(dose?.detail?.status).toBe('not-started');
    expect(dose?.detail?.reasonCode?.map((r) => r.text).join('\n')).toMatch(/below the 20 mg minimum$/m);
    expect(JSON.stringify(d.carePlan.activity)).not.toMatch(/MedicationRequest\/c1/);
  });

  it('writes a referral to psychiatry service (SNOMED 183524004 [V]) naming the option, as a draft proposal', () => {
    expect(d.serviceRequests).toHaveLength(1);
    const sr = d.serviceRequests[0] as ServiceRequest;
    expect(sr.status).toBe('draft');
    expect(sr.intent).toBe('proposal');
    expect(sr.code?.coding?.[0]).toMatchObject({ system: 'http://snomed.info/sct', code: '183524004' });
    expect(sr.orderDetail?.[0]?.text).toBe('Electroconvulsive therapy (ECT)');
    // ECT's SNOMED code is unverified: text only.
    expect(sr.orderDetail?.[0]?.coding).toBeUndefined();
    expect(sr.requester).toEqual({ reference: 'Practitioner/dr-demo' });
    expect(sr.reasonReference).toEqual([{ reference: 'Condition/mdd-1' }]);
    expect(sr.note?.map((n) => n.text).join('\n')).toMatch(/Failed adequate trials: sertraline 100 mg\/day/);
  });

  it('uses the verified VNS SNOMED code (445319001) in orderDetail', () => {
    const vns = draft({ chosen: chosen(['tms']).map((s) => ({ ...s, intervention: 'vns' as const })) });
    expect(vns.serviceRequests[0]?.orderDetail?.[0]?.coding?.[0]?.code).toBe('445319001');
  });

  it('a Provenance names the user and the app as agents and every written resource as target', () => {
    const p = d.provenance;
    const urls = (d.bundle.entry ?? []).filter((e) => e.resource?.resourceType !== 'Provenance').map((e) => e.fullUrl);
    expect(p.target.map((t) => t.reference).sort()).toEqual([...urls].sort());
    expect(p.agent.map((a) => a.who)).toEqual([{ reference: 'Practitioner/dr-demo' }, { display: 'TRD timeline 0.1.0' }]);
    expect(p.recorded).toBe('2026-11-22T10:00:00Z');
  });

  it('a transaction bundle with urn:uuid fullUrls and ifNoneExist on the stable identifiers', () => {
    expect(d.bundle.type).toBe('transaction');
    for (const entry of d.bundle.entry ?? []) {
      expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(entry.request?.method).toBe('POST');
      expect(entry.request?.ifNoneExist).toMatch(/^(identifier|_tag)=urn/);
    }
    const planEntry = d.bundle.entry?.find((e) => e.resource?.resourceType === 'CarePlan');
    expect(decodeURIComponent(planEntry?.request?.ifNoneExist ?? '')).toBe(`identifier=${CAREPLAN_IDENTIFIER_SYSTEM}|${d.identifier.value}`);
    expect((planEntry?.resource as CarePlan).activity?.[0]?.reference?.reference).toMatch(/^urn:uuid:/);
  });

  it('the identifier is stable for (patient, options, date): a rebuild, another order or another note gives the same plan', () => {
    expect(draft().identifier).toEqual(d.identifier);
    expect(draft({ chosen: chosen(['dose-optimization', 'ect']), note: 'other' }).identifier).toEqual(d.identifier);
    expect(draft({ date: '2026-11-23' }).identifier).not.toEqual(d.identifier);
    expect(draft({ chosen: chosen(['ect']) }).identifier).not.toEqual(d.identifier);
    expect(draft({ patientId: 'other' }).identifier).not.toEqual(d.identifier);
    expect(JSON.stringify(draft().bundle)).toBe(JSON.stringify(d.bundle));
  });

  it('without a known user: no author or requester, the app is the only agent, the preview says so', () => {
    const anonymous = draft({ userReference: null });
    expect(anonymous.carePlan.author).toBeUndefined();
    expect(anonymous.serviceRequests[0]?.requester).toBeUndefined();
    expect(anonymous.provenance.agent).toHaveLength(1);
    expect(anonymous.preview[0]).toMatch(/author is unknown/);
  });

  it('previews in plain words what will be written', () => {
    const text = d.preview.join('\n');
    expect(text).toMatch(/draft care plan .* dated 2026-11-22/);
    expect(text).toMatch(/Proposes Electroconvulsive therapy \(ECT\): a draft referral to the ECT service, priority (routine|urgent)/);
    expect(text).toMatch(/Proposes Dose and duration optimisation as a care-plan activity \(no referral\)/);
    expect(text).toMatch(/Your note: "Discussed with the patient; prefers ECT\."/);
    expect(text).toMatch(/provenance record/);
    expect(text).not.toMatch(/Practitioner\/|Condition\/|\(s\)/);
  });

  it('records the clinician’s reason when an option is proposed against its status', () => {
    const overridden = draft({ overrideReasons: { ect: 'Patient request after informed discussion' } });
    expect(overridden.preview.join('\n')).toMatch(/Patient request after informed discussion/);
    expect(overridden.serviceRequests[0]?.note?.map((n) => n.text).join('\n')).toMatch(/reason given by the clinician: “Patient request after informed discussion”/);
  });

  it('copy-as-text and download-as-JSON', () => {
    const text = carePlanAsText(d);
    expect(text).toMatch(/Referral to ECT service: Electroconvulsive therapy \(ECT\) \(draft referral, priority (routine|urgent)\)/);
    expect(text).toMatch(/Reason: .*sertraline/);
    expect(text).toMatch(/Dose and duration optimisation/);
    expect(JSON.parse(carePlanAsJson(d))).toEqual(d.bundle);
  });
});

describe('write scopes (SMART v1 and v2)', () => {
  it.each([
    [['patient/CarePlan.write', 'patient/ServiceRequest.write', 'patient/Provenance.write'], true],
    [['patient/*.write'], true],
    [['user/*.*'], true],
    [['patient/CarePlan.c', 'patient/ServiceRequest.cu', 'patient/Provenance.cruds'], true],
    [['patient/*.c?category=x'], true],
    [['patient/*.read', 'patient/*.rs'], false],
    [['patient/CarePlan.write', 'patient/ServiceRequest.write'], false],
    [[], false],
  ])('%j -> canWrite %s', (scopes, expected) => {
    expect(writeCapability(scopes).canWrite).toBe(expected);
  });

  it('says which permission is missing and offers copy/download', () => {
    expect(missingWriteScopes(['patient/CarePlan.write'])).toEqual(['ServiceRequest', 'Provenance']);
    expect(writeCapability(['patient/*.rs']).reasonIfNot).toMatch(/CarePlan, ServiceRequest, Provenance.*Copy it as text.*download/);
  });
});

describe('referrals: receiving service, priority, note and the plan narrative', () => {
  it('sends each referral to its default service at the engine\'s referral priority (routine, or urgent)', () => {
    const [ect] = chosen(['ect']);
    const routine = draft({ chosen: [{ ...ect!, urgent: false, referralPriority: 'routine', priorityReasons: [] }] }).serviceRequests[0]!;
    expect(routine.performerType).toEqual({ text: 'ECT service' });
    expect(routine.priority).toBe('routine');
    expect(routine.code?.text).toBe('Referral to ECT service: Electroconvulsive therapy (ECT)');
    // The referral procedure keeps its verified SNOMED CT code (VSAC Referral for Adult Depression).
    expect(routine.code?.coding?.[0]).toEqual({ system: 'http://snomed.info/sct', code: '183524004', display: 'Referral to psychiatry service' });
    expect(draft({ chosen: [{ ...ect!, urgent: false, referralPriority: 'urgent', priorityReasons: [{ text: 'C-SSRS 5', sources: [] }] }] }).serviceRequests[0]!.priority).toBe('urgent');
  });

  it('writes the clinician’s service, priority and note for the referral, and shows them in the preview', () => {
    const d = draft({ referrals: { ect: { serviceId: 'psychiatry-service', priority: 'asap', note: 'Please see within the week' } } });
    const sr = d.serviceRequests[0]!;
    expect(sr.performerType).toEqual({ text: 'Psychiatry service' });
    expect(sr.priority).toBe('asap');
    expect(sr.note?.map((n) => n.text)).toContain('Referral note: Please see within the week');
    expect(d.preview.join('\n')).toMatch(/a draft referral to the Psychiatry service, priority asap, with your note "Please see within the week"/);
  });

  it('gives the CarePlan a narrative of what was proposed and why, as escaped XHTML paragraphs', () => {
    const d = draft({ note: 'Discussed <b>today</b>' });
    expect(d.carePlan.text?.status).toBe('generated');
    const doc = new DOMParser().parseFromString(d.carePlan.text!.div, 'application/xhtml+xml');
    const paragraphs = Array.from(doc.getElementsByTagName('p')).map((p) => p.textContent ?? '');
    expect(paragraphs[0]).toMatch(/^Draft care plan of 2026-11-22: options proposed for review, not orders\.$/);
    expect(paragraphs.some((p) => /^Electroconvulsive therapy \(ECT\): referral to ECT service \((routine|urgent)\)\.$/.test(p))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('Reason: '))).toBe(true);
    expect(paragraphs).toContain("Clinician's note: Discussed <b>today</b>");
    expect(doc.getElementsByTagName('b')).toHaveLength(0);
  });

  it('writes nothing internal to the chart: no research-note citations, no resource ids in prose, no rule ids', () => {
    const [ect] = chosen(['ect']);
    const d = draft({
      chosen: [{ ...ect!, reasons: [{ text: 'Rule: ECT fits catatonia. [verified]', sources: ['Condition/x'] }, { text: 'PHQ-9 22 (Observation/phq-1) on 2026-11-01', sources: ['Observation/phq-1'] }] }],
    });
    const prose = [
      ...d.serviceRequests.flatMap((sr) => [sr.code?.text, ...(sr.note ?? []).map((n) => n.text)]),
      ...(d.carePlan.note ?? []).map((n) => n.text),
      d.carePlan.text?.div,
      d.carePlan.description,
      ...d.preview,
    ].join('\n');
    expect(prose).not.toMatch(/FACTS\.md|\[verified\]|Observation\/|Condition\/|suggest\.|\.ts\b/);
    expect(prose).toMatch(/Rule: ECT fits catatonia\./);
  });
});
