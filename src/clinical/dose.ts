/**
 * Daily dose from FHIR Dosage lines (MedicationStatement.dosage, MedicationRequest.dosageInstruction,
 * MedicationDispense.dosageInstruction), the product strength and plain dosage text.
 *
 * Choices (each also a RuleRef in terminology/rules.ts, DOSE_RULES):
 * - doseRange counts at its LOW end (conservative: adequacy is never granted on a dose that may not have been taken);
 * - a dose with no frequency anywhere is assumed once daily and the basis says so;
 * - dosage lines are parts of one day and are summed ("50 mg in the morning, 100 mg at bedtime"), even when numbered
 *   1 and 2; only when lines have different sequence numbers AND a time bound (timing.repeat.bounds*, or "then" /
 *   "for 2 weeks" in their text) are they consecutive steps, and then the last step is used;
 * - as-needed (PRN) doses are computed as if taken as written and flagged `asNeeded` with a note;
 * - long-acting injectables: the dose per interval is averaged to mg/day and `perInterval` keeps the original.
 * Never throws: anything that cannot be read gives amount null and a note saying why.
 */
import type { Dosage, Quantity, Timing } from 'fhir/r4';
import type { DailyDose, MedicationIdentity, RuleRef } from './types';
import { DOSE_RULES } from './terminology/rules';
import { codingsOf } from './terminology/systems';

export interface DailyDoseDetail extends DailyDose {
  /** True when any contributing line is "as needed". */
  asNeeded?: boolean;
  /** For long-acting injectables (or any dose given less often than daily): the dose and its interval. */
  perInterval?: { amountMg: number; days: number };
  /** Rules applied (structured, free text, range low end, assumed once daily, ...). */
  rules?: RuleRef[];
}

type IdentityLike = MedicationIdentity & { concentrationMgPerMl?: number | null };

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
 * Memo of daily doses for one derivation: a long record repeats the same dosage lines on thousands of dispenses. The
 * key is everything the result depends on: the dosage lines themselves (compared structurally, so any field that
 * differs is a miss) and the three identity fields the computation reads (strengthMg, concentrationMgPerMl,
 * longActingInjectable). Entries are grouped by the first line's text so a lookup compares against a handful of
 * candidates; structural comparison costs a fraction of a JSON.stringify key (about 1 µs against 5 µs per dispense).
 * It lives as long as the derivation that creates it, and the record does not change during a derivation, so the
 * entries hold the record's own dosage objects.
 */
export class DoseMemo {
  private readonly byText = new Map<string, DoseMemoEntry[]>();
  /** Values the current lookup may still compare (a cyclic or huge dosage must not make the comparison explode). */
  private budget = 0;

  dailyDoseOf(dosages: Dosage[] | undefined, identity: MedicationIdentity): DailyDoseDetail {
    const id = identity as IdentityLike;
    let found: DailyDoseDetail | undefined;
    let text: string | null;
    try {
      text = firstText(dosages);
      for (const e of this.byText.get(text) ?? []) {
        this.budget = MAX_COMPARE_NODES;
        if (
          e.strengthMg === id.strengthMg &&
          e.concentrationMgPerMl === (id.concentrationMgPerMl ?? null) &&
          e.longActingInjectable === id.longActingInjectable &&
          this.sameJson(e.dosages, dosages, 0)
        ) {
          found = e.result;
          break;
        }
      }
    } catch {
      text = null; // unreadable input (throwing getters...): compute without remembering
    }
    if (!found) {
      found = dailyDoseUncached(dosages, identity);
      if (text !== null) this.remember(text, dosages, id, found);
    }
    return copyOf(found);
  }

  private remember(text: string, dosages: Dosage[] | undefined, id: IdentityLike, result: DailyDoseDetail): void {
    let bucket = this.byText.get(text);
    if (!bucket) this.byText.set(text, (bucket = []));
    if (bucket.length >= MEMO_ENTRIES_PER_TEXT) return; // values that never compare equal (NaN) must not grow the memo
    bucket.push({ dosages, strengthMg: id.strengthMg, concentrationMgPerMl: id.concentrationMgPerMl ?? null, longActingInjectable: id.longActingInjectable, result });
  }

  /** Structural equality of JSON-like values (own enumerable keys, any order). Too deep or too big counts as different. */
  private sameJson(a: unknown, b: unknown, depth: number): boolean {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > MAX_COMPARE_DEPTH) return false;
    if (--this.budget < 0) return false;
    const isArray = Array.isArray(a);
    if (isArray !== Array.isArray(b)) return false;
    if (isArray) {
      const x = a as unknown[];
      const y = b as unknown[];
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!this.sameJson(x[i], y[i], depth + 1)) return false;
      return true;
    }
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    let keys = 0;
    for (const k in x) {
      if (!Object.hasOwn(x, k)) continue;
      keys++;
      if (!Object.hasOwn(y, k) || !this.sameJson(x[k], y[k], depth + 1)) return false;
    }
    for (const k in y) if (Object.hasOwn(y, k)) keys--;
    return keys === 0;
  }
}

interface DoseMemoEntry {
  dosages: unknown;
  strengthMg: unknown;
  concentrationMgPerMl: unknown;
  longActingInjectable: unknown;
  result: DailyDoseDetail;
}
const MEMO_ENTRIES_PER_TEXT = 16;
const MAX_COMPARE_DEPTH = 12;
const MAX_COMPARE_NODES = 2_000;

function firstText(dosages: unknown): string {
  const first = Array.isArray(dosages) ? (dosages[0] as { text?: unknown } | null | undefined) : undefined;
  return first && typeof first === 'object' && typeof first.text === 'string' ? first.text : '';
}

/** A result the caller may change without changing the memo's. */
function copyOf(d: DailyDoseDetail): DailyDoseDetail {
  return {
    ...d,
    ...(d.rules ? { rules: [...d.rules] } : {}),
    ...(d.perInterval ? { perInterval: { ...d.perInterval } } : {}),
  };
}

/** The daily dose of a record's dosage lines; a derivation passes its memo, a single question needs none. */
export function dailyDoseOf(dosages: Dosage[] | undefined, identity: MedicationIdentity, memo?: DoseMemo): DailyDoseDetail {
  return memo ? memo.dailyDoseOf(dosages, identity) : dailyDoseUncached(dosages, identity);
}

function dailyDoseUncached(dosages: Dosage[] | undefined, identity: MedicationIdentity): DailyDoseDetail {
  const lines = (Array.isArray(dosages) ? dosages : []).filter((d): d is Dosage => !!d && typeof d === 'object');
  if (lines.length === 0) {
    return { amount: null, unit: null, basis: 'no dosage instructions', note: 'no dosage in the record: dose unknown' };
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
    return {
      amount: null,
      unit: null,
      basis: basis || 'dose could not be determined',
      note: uniq(notes).join('; ') || 'dose could not be determined',
      ...(asNeeded ? { asNeeded } : {}),
      rules,
    };
  }
  const total = round(perLine.reduce((sum, l) => sum + (l.mgPerDay ?? 0), 0));
  if (!Number.isFinite(total)) {
    // e.g. a timing period of 5e-324 days: the arithmetic overflows, and no real dose does.
    notes.push(`the dosage works out to a non-finite daily amount (${basis}): dose unknown`);
    return { amount: null, unit: null, basis: basis || 'dose could not be determined', note: uniq(notes).join('; '), ...(asNeeded ? { asNeeded } : {}), rules };
  }
  const single = perLine.length === 1 ? perLine[0] : undefined;
  const perInterval =
    single && single.intervalDays !== null && single.intervalDays > 1 && single.mgPerAdministration !== null
      ? { amountMg: single.mgPerAdministration, days: single.intervalDays }
      : undefined;
  return {
    amount: total,
    unit: 'mg',
    basis: perLine.length > 1 ? `${basis} = ${fmt(total)} mg/day` : basis,
    ...(notes.length ? { note: uniq(notes).join('; ') } : {}),
    ...(asNeeded ? { asNeeded } : {}),
    ...(perInterval ? { perInterval } : {}),
    rules,
  };
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

  // Fall back to the text for whatever is missing.
  const parsedText = text ? parseDoseText(text, identity) : null;
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
    asNeeded: asNeeded || parsedText?.asNeeded === true,
    intervalDays,
    mgPerAdministration: perAdmin.mg,
    rules,
  };
}

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

const MASS: Record<string, number> = { mg: 1, milligram: 1, milligrams: 1, g: 1000, gram: 1000, grams: 1000, mcg: 0.001, ug: 0.001, 'µg': 0.001, microgram: 0.001, micrograms: 0.001 };
const UNIT_WORDS = new Set([
  'tab', 'tabs', 'tablet', 'tablets', 'tbl', 'cap', 'caps', 'capsule', 'capsules', 'each', 'ea', 'unit', 'units', 'pill', 'pills',
  'patch', 'patches', 'syringe', 'syringes', 'injection', 'injections', 'device', 'devices', 'spray', 'sprays', 'dose', 'doses', '1',
  'sachet', 'vial', 'vials', 'lozenge', 'troche', 'puff', 'puffs', 'inhalation', 'inhalations',
]);

function quantityToMg(q: Quantity, identity: IdentityLike): { mg: number | null; desc: string; note?: string; unitless?: boolean } {
  const value = typeof q.value === 'number' && Number.isFinite(q.value) ? q.value : null;
  const rawUnit = String(q.code ?? q.unit ?? '').trim();
  const unit = rawUnit.toLowerCase().replace(/[{}]/g, '').replace(/\(s\)$/, '');
  if (value === null) return { mg: null, desc: 'dose without a number', note: 'dose quantity has no numeric value' };
  if (value < 0) return { mg: null, desc: `${value} ${rawUnit}`, note: `negative dose ${value} ignored` };
  if (!unit) {
    // EHR exports (Synthea, the public SMART sandbox) send {value: 1} for "one tablet of the ordered product": with a
    // product of known strength a unitless dose is that many units of it.
    const s = identity.strengthMg;
    if (s !== null && s > 0) {
      return {
        mg: round(value * s),
        desc: `${fmt(value)} × ${fmt(s)} mg (dose without a unit: units of the ordered product)`,
        note: `dose ${fmt(value)} has no unit: read as ${fmt(value)} ${value === 1 ? 'unit' : 'units'} of the ${fmt(s)} mg product`,
        unitless: true,
      };
    }
    return { mg: null, desc: `${fmt(value)} (no unit)`, note: `dose ${fmt(value)} has no unit and the product's strength is unknown: cannot convert to mg` };
  }
  const mass = MASS[unit];
  if (mass !== undefined) {
    const mg = round(value * mass);
    return { mg, desc: mass === 1 ? `${fmt(value)} mg` : `${fmt(value)} ${rawUnit} (= ${fmt(mg)} mg)` };
  }
  if (unit === 'ml' || unit === 'milliliter' || unit === 'millilitre') {
    const c = identity.concentrationMgPerMl ?? null;
    if (c) return { mg: round(value * c), desc: `${fmt(value)} mL × ${fmt(c)} mg/mL` };
    return { mg: null, desc: `${fmt(value)} mL`, note: `dose of ${fmt(value)} mL but the concentration (mg/mL) is unknown` };
  }
  if (unit.includes('/kg')) return { mg: null, desc: `${fmt(value)} ${rawUnit}`, note: `dose per kg body weight (${rawUnit}): needs the weight` };
  if (UNIT_WORDS.has(unit) || /^(tab|cap)/.test(unit)) {
    const s = identity.strengthMg;
    if (s === null) {
      return { mg: null, desc: `${fmt(value)} ${rawUnit}`, note: `${fmt(value)} ${rawUnit} but the strength of one unit is unknown` };
    }
    return { mg: round(value * s), desc: `${fmt(value)} × ${fmt(s)} mg ${unitNoun(unit)}` };
  }
  return { mg: null, desc: `${fmt(value)} ${rawUnit}`, note: `unit "${rawUnit}" cannot be converted to mg` };
}

function unitNoun(unit: string): string {
  if (/^tab|tbl|pill/.test(unit)) return 'tablet';
  if (/^cap/.test(unit)) return 'capsule';
  if (/patch/.test(unit)) return 'patch';
  if (/syringe|inject|vial/.test(unit)) return 'injection';
  return 'unit';
}

function qtyText(q: Quantity): string {
  return `${q.value ?? '?'} ${q.unit ?? q.code ?? ''}`.trim();
}

// ---------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------

const PERIOD_DAYS: Record<string, number> = { s: 1 / 86400, min: 1 / 1440, h: 1 / 24, d: 1, wk: 7, mo: 30, a: 365.25 };

/** HL7 v3 GTSAbbreviation codes (Timing.code) as administrations per day. */
const TIMING_CODES: Record<string, { perDay: number; desc: string }> = {
  QD: { perDay: 1, desc: 'once daily' },
  BID: { perDay: 2, desc: 'twice daily' },
  TID: { perDay: 3, desc: 'three times daily' },
  QID: { perDay: 4, desc: 'four times daily' },
  QOD: { perDay: 0.5, desc: 'every other day' },
  AM: { perDay: 1, desc: 'every morning' },
  QAM: { perDay: 1, desc: 'every morning' },
  PM: { perDay: 1, desc: 'every evening' },
  QPM: { perDay: 1, desc: 'every evening' },
  HS: { perDay: 1, desc: 'at bedtime' },
  QHS: { perDay: 1, desc: 'at bedtime' },
  BED: { perDay: 1, desc: 'at bedtime' },
  Q4H: { perDay: 6, desc: 'every 4 hours' },
  Q6H: { perDay: 4, desc: 'every 6 hours' },
  Q8H: { perDay: 3, desc: 'every 8 hours' },
  Q12H: { perDay: 2, desc: 'every 12 hours' },
  WK: { perDay: 1 / 7, desc: 'weekly' },
  MO: { perDay: 1 / 30, desc: 'monthly' },
};

function timingPerDay(timing: Timing | undefined): { perDay: number | null; desc: string; note?: string } {
  if (!timing || typeof timing !== 'object') return { perDay: null, desc: '' };
  const repeat = timing.repeat;
  if (repeat && (typeof repeat.frequency === 'number' || typeof repeat.period === 'number')) {
    const frequency = typeof repeat.frequency === 'number' && repeat.frequency > 0 ? repeat.frequency : 1;
    const period = typeof repeat.period === 'number' && repeat.period > 0 ? repeat.period : 1;
    const unit = repeat.periodUnit ?? 'd';
    const days = PERIOD_DAYS[unit];
    if (days === undefined) return { perDay: null, desc: '', note: `timing period unit "${unit}" not understood` };
    const perDay = frequency / (period * days);
    return { perDay: round(perDay, 6), desc: describeFrequency(frequency, period, unit) };
  }
  const codeText = typeof timing.code?.text === 'string' ? timing.code.text : undefined;
  const code = codingsOf(timing.code).map((c) => c.code!.toUpperCase()).find((c) => TIMING_CODES[c]) ?? codeText?.trim().toUpperCase();
  if (code && TIMING_CODES[code]) return { ...TIMING_CODES[code] };
  if (repeat && Array.isArray(repeat.timeOfDay) && repeat.timeOfDay.length > 0) {
    const n = repeat.timeOfDay.length;
    return { perDay: n, desc: n === 1 ? `once daily at ${repeat.timeOfDay[0]}` : `${n} times daily (${repeat.timeOfDay.join(', ')})` };
  }
  if (repeat && Array.isArray(repeat.when) && repeat.when.length > 0) {
    const n = repeat.when.length;
    return { perDay: n, desc: n === 1 ? `once daily (${repeat.when[0]})` : `${n} times daily (${repeat.when.join(', ')})` };
  }
  if (codeText) return parseFrequency(normalize(codeText)) ?? { perDay: null, desc: '' };
  return { perDay: null, desc: '' };
}

function describeFrequency(frequency: number, period: number, unit: string): string {
  const unitName: Record<string, string> = { s: 'second', min: 'minute', h: 'hour', d: 'day', wk: 'week', mo: 'month', a: 'year' };
  const u = unitName[unit] ?? unit;
  if (unit === 'd' && period === 1) return frequency === 1 ? 'once daily' : frequency === 2 ? 'twice daily' : `${fmt(frequency)} times daily`;
  if (unit === 'd' && period === 2 && frequency === 1) return 'every other day';
  const times = frequency === 1 ? 'once' : frequency === 2 ? 'twice' : `${fmt(frequency)} times`;
  return period === 1 ? `${times} a ${u}` : `${times} every ${fmt(period)} ${u}s`;
}

// ---------------------------------------------------------------------------------------------
// Free text
// ---------------------------------------------------------------------------------------------

interface TextDose {
  mgPerDay: number | null;
  mgPerAdministration: number | null;
  perDay: number | null;
  intervalDays: number | null;
  amountDesc: string;
  freqDesc: string;
  basis: string;
  asNeeded: boolean;
  assumedDaily: boolean;
  notes: string[];
}

const COUNT_WORDS: Record<string, number> = {
  'one and a half': 1.5, 'one half': 0.5, 'half a': 0.5, half: 0.5, '1/2': 0.5, '½': 0.5, 'a': 1, 'an': 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
};

/** Epic-style sigs spell numbers twice ("2 (two) times daily", "every 12 (twelve) hours"): the word is dropped. */
const SPELLED_NUMBER = /(\d+(?:\.\d+)?)\s*\((?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty[- ]four|half|one[- ]half)\)/g;

function normalize(text: string): string {
  return ` ${text.toLowerCase().replace(SPELLED_NUMBER, '$1').replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim()} `;
}

const FREQUENCIES: Array<[RegExp, (m: RegExpExecArray) => number, (m: RegExpExecArray) => string]> = [
  [/\b(every other day|qod|alternate days|every 2 days|every second day)\b/, () => 0.5, () => 'every other day'],
  [/\bevery (\d+) weeks?\b/, (m) => 1 / (7 * Number(m[1])), (m) => `every ${m[1]} weeks`],
  [/\bevery (\d+) days\b/, (m) => 1 / Number(m[1]), (m) => `every ${m[1]} days`],
  [/\b(once (a|per|every) week|weekly|every week|qwk|q ?week)\b/, () => 1 / 7, () => 'weekly'],
  [/\b(once (a|per|every) month|monthly|every month)\b/, () => 1 / 30, () => 'monthly'],
  [/\b(?:every|q) ?(\d+) ?(?:hours|hrs?|h)\b/, (m) => 24 / Number(m[1]), (m) => `every ${m[1]} hours`],
  [/\b(\d+|two|three|four) times (?:(?:a|per|each|every) day|daily)\b|\b(\d+) ?x ?(daily|a day|per day|\/day)\b/, (m) => numberWord(m[1] ?? m[2] ?? '1'), (m) => `${m[1] ?? m[2]} times daily`],
  [/\b(twice (a |per |each )?day|twice daily|bid|b\.i\.d\.?)\b/, () => 2, () => 'twice daily'],
  [/\b(three times|thrice|tid|t\.i\.d\.?)\b/, () => 3, () => 'three times daily'],
  [/\b(four times|qid|q\.i\.d\.?)\b/, () => 4, () => 'four times daily'],
  [
    /\b(once (a|per|each|every) day|once daily|daily|every day|each day|per day|a day|qd|q\.d\.?|od|q24h|nightly|at bedtime|bedtime|qhs|hs|at night|every night|in the morning|every morning|each morning|qam|qpm|in the evening|every evening|at noon|with breakfast|with dinner|with supper|once)\b|\/ ?(day|d)\b/,
    () => 1,
    (m) => (/(bedtime|hs|night)/.test(m[0]) ? 'at bedtime' : /morning|qam|breakfast/.test(m[0]) ? 'every morning' : /evening|qpm|dinner|supper/.test(m[0]) ? 'every evening' : 'once daily'),
  ],
];

function numberWord(w: string): number {
  return COUNT_WORDS[w] ?? Number(w);
}

function parseFrequency(text: string): { perDay: number; desc: string } | null {
  for (const [re, perDay, desc] of FREQUENCIES) {
    const m = re.exec(text);
    if (m) return { perDay: perDay(m), desc: desc(m) };
  }
  return null;
}

const COUNT = String.raw`(\d+(?:\.\d+)?(?: 1\/2)?|one and a half|one half|half a|half|1\/2|½|one|two|three|four|five|six|a|an)`;
/** "50 mg", "50-100 mg" (range: low end), but not a concentration ("20 mg/mL") or a per-weight dose ("0.5 mg/kg"). */
const MG_AMOUNT = /(\d+(?:\.\d+)?)(?:\s*(?:-|to)\s*(\d+(?:\.\d+)?))?\s*(mg|mcg|µg|ug|g|milligrams?|micrograms?|grams?)\b(?!\s*\/\s*(ml|kg|hr?|l)\b)/;
const UNIT_RANGE = /(?:^|\s)(\d+(?:\.\d+)?)\s*(?:-|to)\s*(\d+(?:\.\d+)?)\s*(tablets?|tabs?|capsules?|caps?|pills?)\b/;
const UNIT_AMOUNT = new RegExp(String.raw`(?:^|\s)${COUNT}\s*(tablets?|tabs?|capsules?|caps?|pills?|patch(?:es)?|ml|sprays?|devices?)\b`);

function amountOf(part: string, identity: IdentityLike): { mg: number | null; desc: string; note?: string } | null {
  const mg = MG_AMOUNT.exec(part);
  if (mg) {
    const unit = mg[3]!;
    const factor = MASS[unit] ?? (unit.startsWith('micro') ? 0.001 : unit.startsWith('gram') ? 1000 : 1);
    const value = round(Number(mg[1]) * factor);
    if (mg[2]) return { mg: value, desc: `${fmt(value)} mg`, note: `dose range ${mg[1]}-${mg[2]} ${unit}: the low end is used` };
    return { mg: value, desc: `${fmt(value)} mg` };
  }
  const range = UNIT_RANGE.exec(part);
  if (range) {
    const low = quantityToMg({ value: Number(range[1]), unit: range[3] }, identity);
    const rangeNote = `dose range ${range[1]}-${range[2]} ${range[3]}: the low end is used`;
    return { ...low, note: low.note ? `${low.note}; ${rangeNote}` : rangeNote };
  }
  const u = UNIT_AMOUNT.exec(part);
  if (u) {
    const raw = u[1]!;
    const count = raw.endsWith(' 1/2') ? Number(raw.slice(0, -4)) + 0.5 : numberWord(raw);
    if (!Number.isFinite(count)) return null;
    return quantityToMg({ value: count, unit: u[2] }, identity);
  }
  return null;
}

/** Parses "take 2 tablets by mouth daily", "1 tab bid", "150 mg at bedtime", "half a tablet daily", "100mg qd",
 * "50 mg in the morning and 100 mg at bedtime", "25 mg daily for 1 week then 50 mg daily". */
export function parseDoseText(text: string, identity: MedicationIdentity): TextDose {
  const id = identity as IdentityLike;
  const notes: string[] = [];
  let t = normalize(text);
  const asNeeded = /\b(as needed|prn|p\.r\.n\.?|if needed|when needed)\b/.test(t);
  // Titration: "... then ..." -> the last step is the dose going forward.
  const steps = t.split(/\bthen\b|\bincrease to\b|\bincreasing to\b/);
  if (steps.length > 1) {
    t = ` ${steps[steps.length - 1]!.trim()} `;
    notes.push(`titration in the text ("${text.trim()}"): the last step is used`);
  }
  const parts = t.split(/\band\b|,|;|\+|\bplus\b/).map((p) => ` ${p.trim()} `).filter((p) => p.trim() !== '');
  const amounts = parts.map((p) => ({ part: p, amount: amountOf(p, id), freq: parseFrequency(p) }));
  const withAmount = amounts.filter((a) => a.amount);
  const wholeFreq = parseFrequency(t);
  const empty: TextDose = {
    mgPerDay: null, mgPerAdministration: null, perDay: wholeFreq?.perDay ?? null, intervalDays: null, amountDesc: '',
    freqDesc: wholeFreq?.desc ?? '', basis: '', asNeeded, assumedDaily: false, notes,
  };
  if (withAmount.length === 0) {
    notes.push(`no dose amount found in "${text.trim()}"`);
    return empty;
  }
  const unreadable = withAmount.find((a) => a.amount!.mg === null);
  if (unreadable) {
    if (unreadable.amount!.note) notes.push(unreadable.amount!.note);
    return { ...empty, amountDesc: unreadable.amount!.desc };
  }
  for (const a of withAmount) if (a.amount!.note) notes.push(a.amount!.note);
  if (withAmount.length === 1) {
    const a = withAmount[0]!;
    const freq = a.freq ?? wholeFreq;
    const mgPerAdministration = a.amount!.mg!;
    if (!freq) {
      notes.push('no frequency stated: assumed once daily');
      return {
        mgPerDay: mgPerAdministration, mgPerAdministration, perDay: null, intervalDays: null, amountDesc: a.amount!.desc,
        freqDesc: 'once daily (assumed)', basis: `${a.amount!.desc}, once daily (assumed)`, asNeeded, assumedDaily: true, notes,
      };
    }
    const mgPerDay = round(mgPerAdministration * freq.perDay);
    return {
      mgPerDay, mgPerAdministration, perDay: freq.perDay, intervalDays: freq.perDay < 1 ? round(1 / freq.perDay) : null,
      amountDesc: a.amount!.desc, freqDesc: freq.desc,
      basis: `${a.amount!.desc}, ${freq.desc}${freq.perDay !== 1 ? ` = ${fmt(mgPerDay)} mg/day` : ''}`, asNeeded, assumedDaily: false, notes,
    };
  }
  // Several amounts: parts of one day ("50 mg in the morning and 100 mg at bedtime"), each once unless it says otherwise.
  let total = 0;
  const descs: string[] = [];
  for (const a of withAmount) {
    const perDay = a.freq?.perDay ?? 1;
    total += a.amount!.mg! * perDay;
    descs.push(`${a.amount!.desc} ${a.freq?.desc ?? 'once'}`);
  }
  total = round(total);
  return {
    mgPerDay: total, mgPerAdministration: null, perDay: null, intervalDays: null, amountDesc: descs.join(' + '), freqDesc: '',
    basis: `${descs.join(' + ')} = ${fmt(total)} mg/day`, asNeeded, assumedDaily: false, notes,
  };
}

// ---------------------------------------------------------------------------------------------

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function fmt(n: number): string {
  return String(round(n, 2));
}

function uniq(list: string[]): string[] {
  return [...new Set(list)];
}
