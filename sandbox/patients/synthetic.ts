/**
 * Seeded synthetic patients of any size: a coherent recurrent-depression history with depressive
 * episodes (Conditions with onset/abatement), sequential antidepressant trials (MedicationRequests per dose step with
 * their dispenses), medication-reconciliation MedicationStatements restating the current prescription at visits,
 * PHQ-9 scores that fall when a trial works and stay high when it fails, and blood pressures.
 *
 * Pure: no I/O, no Math.random, no clock: the same options and `today` give the same resources.
 */
import type { Bundle, Resource } from 'fhir/r4';
import { DX, RecordBuilder, transaction } from './fhir';
import type { ProductKey } from './demo-products';
import { firstUsApproval } from '../../src/clinical/terminology/history-codes';

export interface SyntheticOptions {
  /** Patient id (also the prefix of every resource id). */
  id: string;
  today: Date;
  /** Length of the psychiatric history in years. */
  years: number;
  /** Number of medication trials. */
  trials: number;
  /** Number of PHQ-9 scores. */
  scores: number;
  /** Number of MedicationStatements (reconciliation entries restating current medication). */
  statements: number;
  seed: number;
  /** Fixed name (and gender) instead of a generated one. */
  name?: { given: string; family: string; gender: 'female' | 'male' };
}

/** A typical outpatient with a few years of treatment: the "1x" record of the benchmark and population mode. */
export const TYPICAL: Omit<SyntheticOptions, 'id' | 'today' | 'seed'> = { years: 3, trials: 3, scores: 12, statements: 6 };

/** mulberry32: tiny, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Agents with a low (below the ATRQ minimum) and an adequate dose, as product + units per day. */
const AGENTS: Array<{ ingredient: string; low: [ProductKey, number]; adequate: [ProductKey, number] }> = [
  { ingredient: 'sertraline', low: ['sertraline25', 1], adequate: ['sertraline100', 1] },
  { ingredient: 'escitalopram', low: ['escitalopram10', 0.5], adequate: ['escitalopram20', 1] },
  { ingredient: 'citalopram', low: ['citalopram10', 1], adequate: ['citalopram20', 1] },
  { ingredient: 'fluoxetine', low: ['fluoxetine20', 0.5], adequate: ['fluoxetine40', 1] },
  { ingredient: 'paroxetine', low: ['paroxetine20', 0.5], adequate: ['paroxetine40', 1] },
  { ingredient: 'venlafaxine', low: ['venlafaxine75', 1], adequate: ['venlafaxine150', 1] },
  { ingredient: 'duloxetine', low: ['duloxetine30', 1], adequate: ['duloxetine60', 1] },
  { ingredient: 'bupropion', low: ['bupropion150', 1], adequate: ['bupropion300', 1] },
  { ingredient: 'mirtazapine', low: ['mirtazapine15', 0.5], adequate: ['mirtazapine30', 1] },
  { ingredient: 'nortriptyline', low: ['nortriptyline25', 1], adequate: ['nortriptyline50', 2] },
  { ingredient: 'amitriptyline', low: ['amitriptyline50', 1], adequate: ['amitriptyline50', 3] },
  { ingredient: 'trazodone', low: ['trazodone50', 2], adequate: ['trazodone50', 6] },
  { ingredient: 'vortioxetine', low: ['vortioxetine10', 0.5], adequate: ['vortioxetine10', 2] },
];

/**
 * Whether an agent was on the US market in the year `daysAgo` days before `today` (the engine's table of first US
 * approval years; nortriptyline, amitriptyline and trazodone, approved long before any generated history, have no row).
 */
function approvedAt(agent: (typeof AGENTS)[number], today: Date, daysAgo: number): boolean {
  const approval = firstUsApproval(agent.ingredient);
  if (!approval) return true;
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(midnight - daysAgo * 86_400_000).getUTCFullYear() >= approval.year;
}

interface PlannedTrial {
  start: number; // days ago
  days: number;
  ongoing: boolean;
  agent: (typeof AGENTS)[number];
  adequateDose: boolean;
  responds: boolean;
  poorAdherence: boolean;
}

export function generatePatientResources(o: SyntheticOptions): Resource[] {
  const rnd = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const b = new RecordBuilder(o.today, o.id);
  const historyDays = Math.max(60, Math.round(o.years * 365));
  const female = o.name ? o.name.gender === 'female' : rnd() < 0.6;
  const given = pick(female ? ['Anna', 'Julia', 'Sara', 'Laura', 'Nina'] : ['Paul', 'Jonas', 'Mark', 'Leo', 'Omar']);
  const family = pick(['Synth', 'Example', 'Testa', 'Modell', 'Sample']);
  b.patient({
    given: [o.name?.given ?? given],
    family: o.name?.family ?? family,
    gender: female ? 'female' : 'male',
    ageYears: Math.min(95, 20 + o.years + between(0, 25)),
  });

  // Episodes: one per ~4 trials; the last one is current (no abatement).
  const trialCount = Math.max(0, o.trials);
  const episodeCount = Math.max(1, Math.round(trialCount / 4));
  const span = historyDays / episodeCount;
  const trials: PlannedTrial[] = [];
  const episodes: Array<{ onset: number; abatement: number | null }> = [];
  let assigned = 0;
  let previousAgent: (typeof AGENTS)[number] | null = null;
  // The agent drawn for the last trial, before any replacement: the draws compare with it, so a replacement changes no
  // later draw.
  let previousDraw: (typeof AGENTS)[number] | null = null;
  const nextAgent = (start: number) => {
    // A switch goes to a different agent (the same one again would just continue the trial).
    let agent = pick(AGENTS);
    for (let tries = 0; agent === previousDraw && tries < 8; tries++) agent = pick(AGENTS);
    const replacedBefore = previousAgent !== previousDraw;
    previousDraw = agent;
    // A trial is never dated before its drug existed: an agent not yet approved then gives way to the next one in the
    // list that was (and that differs from the last trial's), without another draw, so every other record stays as
    // the seed made it.
    if (!approvedAt(agent, o.today, start) || (replacedBefore && agent === previousAgent)) {
      let k = AGENTS.indexOf(agent);
      do {
        k = (k + 1) % AGENTS.length;
        agent = AGENTS[k]!;
      } while (!approvedAt(agent, o.today, start) || agent === previousAgent);
    }
    previousAgent = agent;
    return agent;
  };
  for (let e = 0; e < episodeCount; e++) {
    const current = e === episodeCount - 1;
    const onset = Math.round(historyDays - e * span);
    const inEpisode = current ? trialCount - assigned : Math.floor(trialCount / episodeCount);
    assigned += inEpisode;
    // Trials follow one another (switch within two weeks); scaled down when the episode is too short for them.
    const durations = Array.from({ length: inEpisode }, () => between(28, 140));
    const gaps = Array.from({ length: inEpisode }, () => between(0, 14));
    const window = current ? onset - 7 : Math.floor(span * 0.7);
    const total = durations.reduce((a, x) => a + x, 0) + gaps.reduce((a, x) => a + x, 0);
    const scale = total > window ? window / total : 1;
    const days = durations.map((x) => Math.max(7, Math.floor(x * scale)));
    const gap = gaps.map((x) => Math.floor(x * scale));
    // Past episodes: treatment starts a week after onset. Current episode: the last trial is running today.
    const starts: number[] = new Array<number>(inEpisode).fill(0);
    if (current) {
      let cursor = 0;
      for (let t = inEpisode - 1; t >= 0; t--) {
        starts[t] = cursor + days[t]!;
        cursor = starts[t]! + gap[t]!;
      }
    } else {
      let cursor = onset - 7;
      for (let t = 0; t < inEpisode; t++) {
        starts[t] = cursor;
        cursor = cursor - days[t]! - gap[t]!;
      }
    }
    for (let t = 0; t < inEpisode; t++) {
      const lastOfEpisode = t === inEpisode - 1;
      trials.push({
        start: starts[t]!,
        days: days[t]!,
        ongoing: current && lastOfEpisode,
        agent: nextAgent(starts[t]!),
        adequateDose: rnd() < 0.8,
        // Past episodes end with a response; earlier trials mostly fail.
        responds: !current && lastOfEpisode ? true : rnd() < 0.15,
        poorAdherence: rnd() < 0.15,
      });
    }
    const lastTrial = trials[trials.length - 1];
    const lastEnd = lastTrial && inEpisode > 0 ? lastTrial.start - lastTrial.days : Math.round(onset - span * 0.7);
    const abatement = current ? null : Math.max(0, lastEnd - Math.min(between(14, 60), Math.floor(span * 0.25)));
    episodes.push({ onset, abatement });
    const code = current ? DX.mddRecurrentSevere : DX.mddRecurrentFullRemission;
    b.condition(`episode-${e + 1}`, {
      ...code,
      text: current ? 'Major depressive disorder, recurrent, severe' : 'Major depressive disorder, recurrent (episode resolved)',
      onset,
      ...(abatement !== null ? { abatement } : {}),
    });
  }

  trials.forEach((t, n) => {
    const [product, perDay] = t.adequateDose ? t.agent.adequate : t.agent.low;
    const running = t.ongoing;
    // Whole fills that end on the trial's last day, so refills (supply x fills) never run into the next agent.
    const fillDays = running ? 30 : Math.max(7, Math.floor(t.days / Math.ceil(t.days / 30)));
    if (!running) t.days = fillDays * Math.ceil(t.days / 30);
    const steps = [{ product, perDay, days: running ? null : t.days }];
    const fills: number[] = [];
    const end = running ? 0 : t.start - t.days;
    for (let d = t.start; d > end; d -= fillDays) {
      if (t.poorAdherence && rnd() < 0.45) continue;
      fills.push(d);
    }
    b.course(`trial-${n + 1}`, {
      start: t.start,
      steps,
      fillDays,
      dispenses: fills,
      ...(running ? {} : { stopReason: t.responds ? 'Remitted; maintenance completed' : 'Insufficient response' }),
    });
  });

  // Reconciliation statements: spread over the trials, restating the prescription at visits.
  const statementTrials = trials.length > 0 ? trials : [];
  const perTrial = Math.ceil(o.statements / Math.max(1, statementTrials.length));
  for (let s = 0; s < o.statements && statementTrials.length > 0; s++) {
    const t = statementTrials[s % statementTrials.length]!;
    const visit = Math.floor(s / statementTrials.length);
    const [product, perDay] = t.adequateDose ? t.agent.adequate : t.agent.low;
    const span = t.ongoing ? t.start : t.days;
    b.statement(`trial-${(s % statementTrials.length) + 1}-statement-${visit + 1}`, {
      product,
      perDay,
      start: t.start,
      ...(t.ongoing ? {} : { end: t.start - t.days }),
      style: s % 3 === 0 ? 'mg' : 'units',
      // Recorded at successive visits during the trial.
      asserted: Math.max(0, Math.round(t.start - ((visit + 1) * span) / (perTrial + 1))),
    });
  }

  // PHQ-9 scores over the whole history: high in episodes, falling during a responding trial, low in remission.
  const scoreDays = new Set<number>();
  for (let k = 0; k < o.scores; k++) {
    const d = Math.max(0, Math.round(historyDays - (k + 0.5) * (historyDays / Math.max(1, o.scores))));
    if (scoreDays.has(d)) continue;
    scoreDays.add(d);
    const inTrial = trials.find((t) => d <= t.start && d >= t.start - t.days);
    const inEpisode = episodes.some((e) => d <= e.onset && (e.abatement === null || d >= e.abatement));
    let value: number;
    if (inTrial && inTrial.responds) {
      const progress = Math.min(1, (inTrial.start - d) / Math.max(1, inTrial.days));
      value = Math.round(20 - 16 * progress) + between(-1, 1);
    } else if (inEpisode) {
      value = between(16, 23);
    } else {
      value = between(1, 6);
    }
    b.score('phq9', d, Math.max(0, Math.min(27, value)));
  }

  // A blood pressure about once a year.
  for (let y = 0; y < Math.min(o.years, 60); y++) {
    const d = Math.round(y * 365 + 11);
    if (d > historyDays) break;
    b.bloodPressure(d, between(112, 138), between(70, 88));
  }
  return b.resources;
}

export function generatePatient(o: SyntheticOptions): Bundle {
  return transaction(generatePatientResources(o));
}
