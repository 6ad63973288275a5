/**
 * Administrations per day from FHIR Timing (frequency, period, codes such as BID) and its words.
 */
import type { Timing } from 'fhir/r4';
import { codingsOf } from '../terminology/systems';
import { parseFrequency, normalize } from './text';
import { round, fmt } from './units';

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

export function timingPerDay(timing: Timing | undefined): { perDay: number | null; desc: string; note?: string } {
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
