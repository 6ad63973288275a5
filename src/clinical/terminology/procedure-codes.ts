/**
 * Procedures (ECT, TMS, esketamine and ketamine sessions, VNS, DBS, psychotherapy) and implanted devices.
 * SNOMED CT codes for ECT, rTMS and ketamine infusion are not confirmed in a primary source: they are matched by text and
 * by the project's local code systems; only VNS insertion (445319001) is a verified SNOMED code. CPT codes are widely
 * used but unverified here ('U'); the HCPCS esketamine codes cite the CMS rule that created them.
 */
import type { CodeableConcept, Device } from 'fhir/r4';
import type { ComorbidityKey, ProcedureKind, RuleRef } from '../types';
import { rule } from './medication-rules';
import { SRC } from './sources';
import { codingsOf, systemKeyOf, unknownSystemsOf } from './systems';

const R = {
  vns: rule('procedure.snomed.vns-insertion', 'SNOMED CT 445319001 Insertion of vagal nerve stimulator is a VNS procedure.', SRC.vnsProcedure, 'V'),
  cptEct: rule('procedure.cpt.ect', 'CPT 90870 is electroconvulsive therapy.', SRC.cptUnverified, 'U'),
  cptTms: rule('procedure.cpt.tms', 'CPT 90867-90869 are therapeutic repetitive TMS treatment (mapping, delivery).', SRC.cptUnverified, 'U'),
  hcpcsEsketamine: rule(
    'procedure.hcpcs.esketamine',
    'HCPCS G2082 (up to 56 mg) and G2083 (more than 56 mg) are esketamine sessions: nasal esketamine self-administered under supervision, with 2 hours of observation.',
    "HCPCS Level II codes created by CMS's CY 2020 physician fee schedule rule (interim final rule on coding for self-administered esketamine); the codes' descriptors read in payers' published code lists",
    'S',
    ['cmsPfs2020'],
  ),
  cptPsychotherapy: rule('procedure.cpt.psychotherapy', 'CPT 90832/90834/90837 (and add-ons 90833/90836/90838) are psychotherapy.', SRC.cptUnverified, 'U'),
  local: rule('procedure.local', 'A code of the local procedure code system names the procedure kind.', SRC.procedureUnverified, 'U'),
  text: rule('procedure.text', 'A procedure named in the text (ECT, rTMS/iTBS/deep TMS, esketamine, ketamine, VNS, DBS, psychotherapy) identifies its kind.', SRC.procedureUnverified, 'U'),
  cardiacDevice: rule('device.cardiac', 'A cardiac pacemaker, implantable cardioverter-defibrillator or intracardiac lead is an intracardiac device (listed among TMS contraindications and cautions).', SRC.tmsImplants, 'S'),
  device: rule('device.head-implant', 'A cochlear implant, deep-brain or vagus nerve stimulator, or aneurysm clip/coil is an implant in or near the head (TMS contraindication).', SRC.tmsImplants, 'S'),
} as const;

const CPT: Record<string, { kind: ProcedureKind; rule: RuleRef }> = {
  '90870': { kind: 'ect', rule: R.cptEct },
  '90867': { kind: 'tms', rule: R.cptTms },
  '90868': { kind: 'tms', rule: R.cptTms },
  '90869': { kind: 'tms', rule: R.cptTms },
  '90832': { kind: 'psychotherapy', rule: R.cptPsychotherapy },
  '90833': { kind: 'psychotherapy', rule: R.cptPsychotherapy },
  '90834': { kind: 'psychotherapy', rule: R.cptPsychotherapy },
  '90836': { kind: 'psychotherapy', rule: R.cptPsychotherapy },
  '90837': { kind: 'psychotherapy', rule: R.cptPsychotherapy },
  '90838': { kind: 'psychotherapy', rule: R.cptPsychotherapy },
};
const HCPCS: Record<string, { kind: ProcedureKind; rule: RuleRef }> = {
  G2082: { kind: 'esketamine', rule: R.hcpcsEsketamine },
  G2083: { kind: 'esketamine', rule: R.hcpcsEsketamine },
};

/** Local procedure codes are the ProcedureKind names, plus TMS variants. */
const LOCAL: Record<string, ProcedureKind> = {
  ect: 'ect', tms: 'tms', rtms: 'tms', itbs: 'tms', 'deep-tms': 'tms', 'accelerated-tms': 'tms', esketamine: 'esketamine',
  ketamine: 'ketamine', 'iv-ketamine': 'ketamine', vns: 'vns', dbs: 'dbs', psychotherapy: 'psychotherapy',
};

/** Text patterns, specific first ("esketamine" before "ketamine"; removal of a stimulator is not the treatment). */
const TEXT: Array<[RegExp, ProcedureKind | null]> = [
  [/remov(al|e) of (vag|deep)|explant/i, null],
  [/electroconvulsive|\bect\b|electroshock/i, 'ect'],
  [/transcranial magnetic|\b(r|d)?tms\b|\bitbs\b|theta[- ]burst|\bsaint\b|stanford neuromodulation/i, 'tms'],
  [/esketamine|spravato/i, 'esketamine'],
  [/ketamine/i, 'ketamine'],
  [/vag(us|al) nerve stimulat|\bvns\b/i, 'vns'],
  [/deep brain stimulat|\bdbs\b/i, 'dbs'],
  [/psychotherapy|cognitive[- ]behavio|\bcbt\b|\bemdr\b|prolonged exposure|cognitive processing therapy|exposure and response prevention|\berp\b|interpersonal therapy|behavioral activation|behavioural activation|\bdbt\b/i, 'psychotherapy'],
];

/** Procedure kind with the rule used, or null when the procedure is not one the app tracks. */
export function classifyProcedureWithRule(code: CodeableConcept | undefined): { kind: ProcedureKind; rule: RuleRef } | null {
  const codings = codingsOf(code);
  for (const c of codings) {
    const key = systemKeyOf(c.system);
    const cd = c.code!.trim();
    if (key === 'snomed' && cd === '445319001') return { kind: 'vns', rule: R.vns };
    // HCPCS Level I is CPT: a record coded in the retired all-levels HCPCS system may carry a CPT code.
    if ((key === 'cpt' || key === 'hcpcs') && CPT[cd]) return CPT[cd];
    if (key === 'hcpcs' && HCPCS[cd.toUpperCase()]) return HCPCS[cd.toUpperCase()]!;
    if (key === 'local-procedures' && LOCAL[cd.toLowerCase()]) return { kind: LOCAL[cd.toLowerCase()]!, rule: R.local };
  }
  if (codings.length > 0 && unknownSystemsOf(code).length === codings.length) return null;
  const text = [code?.text, ...codings.map((c) => c.display)].filter((t): t is string => typeof t === 'string').join(' | ');
  for (const [re, kind] of TEXT) {
    if (re.test(text)) return kind ? { kind, rule: R.text } : null;
  }
  return null;
}

/** ProcedureKind of a Procedure.code, or null. */
export function classifyProcedure(code: CodeableConcept | undefined): ProcedureKind | null {
  return classifyProcedureWithRule(code)?.kind ?? null;
}

/**
 * Devices the suggestions weigh (TMS device labels, IFCN guidelines), in order of precedence: implants in or near the head, then
 * intracardiac devices. Each row: its local codes and the names that identify it.
 */
const DEVICE_KINDS: ReadonlyArray<{ kind: ComorbidityKey; rule: RuleRef; localCodes: ReadonlySet<string>; names: RegExp }> = [
  {
    kind: 'head-implant',
    rule: R.device,
    localCodes: new Set(['cochlear-implant', 'deep-brain-stimulator', 'vagus-nerve-stimulator', 'aneurysm-clip']),
    names: /cochlear|deep brain stimulat|\bdbs\b|vag(us|al) nerve stimulat|\bvns\b|neurostimulator|aneurysm (clip|coil)|intracranial (clip|coil|stent)|auditory brainstem implant/i,
  },
  {
    kind: 'cardiac-device',
    rule: R.cardiacDevice,
    localCodes: new Set(['pacemaker', 'cardiac-pacemaker', 'implantable-cardioverter-defibrillator', 'icd']),
    names: /pacemaker|pacing (lead|system)|cardioverter|defibrillator|\bcrt-?d\b|intracardiac (lead|electrode|line)/i,
  },
];

/**
 * 'head-implant' for an implant in or near the head, 'cardiac-device' for a pacemaker, ICD or intracardiac lead, with
 * the rule; null otherwise. A code decides before a name; within each, the rows' order decides.
 */
function classifyDeviceWithRule(device: Device): { kind: ComorbidityKey; rule: RuleRef; display: string } | null {
  if (!device || typeof device !== 'object') return null;
  const names = [
    ...(Array.isArray(device.deviceName) ? device.deviceName.map((n) => n?.name) : []),
    device.type?.text,
    ...codingsOf(device.type).map((c) => c.display),
  ].filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  const localCodes = codingsOf(device.type)
    .filter((c) => systemKeyOf(c.system) === 'local-devices')
    .map((c) => c.code!.toLowerCase());
  for (const row of DEVICE_KINDS) {
    const code = localCodes.find((c) => row.localCodes.has(c));
    if (code) return { kind: row.kind, rule: row.rule, display: names[0] ?? code };
  }
  for (const row of DEVICE_KINDS) {
    const name = names.find((n) => row.names.test(n));
    if (name) return { kind: row.kind, rule: row.rule, display: name };
  }
  return null;
}

/** ComorbidityKey of a Device ('head-implant' or 'cardiac-device'), or null. */
export function classifyDevice(device: Device): ComorbidityKey | null {
  return classifyDeviceWithRule(device)?.kind ?? null;
}

export const PROCEDURE_RULES: RuleRef[] = Object.values(R);
