/**
 * Trials: medication events of one ingredient merged into trials. A gap longer than the permissible gap
 * (PERMISSIBLE_GAPS: a re-order may follow its order's supply by more than fills or statements may) starts a new
 * trial. The dose over time is the dose of the most recently started record covering
 * each day (a later statement or prescription supersedes an earlier one); short gaps inside a trial keep the
 * previous dose. Near-linear: events are grouped by ingredient and swept once in date order.
 */
import type { EventKind, MedicationEvent } from '../events';
import { type Day, isoDate, yearOf } from '../dates';
import { firstUsApproval } from '../terminology/history-codes';
import { DEFAULT_SUPPLY_DAYS, MIN_ADHERENCE_PDC, PERMISSIBLE_GAPS, type PermissibleGap, SUSTAINED_DOSE_DAYS, TRIAL_GAP_DAYS } from '../engine-rules';
import { compareCodeUnits } from '../sorted';
import { ASSUMED_SUPPLY_WORDS, SUPPLY_DATED_END } from '../vocabulary';
import type { DoseRange, DrugClass } from '../types';

/** A dose stretch in day numbers (inclusive). */
export interface DaySegment {
  start: Day;
  end: Day;
  doseMg: number | null;
  basis: string;
  source: string;
}

/** The engine's working form of a trial; converted to the contract's Trial at the end. */
export interface TrialDraft {
  id: string;
  ingredient: string;
  drugClass: DrugClass;
  start: Day;
  /** Last day covered (asOf when ongoing). */
  end: Day;
  ongoing: boolean;
  /** Every record of the trial ended without saying when: its length is unknown, not short. */
  durationUnknown: boolean;
  /**
   * The trial's first record is dated before the year its drug was first approved in the US: that start is no usable
   * start (R.startBeforeApproval). Null when the first record is dated in or after the approval year (or no year is known).
   */
  startBeforeApproval: StartBeforeApproval | null;
  /**
   * A trial of orders only (no dispense or statement) whose orders' supplies cover less of it than the adherence
   * threshold (R.orderCoverage): the days between them were taken as covered, and adherence is uncertain. Else null.
   */
  orderCoverage: OrderCoverage | null;
  events: MedicationEvent[];
  segments: DaySegment[];
  maxSustainedDoseMg: number | null;
  /** The lowest and highest known doses of any stretch (mg/day); null when no dose is known. */
  doseRange: DoseRange | null;
  /** Days at or above maxSustainedDoseMg (0 when it is unknown). */
  daysAtMaxSustainedDose: number;
  notes: string[];
}

/** A trial recorded from before its drug's first US approval: from when its duration can be counted, and which records predate it. */
export interface StartBeforeApproval {
  approvalYear: number;
  /** The start of its first record dated in or after the approval year; null when it has none (the duration is unknown). */
  countedFrom: Day | null;
  /** The records dated before the approval year. */
  sources: string[];
}

/** How much of a trial of orders only its orders' supplies cover (stated, or the assumed default), with the gaps they leave. */
export interface OrderCoverage {
  /** Proportion of the trial's days covered (0-1). */
  pdc: number;
  /** The shortest and longest stretch of days no order's supply covers. */
  gapMin: number;
  gapMax: number;
  orders: number;
  /** How many of the orders state no supply (each assumed DEFAULT_SUPPLY_DAYS). */
  assumedSupplies: number;
  sources: string[];
}

export function buildTrials(events: MedicationEvent[]): TrialDraft[] {
  const byIngredient = new Map<string, MedicationEvent[]>();
  for (const e of events) {
    const list = byIngredient.get(e.ingredient);
    if (list) list.push(e);
    else byIngredient.set(e.ingredient, [e]);
  }
  const trials: TrialDraft[] = [];
  for (const [ingredient, list] of byIngredient) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    let cluster: MedicationEvent[] = [];
    let continuations: Continuation[] = [];
    // The record of each kind whose supply ends last in the trial so far: the permissible gap depends on the kinds.
    let lastEnding = new Map<EventKind, MedicationEvent>();
    let clusterEnd = -Infinity;
    for (const e of list) {
      // Within TRIAL_GAP_DAYS of the trial's last supplied day the record continues it; only a longer gap needs the
      // permissible gaps of the kinds.
      if (cluster.length > 0 && e.start > clusterEnd + TRIAL_GAP_DAYS) {
        const via = continuationOverGap(lastEnding, e);
        if (via) continuations.push(via);
        else {
          trials.push(makeTrial(ingredient, cluster, continuations));
          cluster = [];
          continuations = [];
          lastEnding = new Map();
          clusterEnd = -Infinity;
        }
      }
      cluster.push(e);
      if (e.end > clusterEnd) clusterEnd = e.end;
      const last = lastEnding.get(e.kind);
      if (!last || e.end > last.end) lastEnding.set(e.kind, e);
    }
    if (cluster.length > 0) trials.push(makeTrial(ingredient, cluster, continuations));
  }
  trials.sort((a, b) => a.start - b.start || compareCodeUnits(a.ingredient, b.ingredient));
  // Ids must be unique even if one agent had two trials starting the same day (cannot happen after merging, but cheap).
  const seen = new Set<string>();
  for (const t of trials) {
    let id = t.id;
    for (let n = 2; seen.has(id); n++) id = `${t.id}#${n}`;
    t.id = id;
    seen.add(id);
  }
  return trials;
}

/** The permissible gap after a record of kind `earlier` before one of kind `later`: the first matching row. */
function permissibleGap(earlier: EventKind, later: EventKind): PermissibleGap {
  for (const g of PERMISSIBLE_GAPS) if ((g.earlier === 'any' || g.earlier === earlier) && (g.later === 'any' || g.later === later)) return g;
  return PERMISSIBLE_GAPS[PERMISSIBLE_GAPS.length - 1]!;
}

/** A re-order that continues a trial over a gap longer than TRIAL_GAP_DAYS: the record, the one before it, the gap. */
interface Continuation {
  later: MedicationEvent;
  earlier: MedicationEvent;
  /** Days from the last day the earlier record supplies to the later record's start (the interval Burton 2012 measures). */
  days: number;
  gap: PermissibleGap;
}

/**
 * How `e`, starting more than TRIAL_GAP_DAYS after the trial's last supplied day, still continues the trial whose
 * latest-ending records of each kind are `lastEnding`: within the permissible gap after one of them (the nearest);
 * null when it starts a new trial.
 */
function continuationOverGap(lastEnding: Map<EventKind, MedicationEvent>, e: MedicationEvent): Continuation | null {
  let nearest: Continuation | null = null;
  for (const [kind, earlier] of lastEnding) {
    const gap = permissibleGap(kind, e.kind);
    const days = e.start - earlier.end;
    if (e.start <= earlier.end + gap.days && (!nearest || days < nearest.days)) nearest = { later: e, earlier, days, gap };
  }
  return nearest;
}

/**
 * What a trial continued over re-order gaps assumes, in one note: which re-orders came after their order's supply ran
 * out, how many days in all are taken as covered though no record covers them, and whether the supplies themselves
 * were assumed.
 */
function continuationNote(ingredient: string, continuations: Continuation[]): string {
  const permissible = Math.max(...continuations.map((c) => c.gap.days));
  const assumedDays = continuations.reduce((sum, c) => sum + c.days - 1, 0);
  const assumedSupply = continuations.filter((c) => c.earlier.supplyAssumed).length;
  if (continuations.length === 1) {
    const c = continuations[0]!;
    const supply = c.earlier.supplyAssumed ? `; that supply is itself assumed (${DEFAULT_SUPPLY_DAYS} days: the order states none)` : '';
    return `re-ordered within the permissible gap: ${c.later.reference} re-orders ${ingredient} ${c.days} days after the last day supplied by ${c.earlier.reference} (${isoDate(c.earlier.end)}), within the permissible ${permissible} days; one continuous trial, the ${c.days - 1} days between assumed taken at the previous dose${supply}`;
  }
  const supplyWords =
    assumedSupply === 0
      ? ''
      : assumedSupply === continuations.length
        ? `; those supplies are themselves assumed (${DEFAULT_SUPPLY_DAYS} days each: the orders state none)`
        : `; ${assumedSupply} of those supplies are themselves assumed (${DEFAULT_SUPPLY_DAYS} days each: those orders state none)`;
  const range = (xs: number[]) => (Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)}-${Math.max(...xs)}`);
  return `re-ordered within the permissible gap: ${continuations.length} re-orders of ${ingredient} (${continuations.map((c) => c.later.reference).join(', ')}) came ${range(continuations.map((c) => c.days))} days after the last day supplied by the order before, within the permissible ${permissible} days; one continuous trial, ${assumedDays} days between supplies assumed taken at the previous dose${supplyWords}`;
}

function makeTrial(ingredient: string, events: MedicationEvent[], continuations: Continuation[]): TrialDraft {
  const start = events[0]!.start;
  let end = start;
  let ongoing = false;
  const notes: string[] = [];
  const said = new Set<string>();
  for (const e of events) {
    end = Math.max(end, e.end);
    if (e.ongoing) ongoing = true;
    for (const n of e.notes) {
      if (said.has(n)) continue;
      said.add(n);
      notes.push(n);
    }
  }
  if (continuations.length > 0) notes.push(continuationNote(ingredient, continuations));
  notes.push(...duplicateNotes(events));
  collapseAssumedSupplyNotes(events, notes);
  collapseSupplyNotes(notes);
  const segments = doseSegments(events, start, end);
  const drugClass = events[0]!.drugClass;
  const maxSustainedDoseMg = maxSustainedDose(segments, end);
  return {
    id: `${ingredient}@${isoDate(start)}`,
    ingredient,
    drugClass,
    start,
    end,
    ongoing,
    durationUnknown: !ongoing && events.every((e) => e.endUnknown),
    startBeforeApproval: startBeforeApprovalOf(ingredient, events),
    orderCoverage: orderCoverageOf(events, start, end),
    events,
    segments,
    maxSustainedDoseMg,
    doseRange: doseRangeOf(segments),
    daysAtMaxSustainedDose: maxSustainedDoseMg === null ? 0 : daysAtOrAbove(segments, maxSustainedDoseMg, (mg) => mg),
    notes,
  };
}

/**
 * The days of a trial of orders only that its orders' supplies cover, as a proportion of its days: an order written
 * before the last one's supply ran out starts where that one ends (the usual convention of the proportion of days
 * covered), so no day counts twice. Null when the trial has a dispense or a statement (other evidence of taking), fewer
 * than two orders, or coverage at or above the adherence threshold.
 */
function orderCoverageOf(events: readonly MedicationEvent[], start: Day, end: Day): OrderCoverage | null {
  if (events.length < 2) return null;
  for (const e of events) if (e.kind !== 'request') return null;
  let covered = 0;
  let suppliedUntil = start - 1;
  let gapMin = Infinity;
  let gapMax = 0;
  let assumedSupplies = 0;
  for (const e of events) {
    if (e.supplyAssumed) assumedSupplies++;
    const from = Math.max(e.start, suppliedUntil + 1);
    if (from > suppliedUntil + 1) {
      const gap = from - suppliedUntil - 1;
      if (gap < gapMin) gapMin = gap;
      if (gap > gapMax) gapMax = gap;
    }
    const to = Math.min(from + (e.end - e.start), end);
    if (to >= from) {
      covered += to - from + 1;
      suppliedUntil = to;
    }
  }
  const pdc = covered / (end - start + 1);
  if (pdc >= MIN_ADHERENCE_PDC) return null;
  return { pdc, gapMin, gapMax, orders: events.length, assumedSupplies, sources: events.map((e) => e.reference) };
}

/** Whether the trial's first record (events sorted by start) predates its drug's first US approval, and what follows. */
function startBeforeApprovalOf(ingredient: string, events: readonly MedicationEvent[]): StartBeforeApproval | null {
  const approval = firstUsApproval(ingredient);
  if (!approval || yearOf(events[0]!.start) >= approval.year) return null;
  const sources: string[] = [];
  let countedFrom: Day | null = null;
  for (const e of events) {
    if (yearOf(e.start) < approval.year) sources.push(e.reference);
    else if (countedFrom === null) countedFrom = e.start;
  }
  return { approvalYear: approval.year, countedFrom, sources };
}

/**
 * Two records of the same kind-of-fact (statements and prescriptions; dispenses are separate fills by nature)
 * with the same start day and the same dose are taken as one prescription recorded twice (e.g. by two systems).
 */
function duplicateNotes(events: MedicationEvent[]): string[] {
  // Such records share their start day: without two that do, there is nothing to merge (the common case, decided
  // without building a key per record).
  const starts = new Set<number>();
  let shared = false;
  for (const e of events) {
    if (e.kind === 'dispense') continue;
    if (starts.has(e.start)) {
      shared = true;
      break;
    }
    starts.add(e.start);
  }
  if (!shared) return [];
  const groups = new Map<string, string[]>();
  for (const e of events) {
    if (e.kind === 'dispense') continue;
    const key = `${e.start}|${e.dailyDoseMg ?? '?'}`;
    const g = groups.get(key);
    if (g) g.push(e.reference);
    else groups.set(key, [e.reference]);
  }
  const notes: string[] = [];
  for (const refs of groups.values())
    if (refs.length > 1) notes.push(`duplicate records of the same prescription merged: ${refs.join(', ')}`);
  return notes;
}

/**
 * Several orders of one trial without a stated supply are said once, in place of the first order's note: which orders,
 * whether they were stopped without a stop date, and the supply each is assumed to cover.
 */
function collapseAssumedSupplyNotes(events: MedicationEvent[], notes: string[]): void {
  let count = 0;
  for (const e of events) if (e.assumedSupplyNote !== null) count++;
  if (count < 2) return;
  const assumed = events.filter((e) => e.assumedSupplyNote !== null);
  const own = new Set(assumed.map((e) => e.assumedSupplyNote!));
  const at = notes.findIndex((n) => own.has(n));
  const stopped = assumed.filter((e) => e.assumedSupplyNote!.includes('(stopped;')).length;
  const stopWords = stopped === 0 ? '' : stopped === assumed.length ? ' (all stopped, the stop dates not recorded)' : ` (${stopped} stopped, the stop dates not recorded)`;
  const combined = `no end, supply or quantity in ${assumed.length} orders: ${assumed.map((e) => e.reference).join(', ')}${stopWords}; each ${ASSUMED_SUPPLY_WORDS}`;
  const kept = notes.filter((n) => !own.has(n));
  kept.splice(Math.min(at, kept.length), 0, combined);
  notes.splice(0, notes.length, ...kept);
}

/** One order's supply note: its figures, and the order. */
const SUPPLY = new RegExp(`^(${SUPPLY_DATED_END}: \\d+ days × \\d+ fills) on (\\S+)$`);

/**
 * The same supply stated by several orders of one trial is said once, naming the orders: "end date from the supply
 * prescribed: 90 days × 4 fills on each of MedicationRequest/a, MedicationRequest/b", never the same sentence per order.
 */
function collapseSupplyNotes(notes: string[]): void {
  // Fewer than two supply notes: nothing to collapse (the common case, decided without a match per note).
  let supplyNotes = 0;
  for (const n of notes) if (n.startsWith(SUPPLY_DATED_END)) supplyNotes++;
  if (supplyNotes < 2) return;
  const bySupply = new Map<string, string[]>();
  for (const n of notes) {
    const m = SUPPLY.exec(n);
    if (m) bySupply.set(m[1]!, [...(bySupply.get(m[1]!) ?? []), m[2]!]);
  }
  if ([...bySupply.values()].every((refs) => refs.length < 2)) return;
  const said = new Set<string>();
  const kept: string[] = [];
  for (const n of notes) {
    const m = SUPPLY.exec(n);
    if (!m) kept.push(n);
    else if (!said.has(m[1]!)) {
      said.add(m[1]!);
      const refs = bySupply.get(m[1]!)!;
      kept.push(`${m[1]!} on ${refs.length > 1 ? 'each of ' : ''}${refs.join(', ')}`);
    }
  }
  notes.splice(0, notes.length, ...kept);
}

/** A tiny binary max-heap on event start (latest-started record first), for the dose sweep. */
class LatestStartHeap {
  private items: MedicationEvent[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): MedicationEvent | undefined {
    return this.items[0];
  }
  push(e: MedicationEvent): void {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!later(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): void {
    const a = this.items;
    const last = a.pop();
    if (a.length === 0 || !last) return;
    a[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && later(a[l]!, a[m]!)) m = l;
      if (r < a.length && later(a[r]!, a[m]!)) m = r;
      if (m === i) break;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
  }
}

/** Later start wins; on the same day a statement/prescription (stated dose) beats a dispense. */
function later(a: MedicationEvent, b: MedicationEvent): boolean {
  if (a.start !== b.start) return a.start > b.start;
  return rank(a) > rank(b);
}
function rank(e: MedicationEvent): number {
  return e.kind === 'dispense' ? 0 : e.kind === 'request' ? 1 : 2;
}

/** The dose on each stretch of the trial, merged into runs of equal dose. */
function doseSegments(events: MedicationEvent[], trialStart: Day, trialEnd: Day): DaySegment[] {
  // Events are sorted by start. Boundaries: every start and every end+1 within the trial, in order, each once.
  const dayAfterEnd = trialEnd + 1;
  const points: number[] = trialStart <= dayAfterEnd ? [trialStart, dayAfterEnd] : [];
  for (const e of events) {
    if (e.start >= trialStart && e.start <= dayAfterEnd) points.push(e.start);
    if (e.end + 1 >= trialStart && e.end + 1 <= dayAfterEnd) points.push(e.end + 1);
  }
  points.sort(ascending);
  const known = new LatestStartHeap();
  const unknown = new LatestStartHeap();
  // Stretches of equal dose are merged as they are made: a stretch extends the last segment instead of being one.
  const merged: DaySegment[] = [];
  let last: DaySegment | null = null;
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    if (points[i + 1] === from) continue;
    const to = points[i + 1]! - 1;
    while (next < events.length && events[next]!.start <= from) {
      const e = events[next++]!;
      (e.dailyDoseMg === null ? unknown : known).push(e);
    }
    // Lazy removal of records that ended before this stretch. Heap order is by start, so a record that ended
    // may sit below the top; only the top matters for the decision, and we pop until the top covers `from`.
    while (known.size > 0 && known.peek()!.end < from) known.pop();
    while (unknown.size > 0 && unknown.peek()!.end < from) unknown.pop();
    const k = known.peek();
    const u = unknown.peek();
    // The record whose dose holds on this stretch; on a gap the previous dose is carried over: the last segment
    // extends over it.
    let doseMg: number | null = null;
    let basis: string;
    let source: string;
    // A later dispense without dose instructions does not override a stated dose.
    if (k && (!u || !later(u, k) || u.kind === 'dispense')) {
      doseMg = k.dailyDoseMg;
      basis = k.doseBasis;
      source = k.reference;
    } else if (u) {
      basis = u.doseBasis || 'dose unknown';
      source = u.reference;
    } else if (last) {
      // Equal doses merge (a dose that is not a number never equals itself, and stays a segment of its own).
      if (last.doseMg === last.doseMg) {
        last.end = to;
        continue;
      }
      doseMg = last.doseMg;
      basis = `gap of ${to - from + 1} days without a record (previous dose carried over)`;
      source = last.source;
    } else {
      basis = 'no record covers this stretch';
      source = events[0]!.reference;
    }
    if (last && last.doseMg === doseMg && last.end + 1 === from) last.end = to;
    else merged.push((last = { start: from, end: to, doseMg, basis, source }));
  }
  return merged;
}

const ascending = (a: number, b: number) => a - b;

/**
 * Highest dose held for at least SUSTAINED_DOSE_DAYS in a row, or to the end of the trial (a dose reached at
 * the end and not yet held 4 weeks still counts: the trial is judged on it).
 */
function maxSustainedDose(segments: DaySegment[], trialEnd: Day): number | null {
  const levels = [...new Set(segments.map((s) => s.doseMg).filter((d): d is number => d !== null))].sort((a, b) => b - a);
  for (const level of levels) {
    let runStart: Day | null = null;
    for (const s of segments) {
      if (s.doseMg !== null && s.doseMg >= level) {
        if (runStart === null) runStart = s.start;
        const runDays = s.end - runStart + 1;
        if (runDays >= SUSTAINED_DOSE_DAYS || s.end >= trialEnd) return level;
      } else runStart = null;
    }
  }
  return null;
}

function doseRangeOf(segments: DaySegment[]): DoseRange | null {
  let range: DoseRange | null = null;
  for (const s of segments) {
    if (s.doseMg === null) continue;
    if (range === null) range = { lowestMg: s.doseMg, highestMg: s.doseMg };
    else {
      if (s.doseMg < range.lowestMg) range.lowestMg = s.doseMg;
      if (s.doseMg > range.highestMg) range.highestMg = s.doseMg;
    }
  }
  return range;
}

/** Days (total) at or above a threshold, using each segment's dose mapped by `toComparable` (e.g. CPZ-eq). */
export function daysAtOrAbove(segments: DaySegment[], threshold: number, toComparable: (mg: number) => number | null): number {
  let days = 0;
  for (const s of segments) {
    if (s.doseMg === null) continue;
    const v = toComparable(s.doseMg);
    if (v !== null && v >= threshold) days += s.end - s.start + 1;
  }
  return days;
}

