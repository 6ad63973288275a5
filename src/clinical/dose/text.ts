/**
 * Dose from free dosage text ("take 2 tablets by mouth twice daily", Epic-style sigs): amount and frequency read by
 * pattern, with what was assumed.
 */
import type { MedicationIdentity } from '../types';
import { type IdentityLike, MASS, round, fmt, quantityToMg } from './units';

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

export function normalize(text: string): string {
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

export function parseFrequency(text: string): { perDay: number; desc: string } | null {
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
    // A microgram dose reads as written, with its mg ("12.5 mcg (= 0.0125 mg)").
    const desc = factor < 1 ? `${fmt(Number(mg[1]))} mcg (= ${fmt(value)} mg)` : `${fmt(value)} mg`;
    if (mg[2]) return { mg: value, desc, note: `dose range ${mg[1]}-${mg[2]} ${unit}: the low end is used` };
    return { mg: value, desc };
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

const AS_NEEDED = /\b(as needed|prn|p\.r\.n\.?|if needed|when needed)\b/;
/**
 * Every AS_NEEDED phrase contains one of these words, and normalising (lower case, spaces, spelled numbers) joins no
 * letters, so a text without them is not as needed: most dosage texts are answered without being normalised.
 */
const AS_NEEDED_WORD = /needed|prn|p\.r\.n/i;

/** Does the text say the dose is taken as needed (PRN)? The same reading as parseDoseText's `asNeeded`. */
export function saysAsNeeded(text: string): boolean {
  return AS_NEEDED_WORD.test(text) && AS_NEEDED.test(normalize(text));
}

/** Parses "take 2 tablets by mouth daily", "1 tab bid", "150 mg at bedtime", "half a tablet daily", "100mg qd",
 * "50 mg in the morning and 100 mg at bedtime", "25 mg daily for 1 week then 50 mg daily". */
export function parseDoseText(text: string, identity: MedicationIdentity): TextDose {
  const id = identity as IdentityLike;
  const notes: string[] = [];
  let t = normalize(text);
  const asNeeded = AS_NEEDED.test(t);
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
