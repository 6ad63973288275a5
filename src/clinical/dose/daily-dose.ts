/**
 * Daily dose from FHIR Dosage lines (MedicationStatement.dosage, MedicationRequest.dosageInstruction,
 * MedicationDispense.dosageInstruction), the product strength and plain dosage text.
 *
 * Choices (each also a RuleRef in terminology/medication-rules.ts, DOSE_RULES):
 * - doseRange counts at its LOW end (conservative: adequacy is never granted on a dose that may not have been taken);
 * - a dose with no frequency anywhere is assumed once daily and the basis says so;
 * - dosage lines are parts of one day and are summed ("50 mg in the morning, 100 mg at bedtime"), even when numbered
 *   1 and 2; only when lines have different sequence numbers AND a time bound (timing.repeat.bounds*, or "then" /
 *   "for 2 weeks" in their text) are they consecutive steps, and then the last step is used;
 * - as-needed (PRN) doses are computed as if taken as written and flagged `asNeeded` with a note;
 * - long-acting injectables: the dose per interval is averaged to mg/day and `perInterval` keeps the original.
 * Never throws: anything that cannot be read gives amount null and a note saying why.
 */
import type { Dosage } from 'fhir/r4';
import type { DailyDose, MedicationIdentity, RuleRef } from '../types';
import { DOSE_RULES } from '../terminology/medication-rules';
import { parseDoseText, saysAsNeeded } from './text';
import { timingPerDay } from './timing';
import { type IdentityLike, uniq, round, fmt, quantityToMg, qtyText } from './units';

export interface DailyDoseDetail extends DailyDose {
  /** True when any contributing line is "as needed". */
  asNeeded?: boolean;
  /** For long-acting injectables (or any dose given less often than daily): the dose and its interval. */
  perInterval?: { amountMg: number; days: number };
  /** Rules applied (structured, free text, range low end, assumed once daily, ...). */
  rules?: RuleRef[];
}

interface LineDose {
  mgPerDay: number | null;
  basis: string;
  notes: string[];
  asNeeded: boolean;
  intervalDays: number | null;
  mgPerAdministration: number | null;
  rules: RuleRef[];
}

/**
 * The daily dose of a record's dosage lines. A derivation reads them through its DoseMemo (dose-memo.ts), which
 * calls this once per distinct set of lines.
 */
export function dailyDoseOf(dosages: Dosage[] | undefined, identity: MedicationIdentity): DailyDoseDetail {
  const lines = (Array.isArray(dosages) ? dosages : []).filter((d): d is Dosage => !!d && typeof d === 'object');
  if (lines.length === 0) {
    return dailyDose(null, null, 'no dosage instructions', 'no dosage in the record: dose unknown', false, undefined, undefined);
  }
  const notes: string[] = [];
  const rules: RuleRef[] = [];
  let group = lines;
  const sequences = [...new Set(lines.map((d) => (typeof d.sequence === 'number' ? d.sequence : null)))];
  // Distinct sequence numbers mean consecutive steps only when a line is bounded in time (a taper or titration);
  // EHRs also number the parts of one day (100 mg morning, 200 mg bedtime) 1 and 2, and those are summed.
  if (sequences.filter((s) => s !== null).length > 1 && lines.some(isTimeBounded)) {
    const last = Math.max(...sequences.filter((s): s is number => s !== null));
    group = lines.filter((d) => d.sequence === last);
    notes.push(`${sequences.length} consecutive dosage steps: the last step (sequence ${last}) is used`);
    rules.push(DOSE_RULES.sequentialLast);
  }

  const perLine = group.map((d) => lineDose(d, identity as IdentityLike));
  for (const l of perLine) {
    notes.push(...l.notes);
    for (const r of l.rules) if (!rules.includes(r)) rules.push(r);
  }
  const asNeeded = perLine.some((l) => l.asNeeded);
  if (asNeeded) notes.push('taken as needed (PRN): the daily amount is the most allowed as written, not a regular dose');

  const unknown = perLine.filter((l) => l.mgPerDay === null);
  const basis = perLine.map((l) => l.basis).join(' + ');
  if (unknown.length > 0) {
    return dailyDose(null, null, basis || 'dose could not be determined', uniq(notes).join('; ') || 'dose could not be determined', asNeeded, undefined, rules);
  }
  const total = round(perLine.reduce((sum, l) => sum + (l.mgPerDay ?? 0), 0));
  if (!Number.isFinite(total)) {
    // e.g. a timing period of 5e-324 days: the arithmetic overflows, and no real dose does.
    notes.push(`the dosage works out to a non-finite daily amount (${basis}): dose unknown`);
    return dailyDose(null, null, basis || 'dose could not be determined', uniq(notes).join('; '), asNeeded, undefined, rules);
  }
  const single = perLine.length === 1 ? perLine[0] : undefined;
  const perInterval =
    single && single.intervalDays !== null && single.intervalDays > 1 && single.mgPerAdministration !== null
      ? { amountMg: single.mgPerAdministration, days: single.intervalDays }
      : undefined;
  return dailyDose(total, 'mg', perLine.length > 1 ? `${basis} = ${fmt(total)} mg/day` : basis, notes.length ? uniq(notes).join('; ') : undefined, asNeeded, perInterval, rules);
}

/**
 * Every daily dose is built here, with all its fields in one order (absent ones undefined), so the records' reading
 * meets one shape of dose.
 */
function dailyDose(
  amount: number | null,
  unit: string | null,
  basis: string,
  note: string | undefined,
  asNeeded: boolean,
  perInterval: DailyDoseDetail['perInterval'],
  rules: RuleRef[] | undefined,
): DailyDoseDetail {
  return { amount, unit, basis, note, asNeeded: asNeeded ? true : undefined, perInterval, rules };
}

function isTimeBounded(d: Dosage): boolean {
  const r = d.timing?.repeat;
  return !!(r && (r.boundsDuration || r.boundsPeriod || r.boundsRange)) || /\bthen\b|\bfor \d+ (days?|weeks?)\b/i.test(typeof d.text === 'string' ? d.text : '');
}

// ---------------------------------------------------------------------------------------------
// One dosage line
// ---------------------------------------------------------------------------------------------

function lineDose(d: Dosage, identity: IdentityLike): LineDose {
  const notes: string[] = [];
  const rules: RuleRef[] = [];
  const asNeeded = d.asNeededBoolean === true || (d.asNeededCodeableConcept !== undefined && d.asNeededCodeableConcept !== null);
  const text = [d.text, d.patientInstruction].filter((t): t is string => typeof t === 'string' && t.trim() !== '').join('; ');

  // Amount per administration, structured first.
  const dr = Array.isArray(d.doseAndRate) ? d.doseAndRate.find((x) => x && (x.doseQuantity || x.doseRange)) : undefined;
  let perAdmin: { mg: number | null; desc: string; note?: string; unitless?: boolean } | null = null;
  if (dr?.doseQuantity) {
    perAdmin = quantityToMg(dr.doseQuantity, identity);
    if (perAdmin.unitless) rules.push(DOSE_RULES.unitlessProductUnits);
  } else if (dr?.doseRange) {
    const low = dr.doseRange.low ?? dr.doseRange.high;
    if (low) {
      perAdmin = quantityToMg(low, identity);
      if (dr.doseRange.low && dr.doseRange.high) {
        notes.push(`dose range ${qtyText(dr.doseRange.low)}-${qtyText(dr.doseRange.high)}: the low end is used`);
        rules.push(DOSE_RULES.doseRangeLow);
      }
    }
  }

  // Frequency from the structured timing.
  const timing = timingPerDay(d.timing);

  // Fall back to the text for whatever is missing. With a structured amount and frequency the text only adds whether
  // the dose is as needed, which is read without parsing the rest (most records repeat a few such lines).
  const parsedText = text && (!perAdmin || timing.perDay === null) ? parseDoseText(text, identity) : null;
  if (!perAdmin && parsedText) {
    rules.push(DOSE_RULES.freeText);
    notes.push(...parsedText.notes);
    const asNeededText = asNeeded || parsedText.asNeeded;
    // Use the text's own daily total when the structured timing adds nothing, or when the text has several parts.
    if (parsedText.mgPerDay !== null && (timing.perDay === null || parsedText.mgPerAdministration === null)) {
      return {
        mgPerDay: parsedText.mgPerDay,
        basis: `from text "${text}": ${parsedText.basis}`,
        notes,
        asNeeded: asNeededText,
        intervalDays: parsedText.intervalDays,
        mgPerAdministration: parsedText.mgPerAdministration,
        rules: parsedText.assumedDaily ? [...rules, DOSE_RULES.noTimingOnceDaily] : rules,
      };
    }
    if (parsedText.mgPerAdministration !== null) {
      perAdmin = { mg: parsedText.mgPerAdministration, desc: parsedText.amountDesc };
    } else if (parsedText.mgPerDay === null) {
      return { mgPerDay: null, basis: `text "${text}"`, notes, asNeeded: asNeededText, intervalDays: null, mgPerAdministration: null, rules };
    }
  }
  if (!perAdmin) {
    notes.push(text ? `could not read a dose from "${text}"` : 'no dose quantity and no dosage text');
    return { mgPerDay: null, basis: 'dose unknown', notes, asNeeded, intervalDays: null, mgPerAdministration: null, rules };
  }
  if (perAdmin.note) notes.push(perAdmin.note);
  if (perAdmin.mg === null) {
    return { mgPerDay: null, basis: perAdmin.desc, notes, asNeeded, intervalDays: null, mgPerAdministration: null, rules };
  }

  let perDay = timing.perDay;
  let freqDesc = timing.desc;
  if (perDay === null && parsedText?.perDay != null) {
    perDay = parsedText.perDay;
    freqDesc = parsedText.freqDesc;
    if (!rules.includes(DOSE_RULES.freeText)) rules.push(DOSE_RULES.freeText);
  }
  if (perDay === null) {
    perDay = 1;
    freqDesc = 'once daily (no frequency stated: assumed)';
    notes.push('no frequency stated: assumed once daily');
    rules.push(DOSE_RULES.noTimingOnceDaily);
  }
  if (timing.note) notes.push(timing.note);
  rules.unshift(DOSE_RULES.structured);

  const mgPerDay = round(perAdmin.mg * perDay);
  const intervalDays = perDay < 1 ? round(1 / perDay) : null;
  if (intervalDays !== null && identity.longActingInjectable) {
    notes.push(`long-acting injectable: ${fmt(perAdmin.mg)} mg every ${fmt(intervalDays)} days, averaged to ${fmt(mgPerDay)} mg/day`);
    rules.push(DOSE_RULES.longActing);
  } else if (identity.longActingInjectable) {
    notes.push('long-acting injectable with a daily or more frequent schedule: check the dosing interval');
  }
  return {
    mgPerDay,
    basis: `${perAdmin.desc}, ${freqDesc}${intervalDays !== null ? ` = ${fmt(mgPerDay)} mg/day on average` : perDay !== 1 ? ` = ${fmt(mgPerDay)} mg/day` : ''}`,
    notes,
    asNeeded: asNeeded || (parsedText ? parsedText.asNeeded : text !== '' && saysAsNeeded(text)),
    intervalDays,
    mgPerAdministration: perAdmin.mg,
    rules,
  };
}
