/**
 * The memo of daily doses for one derivation, and what it compares dosage lines on: the values the dose reading
 * (daily-dose.ts and the timing, unit and text readers beside it) reads of them, in a fixed order.
 */
import type { Dosage } from 'fhir/r4';
import type { MedicationIdentity } from '../types';
import { type DailyDoseDetail, dailyDoseOf as readDailyDose } from './daily-dose';
import type { IdentityLike } from './units';

/**
 * A long record repeats the same dosage lines on thousands of dispenses, and reading a dose is pure, so each distinct
 * set of lines is read once per derivation. Lines are compared on the values the reading reads of them (readFields
 * below), not on every field: a structural comparison of whole lines (routes, codings and all) cost about 2 µs per
 * record, as much as reading the dose again. Lines holding something the reading would convert or look into in an
 * unusual way (an object where a number or a word is read, a list where an object is read, a getter that throws) are
 * read without the memo. It lives as long as the derivation that creates it and keeps only primitive values, never
 * the record's objects.
 */
export class DoseMemo {
  private readonly byText = new Map<string, KeptDose[]>();
  /**
   * The fields of the record being read, written over for each record: most records repeat lines already read, so
   * only a set of lines not seen before is copied into the memo.
   */
  private readonly scratch = new Fields();

  /** The daily dose; the same object for every record with these lines, so the caller reads it and does not change it. */
  dailyDoseOf(dosages: Dosage[] | undefined, identity: MedicationIdentity): Readonly<DailyDoseDetail> {
    const fields = this.scratch;
    let readable: boolean;
    try {
      readable = readFields(dosages, identity, fields.reset());
    } catch {
      readable = false; // a getter that throws: read without remembering
    }
    if (!readable) return readDailyDose(dosages, identity);
    const first = fields.values[GROUP_FIELD];
    const group = typeof first === 'string' ? first : '';
    const kept = this.byText.get(group);
    if (kept) for (const k of kept) if (fields.equals(k.fields)) return k.result;
    const result = readDailyDose(dosages, identity);
    if (!kept) this.byText.set(group, [{ fields: fields.copy(), result }]);
    // Values that never compare equal (NaN) must not grow the memo without bound.
    else if (kept.length < ENTRIES_PER_GROUP) kept.push({ fields: fields.copy(), result });
    return result;
  }
}

interface KeptDose {
  fields: unknown[];
  result: DailyDoseDetail;
}

const ENTRIES_PER_GROUP = 16;

/** A list of field values written from the start again for each record; `length` is how many the record has. */
class Fields {
  readonly values: unknown[] = [];
  length = 0;

  reset(): this {
    this.length = 0;
    return this;
  }

  push(value: unknown): void {
    this.values[this.length++] = value;
  }

  equals(kept: unknown[]): boolean {
    const n = this.length;
    if (kept.length !== n) return false;
    const values = this.values;
    for (let i = 0; i < n; i++) if (kept[i] !== values[i]) return false;
    return true;
  }

  copy(): unknown[] {
    return this.values.slice(0, this.length);
  }
}

/** Markers in the list of fields: an object is there (read further), a list is not there. */
const OBJECT = Symbol('object');
const NOT_A_LIST = -1;

/** Index of the first line's text in the fields (the group a set of lines is filed under). */
const GROUP_FIELD = 4;

/**
 * The values the dose reading reads of a set of dosage lines and of the product, in a fixed order: two sets with the
 * same values get the same daily dose. Null when a value the reading uses is not a plain JSON value of the expected
 * kind. Keep in step with daily-dose.ts, timing.ts, units.ts and text.ts: a field they start to read belongs here.
 */
function readFields(dosages: unknown, identity: IdentityLike, out: Fields): boolean {
  out.push(identity.strengthMg);
  out.push(identity.concentrationMgPerMl ?? null);
  out.push(identity.longActingInjectable);
  if (!Array.isArray(dosages)) {
    out.push(NOT_A_LIST);
    out.push(null);
    return true;
  }
  out.push(dosages.length);
  // The first line's text (GROUP_FIELD), read again below with the rest of its line.
  const first = dosages[0] as { text?: unknown } | null | undefined;
  out.push(first && typeof first === 'object' ? first.text : null);
  for (const line of dosages as unknown[]) if (!lineFields(line, out)) return false;
  return true;
}

function lineFields(line: unknown, out: Fields): boolean {
  if (!line || typeof line !== 'object') {
    out.push(null); // not a line: left out by the reading
    return true;
  }
  if (Array.isArray(line)) return false;
  const d = line as Record<string, unknown>;
  if (!primitive(d.text) || !primitive(d.patientInstruction)) return false;
  out.push(OBJECT);
  out.push(typeof d.sequence === 'number' ? d.sequence : null);
  out.push(d.text);
  out.push(d.patientInstruction);
  out.push(d.asNeededBoolean === true);
  out.push(d.asNeededCodeableConcept !== undefined && d.asNeededCodeableConcept !== null);
  return timingFields(d.timing, out) && doseAndRateFields(d.doseAndRate, out);
}

function timingFields(timing: unknown, out: Fields): boolean {
  if (timing === undefined || timing === null) {
    out.push(null);
    return true;
  }
  if (!isPlainObject(timing)) return false;
  out.push(OBJECT);
  const { repeat, code } = timing as { repeat?: unknown; code?: unknown };
  if (repeat === undefined || repeat === null) out.push(null);
  else {
    if (!isPlainObject(repeat)) return false;
    const r = repeat as Record<string, unknown>;
    if (!primitive(r.periodUnit)) return false;
    out.push(OBJECT);
    out.push(typeof r.frequency === 'number' ? r.frequency : null);
    out.push(typeof r.period === 'number' ? r.period : null);
    out.push(r.periodUnit);
    // Whether a line is bounded in time is read as the truth of these fields, nothing more.
    out.push(!!r.boundsDuration);
    out.push(!!r.boundsPeriod);
    out.push(!!r.boundsRange);
    if (!primitiveList(r.timeOfDay, out) || !primitiveList(r.when, out)) return false;
  }
  if (code === undefined || code === null) out.push(null);
  else {
    if (!isPlainObject(code)) return false;
    const { text, coding } = code as { text?: unknown; coding?: unknown };
    out.push(OBJECT);
    out.push(typeof text === 'string' ? text : null);
    if (!Array.isArray(coding)) out.push(NOT_A_LIST);
    else {
      out.push(coding.length);
      for (const c of coding as unknown[]) {
        // Only each coding's code is read (terminology/systems.ts codingsOf, then the code).
        const value = c && typeof c === 'object' ? (c as { code?: unknown }).code : undefined;
        out.push(typeof value === 'string' ? value : null);
      }
    }
  }
  return true;
}

function doseAndRateFields(doseAndRate: unknown, out: Fields): boolean {
  if (!Array.isArray(doseAndRate)) {
    out.push(NOT_A_LIST);
    return true;
  }
  out.push(doseAndRate.length);
  for (const x of doseAndRate as unknown[]) {
    if (x === undefined || x === null) {
      out.push(null);
      continue;
    }
    if (!isPlainObject(x)) return false;
    const { doseQuantity, doseRange } = x as { doseQuantity?: unknown; doseRange?: unknown };
    out.push(OBJECT);
    if (!quantityFields(doseQuantity, out)) return false;
    if (doseRange === undefined || doseRange === null) out.push(null);
    else {
      if (!isPlainObject(doseRange)) return false;
      const { low, high } = doseRange as { low?: unknown; high?: unknown };
      out.push(OBJECT);
      if (!quantityFields(low, out) || !quantityFields(high, out)) return false;
    }
  }
  return true;
}

/** A quantity's value, code and unit (read as they are, and as words: so each must be a plain value). */
function quantityFields(q: unknown, out: Fields): boolean {
  if (q === undefined || q === null) {
    out.push(null);
    return true;
  }
  if (!isPlainObject(q)) return false;
  const { value, code, unit } = q as { value?: unknown; code?: unknown; unit?: unknown };
  if (!primitive(value) || !primitive(code) || !primitive(unit)) return false;
  out.push(OBJECT);
  out.push(value);
  out.push(code);
  out.push(unit);
  return true;
}

/** A list of plain values read as words (timeOfDay, when): its length and its items; a list of anything else is null. */
function primitiveList(list: unknown, out: Fields): boolean {
  if (!Array.isArray(list)) {
    out.push(NOT_A_LIST);
    return true;
  }
  out.push(list.length);
  for (const item of list as unknown[]) {
    if (!primitive(item)) return false;
    out.push(item);
  }
  return true;
}

/** undefined, null, a boolean, a number or a string (a symbol or a bigint is not JSON and not kept). */
function primitive(x: unknown): boolean {
  const t = typeof x;
  return x === undefined || x === null || t === 'string' || t === 'number' || t === 'boolean';
}

function isPlainObject(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
