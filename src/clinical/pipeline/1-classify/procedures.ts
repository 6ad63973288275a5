/** Procedures (interventional treatments, psychotherapy, mental-health screenings) and implanted devices. */
import type { Device, Procedure } from 'fhir/r4';
import type { Ledger } from '../../accounting';
import { type Day, isoDate, toDay } from '../../dates';
import { psychotherapyFromProcedure } from '../9-history';
import { classifyDevice } from '../../terminology';
import { conceptTextAsRecorded } from '../../terminology/systems';
import type { Classified } from './classified';
import type { Memo } from './memo';
import { isConcept, obj, str } from './typed-fields';

export function classifyProcedureResource(ledger: Ledger, ref: string, p: Procedure, asOf: Day, memo: Memo, out: Classified): void {
  const status = str(p.status);
  if (status === 'not-done' || status === 'preparation') {
    ledger.unused(ref, `procedure ${status}`);
    return;
  }
  const code = isConcept(p.code) ? p.code : undefined;
  const { kind, screening, notUsedReason } = memo.procedureCode(code);
  const period = obj(p.performedPeriod);
  const start = toDay(p.performedDateTime) ?? toDay(period?.start);
  if (!kind && screening && start !== null && start <= asOf) {
    out.history.screenings.push({ day: start, source: ref, display: conceptTextAsRecorded(p.code) });
    ledger.use(ref, `${conceptTextAsRecorded(p.code) || 'mental-health screening'} (score checked in the data notes)`);
    return;
  }
  if (!kind) {
    ledger.unused(ref, notUsedReason);
    return;
  }
  if (start === null) {
    ledger.unused(ref, 'no date');
    return;
  }
  if (start > asOf) {
    ledger.unused(ref, `dated in the future (${isoDate(start)})`);
    return;
  }
  let end = toDay(period?.end);
  if (end !== null && end < start) end = null;
  out.procedures.push({
    kind,
    display: conceptTextAsRecorded(p.code) || kind,
    start: isoDate(start),
    end: end === null ? null : isoDate(Math.min(end, asOf)),
    source: ref,
    ...(isConcept(p.outcome) && conceptTextAsRecorded(p.outcome) ? { outcome: conceptTextAsRecorded(p.outcome) } : {}),
  });
  if (kind === 'psychotherapy') psychotherapyFromProcedure(isConcept(p.code) ? p.code : undefined, start, end === null ? null : Math.min(end, asOf), ref, out.history);
  ledger.use(ref, `procedure ${kind}`);
}

export function classifyDeviceResource(ledger: Ledger, ref: string, d: Device, out: Classified): void {
  const kind = classifyDevice(d);
  if (!kind) {
    ledger.unused(ref, 'device not relevant to the assessment (not a head implant, stimulator, pacemaker or defibrillator)');
    return;
  }
  const type = isConcept(d.type) ? d.type : undefined;
  const coding = type?.coding?.find((c) => c && typeof c.code === 'string');
  const names = Array.isArray(d.deviceName) ? d.deviceName.map((n) => n?.name).filter((n): n is string => typeof n === 'string') : [];
  out.diagnoses.push({
    kind,
    code: coding?.code ?? '',
    system: coding?.system ?? '',
    display: conceptTextAsRecorded(type) || names[0] || 'implanted device',
    onset: null,
    abatement: null,
    clinicalStatus: str(d.status),
    source: ref,
  });
  ledger.use(ref, `device: ${kind}`);
}
