/**
 * The safety items: what must lead every view and every note (the strip above the summary, copy-to-note, the printed
 * page and the CarePlan). Pure functions over the derivation; every item names its date and the resources behind it,
 * and what it asks of the clinician. What each item rests on is in strip-rules.ts (SAFETY_RULES), with sources.
 */
import { type Day, isoDate, toDay } from '../dates';
import { PHQ9_MONITORING_DAYS } from '../engine-rules';
import type { ReferenceId } from '../references/registry';
import type { DiagnosisKind, DiagnosisSpan, Finding, InterventionId, SafetyItem, SafetyKind, ScorePoint, Trial } from '../types';
import { PREGNANCY_CURRENT_DAYS, RECENT_SUICIDAL_IDEATION_DAYS } from '../suggestions/catalog';
import { type DerivedRecord, pastDiagnosisFinding } from '../suggestions/context';
import { ACTIVE_CLINICAL_STATUSES } from '../terminology/systems';
import { isTobaccoUse } from '../terminology/history-codes';
import { PREGNANCY_LOSS_CODES } from '../terminology/condition-codes';
import { SUICIDAL_BEHAVIOUR_WORD, timeAfterWords, describeTrialDoses, overdoseHeading, psychotherapyCourseWords } from '../vocabulary';
import { countOf } from '../plain-text';
import {
  ACTIVE_SUBSTANCE_USE_SOURCE,
  ACTIVE_SUBSTANCE_USE_WORDS,
  SUBSTANCE_USE_ALONE_SOURCE,
  SUBSTANCE_USE_ALONE_WORDS,
  CYP1A2_SMOKING_AGENTS,
  TOBACCO_CYP1A2_ACTION,
  TOBACCO_CYP1A2_SOURCE,
  CSSRS_HIGH,
  DATE_LABEL_BY_KIND,
  SUBSTANCE_USE_BEFORE_OPTIONS,
  ITEM9_POSITIVE,
  NOT_OFFERED_BY_KIND,
  notOfferedWords,
  PHQ9_ANSWER_WORDS,
  PERINATAL_AFTER_END_DAYS,
  POSTPARTUM_DAYS,
  PSYCHOTIC_DEPRESSION_ACTION,
  PSYCHOTIC_DEPRESSION_CONDITIONS,
  SAFETY_RULE_BY_KIND,
  SCREEN_SHOWN_DAYS,
  SUICIDALITY_HISTORY_ACTION,
  SUICIDALITY_HISTORY_DAYS,
} from './strip-rules';

export { SAFETY_RULES, SCREEN_POSITIVE } from './strip-rules';

/** Days from `iso` to `asOf` (a day number, read once per derivation); null when either is missing or unreadable. */
function daysBefore(iso: string | null, asOf: Day | null): number | null {
  const a = toDay(iso);
  return a === null || asOf === null ? null : asOf - a;
}

function isActive(d: DiagnosisSpan, asOf: Day | null): boolean {
  if (d.clinicalStatus !== null && !ACTIVE_CLINICAL_STATUSES.has(d.clinicalStatus)) return false;
  const abated = daysBefore(d.abatement, asOf);
  if (abated !== null && abated >= 0) return false;
  return (daysBefore(d.onset, asOf) ?? 0) >= 0;
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : 'date not recorded';
}

function latest<T>(items: T[], dateOf: (t: T) => string | null): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || (dateOf(item) ?? '') > (dateOf(best) ?? '')) best = item;
  return best;
}


/** Words that carry meaning, lower case and without a plural s (to tell whether one text repeats another). */
function meaningfulWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !FILLER_WORDS.has(w)).map((w) => w.replace(/s$/, ''));
}
const FILLER_WORDS = new Set(['the', 'and', 'for', 'with', 'now', 'not', 'from', 'since', 'was', 'has', 'are', 'its']);

/**
 * The record's own name for a diagnosis, in quotes (the record's words, not the app's), only when it tells more than
 * the item's title: "Paranoid schizophrenia" under "Psychotic features" does, "Suicidal ideations" under "Recent
 * suicidal ideation" does not.
 */
function displayBeyond(d: DiagnosisSpan, title: string): string | null {
  const display = d.display.trim();
  const first = meaningfulWords(display)[0];
  if (!display || first === undefined) return null;
  return meaningfulWords(title).includes(first) ? null : `“${display}”`;
}

/** How long, in the unit a clinician would say it in: 5 days, 3 weeks, 7 months, 4 years. */
function spanWords(days: number): string {
  if (days < 14) return countOf(days, 'day');
  if (days < 63) return countOf(Math.floor(days / 7), 'week');
  if (days < 730) return countOf(Math.floor(days / 30.44), 'month');
  return countOf(Math.floor(days / 365), 'year');
}

/** How long before now (or before death) a date was: "15 days ago", "2 years before death". */
function agoWords(iso: string | null, derived: DerivedRecord): string | null {
  const reference = derived.demographics?.deceasedDate ?? derived.asOf;
  const days = daysBefore(iso, toDay(reference));
  if (days === null || days < 0) return null;
  if (days === 0) return derived.demographics?.deceased ? 'on the day of death' : 'today';
  return `${spanWords(days)} ${derived.demographics?.deceased ? 'before death' : 'ago'}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The diagnoses behind an item, as what the title does not already say: the record's own name when it tells more, how
 * long ago the latest began (its date stands beside the title), whether it is still active, and the earlier ones with
 * their dates. Codes are in the linked records, not the prose.
 */
function diagnosesDetail(found: DiagnosisSpan[], title: string, derived: DerivedRecord, still: 'active' | 'event'): string {
  const [last, ...earlier] = found.slice().sort((a, b) => ((b.onset ?? '') < (a.onset ?? '') ? -1 : (b.onset ?? '') > (a.onset ?? '') ? 1 : 0));
  const ago = agoWords(last!.onset, derived);
  const when = still === 'active' ? [ago ? `onset ${ago}` : 'onset date not recorded', 'still active'] : [ago ?? 'date not recorded'];
  const display = displayBeyond(last!, title);
  const latest = display ? `${display}; ${when.join(', ')}` : capitalised(when.join(', '));
  if (!earlier.length) return `${latest}.`;
  const others = earlier.map((d) => {
    const name = displayBeyond(d, title);
    return name ? `${name} on ${day(d.onset)}` : day(d.onset);
  });
  return `${latest}; earlier: ${others.join(', ')}.`;
}

function item(kind: SafetyKind, title: string, detail: string, date: string | null, sources: string[], action?: string, dateLabel?: string): SafetyItem {
  const refs: ReferenceId[] = SAFETY_RULE_BY_KIND[kind].source.refs;
  return {
    kind,
    title,
    detail,
    date: date ? date.slice(0, 10) : null,
    ...(date ? { dateLabel: dateLabel ?? DATE_LABEL_BY_KIND[kind] } : {}),
    ...(action ? { action } : {}),
    sources: [...new Set(sources)],
    references: refs,
  };
}

/** A safety item's title with its date, and what the date is where the item says: "Pregnant, 16 weeks' gestation (onset recorded 2026-08-02)". */
export function safetyItemHeading(i: SafetyItem): string {
  return `${i.title}${i.date ? ` (${i.dateLabel ? `${i.dateLabel} ` : ''}${i.date})` : ''}`;
}

/** One safety item as a line of plain text (the note, the plan, the letter): heading, what the record shows, what it asks for. */
export function safetyItemText(i: SafetyItem): string {
  return `${safetyItemHeading(i)}: ${i.detail}${i.action ? ` ${i.action}` : ''}`;
}

/** An option the clinician proposes although the record rules it out, with the reason they wrote. */
export interface OverriddenOption {
  option: InterventionId;
  reason: string;
}

/**
 * What a safety item asks for, when the clinician proposes an option the item keeps from being offered: the option
 * leaves the "not offered" list and is named with the written reason instead, so the line never says "not offered"
 * of an option the same plan proposes.
 */
function safetyActionGiven(i: SafetyItem, overridden: readonly OverriddenOption[]): string | undefined {
  const rows = NOT_OFFERED_BY_KIND[i.kind];
  const chosen = rows ? rows.options.filter((o) => overridden.some((x) => x.option === o.option)) : [];
  if (!i.action || !rows || chosen.length === 0) return i.action;
  const all = notOfferedWords(i.kind)!;
  const rest = notOfferedWords(i.kind, chosen.map((o) => o.option));
  // The written reason is given once, with the option it overrides; the safety line only says the override exists.
  const proposed = chosen.map((o) => `${o.words}: contraindicated ${rows.blockedBy}, proposed by the clinician as an override (reason given with the option)`);
  const words = [...(rest ? [rest] : []), ...proposed].join('; ');
  return i.action.replace(capitalised(all), capitalised(words)).replace(all, words);
}

/** A safety item as a line of plain text, with the options the clinician proposes against it said as such (see safetyActionGiven). */
export function safetyItemTextGiven(i: SafetyItem, overridden: readonly OverriddenOption[]): string {
  const action = safetyActionGiven(i, overridden);
  return `${safetyItemHeading(i)}: ${i.detail}${action ? ` ${action}` : ''}`;
}

/** Suicidality: coded behaviour at any date, coded ideation while active, the latest positive screen and C-SSRS. */
/** A screen recent enough for the strip to show it (SCREEN_SHOWN_DAYS). */
function shownAsRecent(s: ScorePoint, asOf: Day | null): boolean {
  const age = daysBefore(s.date, asOf);
  return age !== null && age >= 0 && age <= SCREEN_SHOWN_DAYS;
}

/** Suicidal behaviour coded at any date, each kind with how its item is headed. */
const SUICIDAL_BEHAVIOUR: readonly [SafetyKind, (found: DiagnosisSpan[]) => string][] = [
  ['suicide-attempt', () => 'Suicide attempt'],
  // An overdose is headed by the intent its code states (T43.212A: intentional self-harm).
  ['overdose', overdoseHeading],
  ['self-harm', () => 'Self-harm'],
];

/** The latest C-SSRS the strip shows, with what follows from it. */
interface LatestCssrs {
  score: ScorePoint | undefined;
  /** Whether the C-SSRS has a line of its own on the strip. */
  shown: boolean;
  action: string | undefined;
}

/**
 * What an item asks for: a risk assessment while none is recorded since its date; once a C-SSRS followed, that
 * assessment's action, given on the C-SSRS's line (referred to here), so the strip neither asks for an assessment it
 * shows nor says the same action twice.
 */
function askOrFollowUp(cssrs: LatestCssrs, since: string | null, ask: string): string {
  const latestCssrs = cssrs.score;
  if (!latestCssrs || since === null || latestCssrs.date.slice(0, 10) < since.slice(0, 10)) return ask;
  const assessed = `Assessed by the C-SSRS of ${day(latestCssrs.date)} (${latestCssrs.value}${latestCssrs.value >= CSSRS_HIGH ? ', high risk' : ', below high risk'})`;
  return cssrs.shown ? `${assessed}: see its action.` : `${assessed}: ${cssrs.action!.charAt(0).toLowerCase()}${cssrs.action!.slice(1)}`;
}

function suicidality(derived: DerivedRecord, asOf: Day | null, out: SafetyItem[]): void {
  const { diagnoses, scores } = derived;
  const recentCssrs: ScorePoint[] = [];
  const item9: ScorePoint[] = [];
  for (const s of scores) {
    if (s.instrument === 'cssrs' && shownAsRecent(s, asOf)) recentCssrs.push(s);
    else if (s.instrument === 'phq9-item9' && shownAsRecent(s, asOf)) item9.push(s);
  }
  const latestCssrs = latest(recentCssrs, (s) => s.date);
  // A positive answer leads the strip while it is the latest answer, or for 30 days after it (a later 0 then says so).
  const lastItem9 = latest(item9, (s) => s.date);
  const positive = latest(
    item9.filter((s) => s.value >= ITEM9_POSITIVE && (s === lastItem9 || (daysBefore(s.date, asOf) ?? Infinity) <= RECENT_SUICIDAL_IDEATION_DAYS)),
    (s) => s.date,
  );
  // What follows from the latest C-SSRS: said once, on the C-SSRS's own line when the strip shows it.
  const cssrsAction = latestCssrs
    ? latestCssrs.value >= CSSRS_HIGH
      ? 'Same-day safety assessment and safety plan; decide on the level of care now.'
      : 'Agree or review a safety plan and reassess at each visit.'
    : undefined;
  const cssrsShown = latestCssrs !== undefined && (positive !== undefined || latestCssrs.value >= 1);
  const cssrsFollowUp: LatestCssrs = { score: latestCssrs, shown: cssrsShown, action: cssrsAction };
  for (const [kind, heading] of SUICIDAL_BEHAVIOUR) {
    const found = diagnoses.filter((d) => d.kind === kind && (daysBefore(d.onset, asOf) ?? 0) >= 0);
    if (!found.length) continue;
    const title = heading(found);
    const last = latest(found, (d) => d.onset)!;
    const perinatal = duringPregnancy(found, kind, diagnoses, asOf);
    out.push(
      item(
        kind,
        title,
        `${diagnosesDetail(found, title, derived, 'event')}${perinatal ? ` ${perinatal.text}` : ''}`,
        last.onset,
        [...found.map((d) => d.source), ...(perinatal?.sources ?? [])],
        askOrFollowUp(cssrsFollowUp, last.onset, 'Ask about current suicidal thoughts and plans; record a risk assessment (C-SSRS).'),
      ),
    );
  }
  const ideation = diagnoses.filter((d) => d.kind === 'suicidal-ideation' && isActive(d, asOf));
  if (ideation.length) {
    const last = latest(ideation, (d) => d.onset)!;
    const age = daysBefore(last.onset, asOf);
    const acute = age !== null && age <= RECENT_SUICIDAL_IDEATION_DAYS;
    const title = acute ? 'Recent suicidal ideation' : 'Suicidal ideation';
    out.push(item('suicidal-ideation', title, diagnosesDetail(ideation, title, derived, 'active'), last.onset, ideation.map((d) => d.source), askOrFollowUp(cssrsFollowUp, last.onset, 'Assess suicide risk now and record it (C-SSRS); agree a safety plan.')));
  }
  const cssrs = latestCssrs;
  if (positive) {
    const last = latest(item9, (s) => s.date)!;
    const later = last !== positive ? ` The latest answer is ${last.value} on ${day(last.date)}.` : '';
    const answer = PHQ9_ANSWER_WORDS[positive.value];
    const assessed = cssrs && cssrs.date >= positive.date;
    const followed = assessed ? ` A risk assessment (C-SSRS) followed on ${day(cssrs.date)}.` : '';
    out.push(
      item(
        'suicidality-screen',
        `PHQ-9 item 9 = ${positive.value}, thoughts of death or self-harm`,
        `${answer ? `“${capitalised(answer)}” over the last 2 weeks (${positive.value} of 3)` : `${positive.value} of 3`}: a positive screen.${later}${followed}`,
        positive.date,
        [positive.source, ...(last !== positive ? [last.source] : [])],
        assessed ? undefined : 'Assess suicide risk and record it (C-SSRS): no risk assessment is recorded since this screen.',
      ),
    );
  }
  if (!positive) item9History(derived, item9All(scores), latestCssrs, out);
  if (!ideation.length) ideationHistory(derived, latestCssrs, out);
  if (cssrs && cssrsShown) {
    const high = cssrs.value >= CSSRS_HIGH;
    out.push(
      item(
        'suicide-risk-assessment',
        `C-SSRS ${cssrs.value}${high ? ', high risk' : ''}`,
        `Columbia Suicide Severity Rating Scale${high ? ': ideation with intent or plan, or recent behaviour' : `, below the level of intent, plan or recent behaviour (${CSSRS_HIGH})`}.`,
        cssrs.date,
        [cssrs.source],
        cssrsAction,
      ),
    );
  }
}

/**
 * Suicidal behaviour dated inside a recorded pregnancy (onset to abatement; without an abatement, the window a pregnancy
 * code stays current), or within PERINATAL_AFTER_END_DAYS after a pregnancy ended (its recorded abatement, or a
 * pregnancy loss's date): "Perinatal: overdose 2018-12-27 during pregnancy (Normal pregnancy 2018-10-25 to 2019-05-09)",
 * "overdose 2020-08-12, 6 weeks after a pregnancy ended (Normal pregnancy 2020-06-11 to 2020-07-02)".
 */
function duringPregnancy(events: DiagnosisSpan[], kind: SafetyKind, diagnoses: readonly DiagnosisSpan[], asOf: Day | null): Finding | null {
  const pregnancies = diagnoses.flatMap((d) => {
    const start = d.kind === 'pregnancy' && !isGestationWeeksCode(d) ? toDay(d.onset) : null;
    if (start === null) return [];
    const end = toDay(d.abatement) ?? Math.min(start + PREGNANCY_CURRENT_DAYS, asOf ?? Infinity);
    return [{ d, start, end }];
  });
  // Only a recorded end counts: a pregnancy without an abatement has no known end to count the year from.
  const ends = [
    ...pregnancies.flatMap((p) => {
      const end = toDay(p.d.abatement);
      return end === null ? [] : [{ end, words: `${p.d.display} ${day(p.d.onset)} to ${day(p.d.abatement)}`, source: p.d.source }];
    }),
    ...diagnoses.flatMap((d) => {
      const end = isPregnancyLoss(d) ? toDay(d.onset) : null;
      return end === null ? [] : [{ end, words: `${d.display} ${day(d.onset)}`, source: d.source }];
    }),
  ];
  if (!pregnancies.length && !ends.length) return null;
  const parts: string[] = [];
  const sources: string[] = [];
  const word = SUICIDAL_BEHAVIOUR_WORD[kind] ?? kind;
  for (const e of events.slice().sort((a, b) => ((a.onset ?? '') < (b.onset ?? '') ? -1 : 1))) {
    const on = toDay(e.onset);
    if (on === null) continue;
    const p = pregnancies.find((x) => x.start <= on && on <= x.end);
    if (p) {
      parts.push(`${word} ${day(e.onset)} during pregnancy (${p.d.display} ${day(p.d.onset)} to ${p.d.abatement ? day(p.d.abatement) : 'end not recorded'})`);
      sources.push(p.d.source);
      continue;
    }
    const after = ends.filter((x) => x.end < on && on - x.end <= PERINATAL_AFTER_END_DAYS).sort((a, b) => b.end - a.end)[0];
    if (!after) continue;
    parts.push(`${word} ${day(e.onset)}, ${timeAfterWords(on - after.end)} after a pregnancy ended (${after.words})`);
    sources.push(after.source);
  }
  return parts.length ? { text: `Perinatal: ${parts.join('; ')}.`, sources } : null;
}

/** "once", "twice", "3 times". */
function timesWords(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

function item9All(scores: readonly ScorePoint[]): ScorePoint[] {
  return scores.filter((s) => s.instrument === 'phq9-item9');
}

/**
 * Since when a date counts as earlier in the current episode (SUICIDALITY_HISTORY_DAYS, and not before the earliest
 * current episode began), or null with no current episode.
 */
function historySince(derived: DerivedRecord): string | null {
  const current = derived.episodes.filter((e) => e.current);
  if (!current.length) return null;
  const asOfDay = toDay(derived.asOf);
  if (asOfDay === null) return null;
  const windowStart = isoDate(asOfDay - SUICIDALITY_HISTORY_DAYS);
  const starts = current.map((e) => e.start?.slice(0, 10) ?? windowStart);
  const episodeStart = starts.reduce((a, b) => (a < b ? a : b));
  return episodeStart > windowStart ? episodeStart : windowStart;
}

/** A C-SSRS recorded on or after a date, said as such ("A risk assessment (C-SSRS) followed on 2026-10-01 (0)."). */
function cssrsSinceWords(cssrs: ScorePoint | undefined, since: string | null): string {
  return cssrs && since !== null && cssrs.date.slice(0, 10) >= since.slice(0, 10) ? ` A risk assessment (C-SSRS) followed on ${day(cssrs.date)} (${cssrs.value}).` : '';
}

/**
 * Positive item 9 answers earlier in the current episode (SUICIDALITY_HISTORY_DAYS), none current any more: history,
 * apart from a current positive. Every answer after the last positive one is below the cut-off (else it would be current).
 */
function item9History(derived: DerivedRecord, item9: readonly ScorePoint[], cssrs: ScorePoint | undefined, out: SafetyItem[]): void {
  // Most records have no positive answer at all: no episode to date it in.
  if (!item9.some((s) => s.value >= ITEM9_POSITIVE)) return;
  const since = historySince(derived);
  if (since === null) return;
  const asOfDay = derived.asOf.slice(0, 10);
  const inEpisode = item9.filter((s) => s.date.slice(0, 10) >= since && s.date.slice(0, 10) <= asOfDay);
  const positives = inEpisode.filter((s) => s.value >= ITEM9_POSITIVE);
  const last = latest(positives, (s) => s.date);
  if (!last) return;
  const after = inEpisode.filter((s) => s.date > last.date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!after.length) return;
  const latestAnswer = after.at(-1)!;
  const count = after.length === 1 ? '1 answer' : `${after.length} answers, the latest on ${day(latestAnswer.date)}`;
  out.push(
    item(
      'suicidality-history',
      `PHQ-9 item 9 positive ${timesWords(positives.length)} earlier in this episode`,
      `${after.map((s) => s.value).every((v) => v === 0) ? '0' : `below ${ITEM9_POSITIVE}`} since ${day(after[0]!.date)} (${count}).${cssrsSinceWords(cssrs, last.date)}`,
      last.date,
      [...positives.map((s) => s.source), latestAnswer.source],
      SUICIDALITY_HISTORY_ACTION,
    ),
  );
}

/** Coded suicidal ideation earlier in the current episode (SUICIDALITY_HISTORY_DAYS), no longer active: history. */
function ideationHistory(derived: DerivedRecord, cssrs: ScorePoint | undefined, out: SafetyItem[]): void {
  // Most records have no coded ideation at all: no episode to date it in.
  if (!derived.diagnoses.some((d) => d.kind === 'suicidal-ideation')) return;
  const since = historySince(derived);
  if (since === null) return;
  const asOfDay = derived.asOf.slice(0, 10);
  const past = derived.diagnoses.filter((d) => d.kind === 'suicidal-ideation' && d.onset !== null && d.onset.slice(0, 10) >= since && d.onset.slice(0, 10) <= asOfDay);
  const last = latest(past, (d) => d.onset);
  if (!last) return;
  const status = capitalised(last.clinicalStatus ?? 'no longer active');
  const ended = last.abatement ? `${status} on ${day(last.abatement)}.` : `${status}, end date not recorded.`;
  out.push(
    item(
      'suicidality-history',
      'Suicidal ideation earlier in this episode',
      `${ended}${cssrsSinceWords(cssrs, last.onset)}`,
      last.onset,
      past.map((d) => d.source).concat(cssrs && cssrsSinceWords(cssrs, last.onset) ? [cssrs.source] : []),
      SUICIDALITY_HISTORY_ACTION,
      'onset',
    ),
  );
}

/** Conditions whose current episode is followed with the PHQ-9 (its item 9 screens for thoughts of death or self-harm). */
const PHQ9_FOLLOWED: ReadonlySet<string> = new Set(['mdd', 'bipolar-depression']);

/**
 * A current depressive episode whose record cannot say how the patient is now, or whether they have suicidal
 * thoughts: no PHQ-9 within PHQ9_MONITORING_DAYS, or no answer to PHQ-9 item 9 nor a C-SSRS within SCREEN_SHOWN_DAYS.
 * Named with the dates of the last ones, so the age of what the page shows is plain.
 */
function screeningGap(derived: DerivedRecord, asOf: Day | null, out: SafetyItem[]): void {
  if (derived.demographics?.deceased) return;
  if (!derived.assessments.some((a) => PHQ9_FOLLOWED.has(a.condition) && a.currentEpisode !== null)) return;
  // The latest PHQ-9 and the latest item 9 or C-SSRS dated by asOf (the first of equal dates), in one pass.
  let lastPhq9: ScorePoint | undefined;
  let lastScreen: ScorePoint | undefined;
  for (const s of derived.scores) {
    const phq9 = s.instrument === 'phq9';
    if (!phq9 && s.instrument !== 'phq9-item9' && s.instrument !== 'cssrs') continue;
    if ((daysBefore(s.date, asOf) ?? -1) < 0) continue;
    if (phq9) {
      if (lastPhq9 === undefined || s.date > lastPhq9.date) lastPhq9 = s;
    } else if (lastScreen === undefined || s.date > lastScreen.date) lastScreen = s;
  }
  const phq9Age = lastPhq9 ? daysBefore(lastPhq9.date, asOf)! : null;
  const screenAge = lastScreen ? daysBefore(lastScreen.date, asOf)! : null;
  const phq9Stale = phq9Age === null || phq9Age > PHQ9_MONITORING_DAYS;
  const screenStale = screenAge === null || screenAge > SCREEN_SHOWN_DAYS;
  if (!phq9Stale && !screenStale) return;
  const title = phq9Stale && screenStale ? 'No recent PHQ-9 or suicidality screen' : phq9Stale ? 'No recent PHQ-9' : 'No recent suicidality screen';
  // The last PHQ-9's date stands beside the title: the detail gives its age and value.
  const phq9Words = lastPhq9 ? `The last PHQ-9 (${lastPhq9.value}) is ${spanWords(phq9Age!)} old; ` : '';
  const screenWords = lastScreen
    ? `the last answer to item 9 (thoughts of death or self-harm) or C-SSRS is ${spanWords(screenAge!)} old (${lastScreen.instrument === 'cssrs' ? 'C-SSRS' : 'item 9'} ${lastScreen.value} on ${day(lastScreen.date)})`
    : lastPhq9
      ? 'its item 9 (thoughts of death or self-harm) was never recorded, nor a C-SSRS'
      : 'Neither a PHQ-9 (with its item 9, thoughts of death or self-harm) nor a C-SSRS is recorded';
  const action = phq9Stale
    ? `${lastPhq9 ? 'Repeat the PHQ-9' : 'Take a PHQ-9'} now with its item 9 recorded (or a C-SSRS), and ask about suicidal thoughts, before deciding on treatment.`
    : 'Ask about suicidal thoughts now and record the answer (PHQ-9 item 9 or a C-SSRS).';
  out.push(
    item(
      'screening-gap',
      title,
      capitalised(`${phq9Words}${screenWords}.`),
      lastPhq9?.date ?? null,
      [...(lastPhq9 ? [lastPhq9.source] : []), ...(lastScreen ? [lastScreen.source] : [])],
      action,
      'last PHQ-9',
    ),
  );
}

/** A weeks-of-gestation code (ICD-10-CM Z3A): it dates a pregnancy rather than being one. */
/** A recorded pregnancy loss (miscarriage, stillbirth): the day a pregnancy ended. */
function isPregnancyLoss(d: DiagnosisSpan): boolean {
  return d.kind === 'other' && PREGNANCY_LOSS_CODES.includes(d.code);
}

function isGestationWeeksCode(d: DiagnosisSpan): boolean {
  return d.kind === 'pregnancy' && /^Z3A/i.test(d.code);
}

/**
 * The diagnoses as the timeline draws them, one per recorded condition: a kind its code states beside the main one
 * (psychotic features of F20.0 Paranoid schizophrenia) is not a second condition. A weeks-of-gestation code belongs to the pregnancy coded beside it, so it
 * is not drawn as a second pregnancy (it stays in the record's tables and dates the gestation on the safety strip).
 * Alone, without another pregnancy code, it is the only sign of the pregnancy and is drawn.
 */
export function diagnosesForTimeline(diagnoses: readonly DiagnosisSpan[]): DiagnosisSpan[] {
  const pregnancyCoded = diagnoses.some((d) => d.kind === 'pregnancy' && !isGestationWeeksCode(d));
  return diagnoses.filter((d) => d.impliedBy === undefined && !(pregnancyCoded && isGestationWeeksCode(d)));
}

/**
 * The diagnoses as the chart lists them, one per recorded condition, each with the further kinds its code states
 * (F20.0 Paranoid schizophrenia: psychotic features): a reader of the chart expects its problem list, where one record
 * is one diagnosis, and a second row with the same code and record would read as a second diagnosis.
 */
export function diagnosesByRecord(diagnoses: readonly DiagnosisSpan[]): { diagnosis: DiagnosisSpan; alsoStated: DiagnosisKind[] }[] {
  return diagnoses
    .filter((d) => d.impliedBy === undefined)
    .map((d) => ({ diagnosis: d, alsoStated: diagnoses.filter((o) => o.source === d.source && o.impliedBy === d.kind).map((o) => o.kind) }));
}

/** Weeks of gestation from a Z3A.nn code, advanced by the days since it was recorded; `dated` says where it comes from. */
function gestation(pregnancyCodes: DiagnosisSpan[], asOf: Day | null): { text: string; dated: string; source: string } | null {
  const coded = pregnancyCodes.filter((d) => /^Z3A\.?\d\d$/i.test(d.code) && Number(d.code.slice(-2)) >= 1 && Number(d.code.slice(-2)) <= 42);
  const last = latest(coded, (d) => d.onset);
  if (!last) return null;
  const weeks = Number(last.code.slice(-2));
  const since = daysBefore(last.onset, asOf);
  const now = since !== null && since >= 0 ? weeks + Math.floor(since / 7) : weeks;
  const code = 'weeks-of-gestation code';
  return {
    text: `${now} weeks' gestation`,
    dated: now === weeks ? `dated by the ${code} of ${day(last.onset)}` : `counted from the ${code} of ${day(last.onset)} (${weeks} weeks then)`,
    source: last.source,
  };
}

/**
 * What pregnancy asks of the medication: the running ones reviewed by name; with none running, an antidepressant
 * stopped because of the pregnancy said plainly, since untreated depression in pregnancy is itself a risk to weigh.
 */
function pregnancyMedicationWords(derived: DerivedRecord): string {
  const running = regimenNow(derived);
  if (running.length) return `review ${running.map((t) => t.ingredient).join(', ')} for pregnancy with obstetrics`;
  const stoppedForPregnancy = derived.trials.filter((t) => t.end !== null && (t.stopReasons ?? []).some((r) => r.safetyEvents?.includes('pregnancy')));
  const last = latest(stoppedForPregnancy, (t) => t.end);
  if (!last) return 'no psychiatric medication is running: review any new one for pregnancy';
  return `no psychiatric medication is running since ${last.ingredient} was stopped on ${last.end} because of the pregnancy: discuss restarting treatment with obstetrics`;
}

function pregnancyAndPuerperium(derived: DerivedRecord, asOf: Day | null, out: SafetyItem[]): void {
  const { diagnoses } = derived;
  const current = diagnoses.filter((d) => {
    if (d.kind !== 'pregnancy' || !isActive(d, asOf)) return false;
    const age = daysBefore(d.onset, asOf);
    return age === null || age <= PREGNANCY_CURRENT_DAYS;
  });
  if (current.length) {
    const g = gestation(current, asOf);
    const first = current.filter((d) => !isGestationWeeksCode(d));
    const shown = first.length ? first : current;
    const since = latest(shown, (d) => d.onset)!;
    const title = g ? `Pregnant, ${g.text}` : 'Pregnant';
    const names = [...new Set(shown.map((d) => displayBeyond(d, title)).filter((x): x is string => x !== null))];
    // The date beside the title is the pregnancy's recorded onset (often the last menstrual period), said as such so it
    // is not read as the date of the gestation.
    out.push(
      item(
        'pregnancy',
        title,
        `${capitalised([...names, g ? g.dated : 'gestation not recorded'].join('; '))}.`,
        since.onset,
        current.map((d) => d.source),
        `${capitalised(notOfferedWords('pregnancy')!)}; ECT is not contraindicated (plan with obstetrics); ${pregnancyMedicationWords(derived)}.`,
        'onset recorded',
      ),
    );
  }
  const postpartum = diagnoses.filter((d) => {
    if (d.kind !== 'postpartum' && !(d.kind !== 'pregnancy' && /^F53/i.test(d.code))) return false;
    if (d.kind === 'postpartum' && !isActive(d, asOf)) return false;
    const age = daysBefore(d.onset, asOf);
    return age === null || (age >= 0 && age <= POSTPARTUM_DAYS);
  });
  if (postpartum.length) {
    const last = latest(postpartum, (d) => d.onset)!;
    out.push(item('postpartum', 'Postpartum', diagnosesDetail(postpartum, 'Postpartum', derived, 'event'), last.onset, postpartum.map((d) => d.source), 'Ask about breastfeeding and the infant’s safety; postpartum onset raises the risk of psychosis and suicide.'));
  }
  const breastfeeding = diagnoses.filter((d) => d.kind === 'breastfeeding' && isActive(d, asOf));
  if (breastfeeding.length) {
    const last = latest(breastfeeding, (d) => d.onset)!;
    out.push(item('breastfeeding', 'Breastfeeding', diagnosesDetail(breastfeeding, 'Breastfeeding', derived, 'active'), last.onset, breastfeeding.map((d) => d.source), `${capitalised(notOfferedWords('breastfeeding')!)}; check every medication for lactation.`));
  }
}

/**
 * The trials taken as of asOf, or for a deceased patient at death (records still open then end on the day of death),
 * in the order they were started: the current regimen, or the regimen at death.
 */
export function regimenNow(derived: Pick<DerivedRecord, 'trials' | 'asOf' | 'demographics'>): Trial[] {
  const last = derived.demographics?.deceasedDate ?? derived.asOf;
  return derived.trials.filter((t) => t.end === null || t.end >= last).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

function doseWords(t: Trial): string {
  return t.maxDailyDoseMg !== null ? describeTrialDoses(t) : 'dose not recorded';
}

/**
 * What the title ("Lithium now", "MAOI now: tranylcypromine") does not say: the dose and for how long (the start date
 * stands beside the title); with several, each with its drug and start.
 */
function takingWords(derived: DerivedRecord, trials: Trial[]): string {
  if (trials.length > 1) return `Doses: ${trials.map((t) => `${t.ingredient} ${doseWords(t)} since ${t.start}`).join('; ')}.`;
  const t = trials[0]!;
  // The trial's own duration words, as the timeline, the cards and the note give them.
  const span = t.durationDays > 1 ? `, for ${t.durationText}${derived.demographics?.deceased ? ' until death' : ''}` : '';
  return `${capitalised(doseWords(t))}${span}.`;
}

/** Medications that need watching while taken: what marks them, their title, and what the clinician should do. */
interface WatchedMedication {
  kind: SafetyKind;
  takes: (t: Trial) => boolean;
  title: (when: 'now' | 'at death', trials: Trial[]) => string;
  action: string;
  /** What the record lacks that the medication needs (a lithium level), said after what it shows; null when nothing. */
  missing?: (trials: Trial[]) => string | null;
}

const WATCHED_MEDICATIONS: readonly WatchedMedication[] = [
  {
    kind: 'maoi',
    takes: (t) => t.class === 'maoi',
    title: (when, trials) => `MAOI ${when}: ${trials.map((t) => t.ingredient).join(', ')}`,
    action: `No serotonergic drugs (SSRIs, SNRIs, TCAs, bupropion, tramadol, pethidine/meperidine, dextromethorphan) or sympathomimetics; tyramine diet; washout before switching; tell the anaesthetist; ${notOfferedWords('maoi')!}.`,
  },
  {
    kind: 'clozapine',
    takes: (t) => t.ingredient === 'clozapine',
    title: (when) => `Clozapine ${when}`,
    action: 'Neutrophil count (ANC) on the label’s schedule; ask about chest pain and fever (myocarditis), constipation (ileus), seizures; a change in smoking changes the level.',
  },
  {
    kind: 'clomipramine',
    takes: (t) => t.ingredient === 'clomipramine',
    title: (when) => `Clomipramine ${when}`,
    action: 'ECG at the start and with dose increases (conduction and QT, more so beside an antipsychotic or another drug that prolongs the QT interval; potassium corrected); it lowers the seizure threshold, more so at higher doses; a tricyclic is lethal in overdose: limit the quantity supplied while suicide risk is present.',
  },
  {
    kind: 'lithium',
    takes: (t) => t.ingredient === 'lithium',
    title: (when) => `Lithium ${when}`,
    action: 'Check the latest level, renal and thyroid function; toxicity with dehydration and interacting drugs; lower or hold it before ECT.',
    // A trial whose adequacy waits on a level never drawn ran without any: a monitoring gap the line must say.
    missing: (trials) => {
      const unmonitored = trials.filter((t) => t.adequacyUnconfirmed && t.adequateLevel === null);
      return unmonitored.length ? `No lithium level recorded in ${unmonitored.map((t) => t.durationText).join(', ')}.` : null;
    },
  },
];

/**
 * A medication that needs watching, as taken now, or for a deceased patient as taken at death: then it is history
 * (a "now" would misread the record) and asks nothing of the clinician.
 */
function medicationItem(derived: DerivedRecord, watched: WatchedMedication, trials: Trial[]): SafetyItem {
  const missing = watched.missing?.(trials);
  const taking = `${takingWords(derived, trials)}${missing ? ` ${missing}` : ''}`;
  const sources = trials.flatMap((t) => t.sources);
  // The date is the first start, not the day of death or today: the heading says so.
  if (derived.demographics?.deceased) return item(watched.kind, watched.title('at death', trials), taking, trials[0]!.start, sources, undefined, 'started');
  return item(watched.kind, watched.title('now', trials), taking, trials[0]!.start, sources, watched.action, 'started');
}

function medications(derived: DerivedRecord, out: SafetyItem[]): void {
  const regimen = regimenNow(derived);
  for (const watched of WATCHED_MEDICATIONS) {
    const trials = regimen.filter(watched.takes);
    if (trials.length) out.push(medicationItem(derived, watched, trials));
  }
}

/**
 * An intracerebral haemorrhage, aneurysm or vascular malformation at any date (a resolved one still counts): it rules
 * out esketamine and IV ketamine, shapes ECT's anaesthetic plan and usually excludes the patient from psilocybin trials,
 * so it leads the views beside the options it changes.
 */
function intracranialVascular(derived: DerivedRecord, asOf: Day | null, out: SafetyItem[]): void {
  const found = derived.diagnoses.filter((d) => (d.kind === 'intracerebral-haemorrhage' || d.kind === 'aneurysm-or-avm') && (daysBefore(d.onset, asOf) ?? 0) >= 0);
  if (!found.length) return;
  const bleed = found.some((d) => d.kind === 'intracerebral-haemorrhage');
  const malformation = found.some((d) => d.kind === 'aneurysm-or-avm');
  const title = [bleed ? 'Intracerebral haemorrhage' : null, malformation ? 'aneurysm or vascular malformation' : null].filter((x): x is string => x !== null).join('; ');
  const last = latest(found, (d) => d.onset)!;
  out.push(
    item(
      'intracranial-vascular',
      capitalised(title),
      diagnosesDetail(found, title, derived, 'event'),
      last.onset,
      found.map((d) => d.source),
      `${capitalised(notOfferedWords('intracranial-vascular')!)} (contraindicated; IV ketamine by analogy with the esketamine label); ECT raises blood pressure and intracranial pressure with each seizure: anaesthetic and medical assessment first, blood pressure controlled; psilocybin trials usually exclude it (blood pressure rises for some hours): check the trial's exclusion criteria before referring.`,
    ),
  );
}

/**
 * The implant said once: the record's names for it (a Device and a status code often name the same implant, "Cochlear
 * implant" and "Cochlear implant status"), a name that only adds words to another left out, then how long ago the
 * latest record dates it. An implant stays in place, so an undated record is not an "earlier" one.
 */
function implantDetail(found: DiagnosisSpan[], title: string, last: DiagnosisSpan, derived: DerivedRecord): string {
  const names = [...new Set(found.map((d) => displayBeyond(d, title)).filter((n): n is string => n !== null))].sort((a, b) => a.length - b.length);
  const distinct = names.filter((n, i) => !names.slice(0, i).some((shorter) => meaningfulWords(shorter).every((w) => meaningfulWords(n).includes(w))));
  const when = agoWords(last.onset, derived) ?? 'date not recorded';
  return distinct.length ? `${distinct.join(', ')}; ${when}.` : `${capitalised(when)}.`;
}

/**
 * An implant in or near the head (Device or status code), at any date: it rules out the TMS options and, by the
 * cochlear-implant makers' word, puts ECT behind the implant team's advice, so it leads the views beside both.
 */
function headImplant(derived: DerivedRecord, asOf: Day | null, out: SafetyItem[]): void {
  const found = derived.diagnoses.filter((d) => d.kind === 'head-implant' && (daysBefore(d.onset, asOf) ?? 0) >= 0);
  if (!found.length) return;
  const title = 'Implant in or near the head';
  const last = latest(found, (d) => d.onset)!;
  out.push(
    item(
      'head-implant',
      title,
      implantDetail(found, title, last, derived),
      last.onset,
      found.map((d) => d.source),
      `TMS is contraindicated (${notOfferedWords('head-implant')!}); ECT: the cochlear-implant makers contraindicate it, so only with the implant team and the device maker consulted first, with the ECT service and the anaesthetist.`,
    ),
  );
}

/** Conditions that lead the strip while active, with their titles. */
const ACTIVE_CONDITION_TITLES: readonly [SafetyKind, string][] = [
  ['catatonia', 'Catatonia'],
  ['psychotic-features', 'Psychotic features'],
];

function conditions(derived: DerivedRecord, asOf: Day | null, out: SafetyItem[]): void {
  const { diagnoses } = derived;
  // Psychosis coded by the schizophrenia diagnosis the page assesses is that diagnosis, not a safety signal beside it.
  const assessedAsSchizophrenia = derived.assessments.some((a) => a.condition === 'schizophrenia')
    ? new Set(diagnoses.filter((d) => d.kind === 'schizophrenia').map((d) => d.source))
    : new Set<string>();
  const depressive = derived.assessments.some((a) => PSYCHOTIC_DEPRESSION_CONDITIONS.has(a.condition));
  for (const [kind, title] of ACTIVE_CONDITION_TITLES) {
    const found = diagnoses.filter((d) => d.kind === kind && isActive(d, asOf) && !(kind === 'psychotic-features' && assessedAsSchizophrenia.has(d.source)));
    if (!found.length) continue;
    const last = latest(found, (d) => d.onset)!;
    const action = kind === 'psychotic-features' && depressive ? PSYCHOTIC_DEPRESSION_ACTION : undefined;
    out.push(item(kind, title, diagnosesDetail(found, title, derived, 'active'), last.onset, found.map((d) => d.source), action));
  }
  const substance = diagnoses.filter((d) => d.kind === 'substance-use' && isActive(d, asOf));
  const flagged: Finding[] = [];
  const seen = new Set<string>();
  for (const a of derived.assessments) {
    for (const f of a.flags) {
      if (f.kind !== 'substance-use' || seen.has(f.text)) continue;
      seen.add(f.text);
      flagged.push(f);
    }
  }
  // Detox stays, overdoses and opioid orders show substance use too, coded disorder or not (an assessment's flag may say it already).
  const events = derived.substanceUse?.shownByEvents ?? null;
  const eventWords = events && !flagged.some((f) => f.text.endsWith(events.text)) ? [`${substance.length ? '' : 'no active disorder coded: '}${events.text}`] : [];
  // A resolved or inactive disorder stays on the strip as past: a history of substance use disorder raises the risk of
  // abuse and misuse of esketamine and ketamine, which the esketamine label asks to assess before prescribing.
  const past = diagnoses.filter((d) => d.kind === 'substance-use' && !isActive(d, asOf) && (daysBefore(d.onset, asOf) ?? 0) >= 0);
  // Tobacco is named wherever substance use is (it changes clozapine and olanzapine levels); on its own it leads the
  // strip only beside one of them taken now.
  const tobacco = diagnoses.filter((d) => d.kind === 'other' && isActive(d, asOf) && isTobaccoUse(d));
  const cyp1a2 = tobacco.length ? cyp1a2Words(derived) : null;
  const tobaccoWords = tobacco.length ? [`tobacco: ${tobacco.map((d) => `“${d.display}” since ${day(d.onset)}`).join(', ')}${cyp1a2 ? ` (${cyp1a2.words})` : ''}`] : [];
  const tobaccoSources = tobacco.map((d) => d.source);
  const tobaccoRefs = cyp1a2 ? [TOBACCO_CYP1A2_SOURCE] : [];
  // Drug or alcohol counselling given is part of the substance-use history, said with it.
  const counselling = (derived.psychotherapy ?? []).filter((c) => c.modality === 'substance-use');
  const counsellingWords = counselling.length ? [`substance-use counselling: ${counselling.map(psychotherapyCourseWords).join('; ')}`] : [];
  const counsellingSources = counselling.flatMap((c) => c.sources);
  // No substance use in the record, present or past: no item, and no words to build for one.
  if (!substance.length && !flagged.length && !eventWords.length && !past.length) {
    if (cyp1a2) {
      const last = latest(tobacco, (d) => d.onset)!;
      const detail = `${tobacco.map((d) => `“${d.display}” since ${day(d.onset)}`).join(', ')}: ${cyp1a2.words}.`;
      out.push(withReferences(item('substance-use', 'Tobacco use', detail, last.onset, tobaccoSources, TOBACCO_CYP1A2_ACTION), tobaccoRefs));
    }
    return;
  }
  const pastWords = past.length ? [`past: ${past.map((d) => pastDiagnosisFinding(d).text).join('; ')}`] : [];
  const before = substanceUseBefore(derived);
  const pastAction = `Ask about current use${before.map((b) => `; ${b.words}`).join('')}.`;
  if (substance.length || flagged.length || eventWords.length) {
    const last = latest(substance, (d) => d.onset);
    const words = [...(substance.length ? [diagnosesDetail(substance, 'Substance use', derived, 'active').replace(/\.$/, '')] : []), ...flagged.filter((f) => !substance.some((d) => f.sources.includes(d.source))).map((f) => f.text), ...eventWords, ...counsellingWords, ...tobaccoWords, ...pastWords];
    const sources = [...substance.map((d) => d.source), ...flagged.flatMap((f) => f.sources), ...(eventWords.length ? events!.sources : []), ...counsellingSources, ...tobaccoSources, ...past.map((d) => d.source)];
    const use = derived.substanceUse;
    // Opioid orders alongside overdoses or detox stays (or a coded opioid use disorder): the overdose risk is the point.
    // Current use asks what a past disorder does, and that both disorders be treated together, or, with no other
    // disorder the app assesses, that the substance use be assessed and treated.
    const alone = derived.assessments.length === 0;
    const activeAction = `Ask about current use; ${alone ? SUBSTANCE_USE_ALONE_WORDS : ACTIVE_SUBSTANCE_USE_WORDS}${before.map((b) => `; ${b.words}`).join('')}.`;
    const action = use?.probableOpioidUseDisorder
      ? `Probable opioid use disorder${use.activeOpioidOrders.length ? ', with an opioid still ordered' : ''}: assess for opioid use disorder and its treatment, offer naloxone, review suicide risk.`
      : substance.length || eventWords.length
        ? activeAction
        : past.length
          ? pastAction
          : undefined;
    const rows = [...(action === activeAction ? [alone ? SUBSTANCE_USE_ALONE_SOURCE : ACTIVE_SUBSTANCE_USE_SOURCE, ...before] : action === pastAction ? before : []), ...tobaccoRefs];
    out.push(withReferences(item('substance-use', 'Substance use', `${words.join('; ')}.`, last?.onset ?? latest(past, (d) => d.onset)?.onset ?? null, sources, action), rows));
  } else if (past.length) {
    // The latest disorder's onset stands beside the title; the detail says how it ended, the earlier ones with their dates.
    const last = latest(past, (d) => d.onset)!;
    const ago = agoWords(last.abatement, derived);
    const ended = last.abatement ? `${last.clinicalStatus ?? 'ended'} on ${day(last.abatement)}${ago ? ` (${ago})` : ''}` : `${last.clinicalStatus ?? 'no longer active'}, end date not recorded`;
    const earlier = past.filter((d) => d !== last).map((d) => pastDiagnosisFinding(d).text);
    const name = last.display || 'Substance use disorder';
    const detail = `${name}: ${ended}${earlier.length ? `; earlier: ${earlier.join('; ')}` : ''}${[...counsellingWords, ...tobaccoWords].map((w) => `; ${w}`).join('')}.`;
    out.push(withReferences(item('substance-use', 'Past substance use disorder', detail, last.onset, [...past.map((d) => d.source), ...counsellingSources, ...tobaccoSources], pastAction), [...before, ...tobaccoRefs]));
  }
}

/**
 * What smoking does to the agents taken now whose level it lowers (CYP1A2 induction: clozapine, olanzapine), or null
 * when none is taken.
 */
function cyp1a2Words(derived: DerivedRecord): { words: string } | null {
  const agents = [...new Set(regimenNow(derived).map((t) => t.ingredient).filter((i) => CYP1A2_SMOKING_AGENTS.includes(i)))];
  if (!agents.length) return null;
  return { words: `smoking lowers ${agents.join(' and ')} levels (CYP1A2); a change in smoking changes them` };
}

/**
 * The substance-use cautions of the options the patient's conditions lead to; with no condition assessed, the
 * depression options' (the most common); with conditions none of whose options has one, none.
 */
function substanceUseBefore(derived: DerivedRecord): (typeof SUBSTANCE_USE_BEFORE_OPTIONS)[number][] {
  const conditions = derived.assessments.map((a) => a.condition);
  if (conditions.length === 0) return SUBSTANCE_USE_BEFORE_OPTIONS.slice(0, 1);
  return SUBSTANCE_USE_BEFORE_OPTIONS.filter((row) => row.conditions.some((c) => conditions.includes(c)));
}

/** An item with the sources of the option cautions its action gives, besides its own rule's. */
function withReferences(i: SafetyItem, rows: readonly { source: { refs: ReferenceId[] } }[]): SafetyItem {
  const extra = rows.flatMap((r) => r.source.refs).filter((r) => !i.references.includes(r));
  return extra.length ? { ...i, references: [...i.references, ...extra] } : i;
}

/**
 * The safety items of a derivation, most urgent first: death, suicidality (and a missing or out-of-date screen for it),
 * pregnancy and the puerperium, catatonia and psychosis, medications that need watching, an intracranial bleed or
 * malformation, an implant in or near the head, substance use.
 */
export function deriveSafety(derived: DerivedRecord): SafetyItem[] {
  const out: SafetyItem[] = [];
  const demographics = derived.demographics;
  if (demographics?.deceased) {
    out.push(
      item(
        'deceased',
        'Deceased',
        demographics.deceasedDate
          ? 'Date of death from the patient record. No options are suggested and nothing is written back; the timeline ends at death.'
          : 'The patient record says the patient has died (no date). No options are suggested and nothing is written back.',
        demographics.deceasedDate,
        demographics.source ? [demographics.source] : [],
      ),
    );
  }
  // asOf as a day number, read once for every section's date arithmetic.
  const asOf = toDay(derived.asOf);
  suicidality(derived, asOf, out);
  screeningGap(derived, asOf, out);
  pregnancyAndPuerperium(derived, asOf, out);
  conditions(derived, asOf, out);
  medications(derived, out);
  intracranialVascular(derived, asOf, out);
  headImplant(derived, asOf, out);
  // Catatonia and psychosis were pushed before medications; substance use goes last.
  const substance = out.findIndex((i) => i.kind === 'substance-use');
  if (substance >= 0) out.push(...out.splice(substance, 1));
  // After death the items are the record's history: none asks the clinician to do anything.
  if (demographics?.deceased) return out.map(({ action: _action, ...rest }) => rest);
  return out;
}
