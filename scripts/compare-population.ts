/**
 * `npm run compare:population -- [--only <commit>] <before.json> <after.json>`
 *
 * Compares two outputs of `npm run derive` over the same population (one patient's document per line, as
 * `npm run check:population -- <ref> --keep DIR` keeps them) when they are meant to differ only by known, intended
 * changes. Each change is one row of CHANGES below: what it is, the commit that made it, and a rewrite of one side's
 * document into the other's wording (checking what can be checked, e.g. that a new duration text says the trial's own
 * days). After the rewrites, the documents must be equal; whatever still differs is printed by field with its first
 * example, so a difference no row explains cannot hide behind the intended ones. With `--only <commit>`, only that
 * commit's rows apply: a branch's output compared with the main it started from.
 *
 * Exit status: 0 when only the listed changes separate the outputs, 1 otherwise, 2 usage error.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { systemKeyOf } from '../src/clinical/terminology/systems';
import { DRUG_CLASS_LABEL, describeDuration, describeTrial, formatDose, formatMg, type DescribedTrial } from '../src/clinical/vocabulary';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = { [key: string]: Json };

interface Change {
  /** What changed, in a reviewer's words. */
  what: string;
  /** The commit that made the change (git log names it). */
  commit: string;
  /** Rewrites the earlier document (`before`) and/or the later one (`after`) in place; rows apply in this order. */
  apply(before: Doc, after: Doc): void;
}

const objects = (x: Json | undefined): Doc[] =>
  Array.isArray(x) ? x.filter((e): e is Doc => e !== null && typeof e === 'object' && !Array.isArray(e)) : [];

/** Applies `f` to every string in `x`, in place (document order). */
function mapStrings(x: Json, f: (s: string) => string): Json {
  if (typeof x === 'string') return f(x);
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) x[i] = mapStrings(x[i]!, f);
    return x;
  }
  if (x !== null && typeof x === 'object') {
    for (const k of Object.keys(x)) x[k] = mapStrings(x[k]!, f);
  }
  return x;
}

/**
 * Rewrites every string of `x` into one of its possible `readings`: the one equal to the string at the same place in
 * `other` when there is one, else the first.
 */
function rewritePaired(x: Json, other: Json | undefined, readings: (s: string) => string[]): Json {
  if (typeof x === 'string') {
    const options = readings(x);
    return options.find((o) => o === other) ?? options[0]!;
  }
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) x[i] = rewritePaired(x[i]!, Array.isArray(other) ? other[i] : undefined, readings);
    return x;
  }
  if (x !== null && typeof x === 'object') {
    const o = other !== null && typeof other === 'object' && !Array.isArray(other) ? other : undefined;
    for (const k of Object.keys(x)) x[k] = rewritePaired(x[k]!, o?.[k], readings);
  }
  return x;
}

/** Rewrites the strings of `doc[field]` (or of every field when none is named). */
function rewrite(doc: Doc, f: (s: string) => string, ...fields: string[]): void {
  for (const k of fields.length ? fields : Object.keys(doc)) if (k in doc) doc[k] = mapStrings(doc[k]!, f);
}

/** One rewrite per assessment field named, in every assessment of the document. */
function rewriteAssessments(doc: Doc, f: (s: string) => string, ...fields: string[]): void {
  for (const a of objects(doc.assessments)) rewrite(a, f, ...fields);
}

/** The duration words before whole years were added from two years on (the rows of earlier commits read these). */
function weeksOrDays(days: number): string {
  return days >= 14 ? `${Math.floor(days / 7)} weeks` : `${days} day${days === 1 ? '' : 's'}`;
}

/** A not-eligible reason that only restated what the option's own text says (left out of the card since 88a2fe8). */
const RESTATED = [
  /^No .+ flag was raised\.$/,
  /^No .+ recorded recently\.$/,
  /^No (?:substance-use|psychosocial-stressor|trauma|posttraumatic stress disorder|major depressive disorder|obsessive-compulsive disorder|schizophrenia)(?: or [\w -]+)? is recorded\.$/,
  /^Needs at least \d+ trial that failed or was not tolerated; none is recorded\.$/,
  /^Not treatment-resistant by the definition applied \(.*\)\.$/,
  /^No earlier course of this treatment with a recorded response\.$/,
  /^No failed [\w-]+ trial is recorded\.$/,
  /^[\w-]+ has already been tried\.$/,
  /^\d+ failed adequate trials: more than the \d+–\d+ this option is for$/,
];

/** The document's suggestions in `reference`'s order (same options on both sides), numbered by place. */
function orderLike(after: Doc, reference: Doc): void {
  const ref = objects(reference.suggestions).map((x) => x.intervention);
  const own = objects(after.suggestions);
  if (own.length !== ref.length || !own.every((x) => ref.includes(x.intervention))) return;
  own.sort((a, b) => ref.indexOf(a.intervention) - ref.indexOf(b.intervention));
  own.forEach((x, i) => (x.order = i));
  after.suggestions = own;
}

/** Replaces the `after` suggestion of each of these interventions by `before`'s (its own place kept for orderLike). */
function takeSuggestions(before: Doc, after: Doc, ids: (s: Doc) => boolean): boolean {
  const old = new Map(objects(before.suggestions).map((x) => [x.intervention, x]));
  let taken = false;
  after.suggestions = objects(after.suggestions).map((x) => {
    const prior = old.get(x.intervention);
    if (!prior || !ids(x) || JSON.stringify(prior) === JSON.stringify(x)) return x;
    taken = true;
    return structuredClone(prior);
  });
  return taken;
}

/** A field's text, or '' when it is not a string. */
const text = (x: Json | undefined): string => (typeof x === 'string' ? x : '');

const VERDICT_WORDS: Record<string, string> = {
  meets: 'Treatment-resistance criteria met: ',
  'possibly-meets': 'Treatment-resistance criteria possibly met: ',
  'does-not-meet': 'Treatment-resistance criteria not met: ',
};

/** New and earlier wording of the texts the verdicts commit rewrote (after -> before). */
const VERDICT_TEXTS: [string | RegExp, string][] = [
  [
    'Treatment-resistant schizophrenia (TRRIP minimum criteria): non-response (< 20% reduction on a rating scale) to >= 2 adequate trials of >= 2 different antipsychotics, with adherence checked: >= 80% of doses taken and at least one antipsychotic plasma level in each trial. A failure whose adherence rests on dispenses alone, with no plasma level, is a possible failure to confirm. Psychotherapy is not counted.',
    'Treatment-resistant schizophrenia (TRRIP): non-response (< 20% reduction on a rating scale) to >= 2 adequate trials of >= 2 different antipsychotics, with adherence checked. Psychotherapy is not counted.',
  ],
  [
    'TRRIP consensus (Howes 2017, Table 2): adherence >= 80% of prescribed doses and antipsychotic plasma levels on at least one occasion (minimum criteria; optimum: two levels at least 2 weeks apart, and one long-acting injectable trial)',
    'TRRIP consensus (Howes 2017, Table 2)',
  ],
  ['(TRRIP minimum criteria ask for at least one)', '(TRRIP asks for at least one)'],
  [
    'lower or hold it for the course, with the ECT team, and plan when to restart it after the course',
    'lower or hold it before the course, with the ECT team',
  ],
  [/; [a-z]+ level [0-9.]+ \S+ on \d{4}-\d\d-\d\d(?=: )/g, ''],
];

/** The dose-optimisation rule as an MDD patient's card reads it, before and after af41259. */
const DOSE_OPTIMISATION_MDD_RULE = {
  before:
    'Rule: Optimise dose and duration of a trial below the minimum adequate dose (or level) or shorter than the adequate duration, when it did not respond and was tolerated: the running trial always; a past one only while treatment resistance is not established. A trial that responded is not optimised, and once resistance is established by adequate trials (TRRIP: clozapine is then due) an under-dosed past agent is not offered again in its place. (Gaynes 2020; Howes 2017; working rule: a failed trial needs an adequate dose for an adequate duration (Gaynes 2020); resistance established by adequate trials calls for the next step, clozapine in schizophrenia (Howes 2017); leaving out responded and past trials then is a working rule [UNVERIFIED])',
  after:
    'Rule: Optimise an antidepressant trial below its minimum adequate dose (MGH-ATRQ; an augmenting agent: its studied dose or level) or shorter than 6 weeks at it, when it did not respond and was tolerated: the running trial always; a past one only while treatment-resistant depression is not established. Once it is, an under-dosed past agent is not offered again in place of the next step. (Gaynes 2020; working rule: a failed trial needs an adequate dose for an adequate duration (Gaynes 2020); leaving out responded and past trials once resistance is established is a working rule [UNVERIFIED])',
};

const CHANGES: Change[] = [
  {
    what:
      'Wording: a not-eligible card says what the option needs once (its own text) and then only what the record shows ' +
      '("No failed adequate trial in the current MDD episode." for "Needs …; the record shows 0 …"; restatements left ' +
      'out); a trial reads its dose range and the weeks at its highest dose ("sertraline 100–150 mg/day for 12 weeks, ' +
      '8 weeks at 150 mg/day"; new Trial fields doseRange and daysAtMaxDailyDose), trials listed in a conclusion are ' +
      'separated by semicolons, durations from two years on add the whole years, the adequacy reason gives the weeks ' +
      'at or above the threshold without the highest dose, the MDD definition no longer says psychotherapy is not counted, ' +
      "Thase-Rush's basis names the classes in clinical words (SSRI, SNRI, Tricyclic), and a trial with an unknown " +
      'outcome is named without an evidence word ("outcome unknown", was "outcome unknown, inferred")',
    commit: '88a2fe8',
    apply(before, after) {
      // Rewrites the later document into the wording just before this change.
      const replace = new Map<string, string>();
      const olds: string[] = [];
      for (const t of objects(after.trials)) {
        const max = t.maxDailyDoseMg as number | null;
        const range = t.doseRange as Doc | null | undefined;
        const atMax = t.daysAtMaxDailyDose as number | undefined;
        // The new figures must agree with the trial: the range holds the highest sustained dose, the days fit the trial.
        if (range === undefined || atMax === undefined) continue;
        if (max !== null && range !== null && !((range.lowestMg as number) <= max && max <= (range.highestMg as number))) continue;
        if (atMax > (t.durationDays as number)) continue;
        const ingredient = t.ingredient as string;
        const described = { ingredient, maxDailyDoseMg: max, durationDays: t.durationDays as number, start: t.start as string, end: t.end as string | null };
        const now = describeTrial({ ...described, doseRange: range as DescribedTrial['doseRange'], daysAtMaxDailyDose: atMax });
        const old = `${ingredient}${max === null ? ' (dose unknown)' : ` ${formatDose(max, ingredient)}/day`} ${t.end === null ? `since ${t.start as string}` : `for ${weeksOrDays(t.durationDays as number)}`}`;
        replace.set(now, old);
        olds.push(old);
        delete t.doseRange;
        delete t.daysAtMaxDailyDose;
        if (typeof t.durationText === 'string' && t.durationText === describeDuration(t.durationDays as number)) t.durationText = weeksOrDays(t.durationDays as number);
        if (typeof t.adequacyReason === 'string') {
          const threshold = (t.adequateDose as Doc | null)?.amount as number | undefined;
          const m = /^adequate: (\d+ (?:weeks|days?)(?: \(\d+ years\))?) at or above /.exec(t.adequacyReason);
          const dose = max ?? threshold;
          if (m && dose !== undefined) {
            const was = `adequate: ${formatDose(dose, ingredient)}/day for ${m[1]!.replace(/ \(\d+ years\)$/, '')} at or above ${t.adequacyReason.slice(m[0].length)}`;
            replace.set(t.adequacyReason, was);
            t.adequacyReason = was;
          }
        }
      }
      const keys = [...replace.keys()].sort((a, b) => b.length - a.length);
      const pattern = keys.length ? new RegExp(keys.map(escapeRegExp).join('|'), 'g') : null;
      const rewriteText = (s: string) => {
        let out = pattern ? s.replace(pattern, (m) => replace.get(m)!) : s;
        // A conclusion's list of trials was comma-separated.
        for (const a of olds) for (const b of olds) out = out.split(`${a}; ${b}`).join(`${a}, ${b}`);
        return out
          // An unknown outcome (the engine's basis for it is "inferred") no longer carries an evidence word.
          .replace(/ \(outcome unknown\)/g, ' (outcome unknown, inferred)')
          .replace(/(\b\d+ weeks) \(\d+ years\)/g, '$1')
          .replace(/(\d+ failed adequate trials in the current [\w -]+ episode), more than the \d+–\d+ this option is for:/g, '$1:');
      };
      for (const field of ['assessments', 'suggestions']) if (field in after) after[field] = mapStrings(after[field]!, rewriteText);
      // Thase-Rush's basis named the classes by their ids.
      const classIds = new Map(Object.entries(DRUG_CLASS_LABEL).map(([id, label]) => [label, id]));
      rewriteAssessments(after, (s) => s.replace(/( in \d+ class(?:es)?: )([^;]+)/, (_m, head: string, list: string) => head + list.split(', ').map((l) => classIds.get(l) ?? l).join(', ')), 'thaseRushBasis');
      const TRRIP_END = 'is a possible failure to confirm.';
      for (const a of objects(after.assessments)) {
        const d = a.definition as Doc | undefined;
        if (d && typeof d.summary === 'string' && d.summary.startsWith('Treatment-resistant schizophrenia') && d.summary.endsWith(TRRIP_END))
          d.summary = `${d.summary} Psychotherapy is not counted.`;
        if (d && d.summary === 'Treatment-resistant depression: failure of >= 2 adequate antidepressant treatments (different agents) in the current episode.')
          d.summary = `${d.summary} Psychotherapy given is listed, not counted: the definition counts antidepressant treatments.`;
      }
      rewrite(after, (s) =>
        s.replace(
          /\(definition: Treatment-resistant depression: failure of >= 2 adequate antidepressant treatments \(different agents\) in the current episode; /g,
          '(definition: Treatment-resistant depression: failure of >= 2 adequate antidepressant treatments (different agents) in the current episode. Psychotherapy given is listed, not counted: the definition counts antidepressant treatments; ',
        ),
        'suggestions',
      );
      // Not-eligible cards: the earlier document's restatements go, its counts read as the later one says them.
      const afterSuggestions = objects(after.suggestions);
      objects(before.suggestions).forEach((s, i) => {
        if (afterSuggestions[i]?.status !== 'not-eligible' || s.status !== 'not-eligible' || !Array.isArray(s.reasons)) return;
        const reasons = objects(s.reasons);
        s.reasons = reasons.flatMap((r, k) => {
          const text = r.text as string;
          if (k === 0) {
            const current = text.replace(/^No (substance-use disorder|psychosocial stressor \(Z55–Z65\)) is recorded\.$/, 'No current $1 is recorded.');
            return [{ ...r, text: current }];
          }
          const counts = /^Needs .*; the record shows (.*)\.$/.exec(text);
          if (counts) {
            const parts = counts[1]!.split(', ');
            if (!parts.every((p) => /^0 in the current /.test(p))) return [];
            const said = parts.map((p) => p.replace(/^0 in/, 'no failed adequate trial in')).join(', ');
            return [{ ...r, text: `${said.charAt(0).toUpperCase()}${said.slice(1)}.` }];
          }
          return RESTATED.some((re) => re.test(text)) ? [] : [r];
        });
      });
    },
  },
  {
    what:
      'Verdicts: the resistance badge names the criteria (Assessment.verdict); a level that decides adequacy is the ' +
      "trial's threshold (Trial.adequateLevel, no dose threshold); 'not yet adequate' only for a running trial still short (Trial.adequacyPending)",
    commit: 'db937ae',
    apply(before, after) {
      for (const a of objects(after.assessments)) {
        if (typeof a.verdict === 'string' && a.verdict.startsWith(VERDICT_WORDS[a.status as string] ?? '\u0000')) delete a.verdict;
      }
      const earlier = new Map(objects(before.trials).map((t) => [t.id, t]));
      for (const t of objects(after.trials)) {
        // Pending only where the reason is a running trial's weeks so far.
        if (t.adequacyPending === false || (t.adequacyPending === true && /so far \(ongoing since /.test(text(t.adequacyReason)))) delete t.adequacyPending;
        if (t.adequateLevel === null) delete t.adequateLevel;
        else if (t.adequateLevel && t.adequateDose === null) {
          const prior = earlier.get(t.id);
          if (prior && 'adequateDose' in prior) t.adequateDose = structuredClone(prior.adequateDose!);
          else if (prior && typeof prior.adequateDoseMg === 'number') t.adequateDose = { amount: prior.adequateDoseMg, unit: 'mg/day' };
          delete t.adequateLevel;
        }
      }
    },
  },
  {
    what:
      'Verdicts: ECT before rTMS in MDD with 3 or more failed adequate trials (a "Ranked before" reason); TRRIP needs a ' +
      'plasma level per failed trial (else possibly meets, clozapine to consider); dose optimisation only for trials that ' +
      'did not respond, were tolerated, and are running or past with resistance not established (beside ECT it says how ' +
      'they fit); the ECT lithium caution names the level and the course; texts of those rules',
    commit: 'db937ae',
    apply(before, after) {
      let reorder = false;
      for (const x of objects(after.suggestions)) {
        const reasons = objects(x.reasons);
        const kept = reasons.filter((r) => !text(r.text).startsWith('Ranked before '));
        if (kept.length !== reasons.length) {
          x.reasons = kept;
          reorder = true;
        }
      }
      // TRRIP's plasma level: the earlier verdict and the options that follow it.
      const earlier = new Map(objects(before.assessments).map((a) => [a.condition, a]));
      for (const a of objects(after.assessments)) {
        const levelOpen = objects(a.unconfirmedTrials).some((u) => /plasma level recorded during the trial \(TRRIP minimum criteria/.test(text(u.missing)));
        const prior = earlier.get(a.condition);
        if (!levelOpen || !prior) continue;
        for (const k of ['status', 'treatmentResistant', 'unconfirmedTrials', 'conclusion', 'failedAdequateTrials', 'failedAdequateTrialIds']) a[k] = structuredClone(prior[k]!);
        reorder = takeSuggestions(before, after, (x) => ['clozapine', 'ect-clozapine-augmentation', 'pharmacogenomic-testing'].includes(text(x.intervention)) || /plasma level/.test(JSON.stringify(x.reasons))) || reorder;
      }
      reorder = takeSuggestions(before, after, (x) => x.intervention === 'dose-optimization') || reorder;
      for (const x of objects(after.suggestions)) rewrite(x, (t) => VERDICT_TEXTS.reduce((acc, [from, to]) => acc.replaceAll(from, to), t));
      for (const a of objects(after.assessments)) rewrite(a, (t) => VERDICT_TEXTS.reduce((acc, [from, to]) => acc.replaceAll(from, to), t), 'definition', 'unconfirmedTrials');
      rewrite(after, (t) => VERDICT_TEXTS.reduce((acc, [from, to]) => acc.replaceAll(from, to), t), 'trials');
      if (reorder) orderLike(after, before);
    },
  },
  {
    what:
      'An unknown outcome says why: scores during the trial without a baseline in the window, or only the baseline, are ' +
      'named (and their Observations cited as the outcome\'s sources); a trial open at death "ended at death"',
    commit: '2515068',
    apply(before, after) {
      const added = new Set<string>();
      const trialsBefore = objects(before.trials);
      objects(after.trials).forEach((t, i) => {
        if (t.outcome !== 'unknown' || typeof t.outcomeDetail !== 'string' || !/^ended(?: at death \([0-9-]+\))?[; ]/.test(t.outcomeDetail)) return;
        if (t.outcomeDetail === 'ended without scores, stated reason or a following agent') return;
        t.outcomeDetail = 'ended without scores, stated reason or a following agent';
        const prior = trialsBefore[i]?.sources;
        const old = new Set(Array.isArray(prior) ? prior : []);
        for (const r of Array.isArray(t.sources) ? t.sources : []) if (typeof r === 'string' && r.startsWith('Observation/') && !old.has(r)) added.add(r);
      });
      if (added.size === 0) return;
      const drop = (x: Json, other: Json | undefined): void => {
        if (Array.isArray(x)) {
          const keep = new Set(Array.isArray(other) ? other.filter((o): o is string => typeof o === 'string') : []);
          for (let i = x.length - 1; i >= 0; i--) {
            const e = x[i]!;
            if (typeof e === 'string' && added.has(e) && !keep.has(e)) x.splice(i, 1);
          }
          x.forEach((e, i) => drop(e, Array.isArray(other) ? other[i] : undefined));
        } else if (x !== null && typeof x === 'object') {
          const o = other !== null && typeof other === 'object' && !Array.isArray(other) ? other : undefined;
          for (const k of Object.keys(x)) drop(x[k]!, o?.[k]);
        }
      };
      drop(after, before);
    },
  },
  {
    what: 'Trial carries its adequacy threshold with its unit (adequateDose {amount, unit}) instead of adequateDoseMg',
    commit: 'a1352f3',
    apply(_before, after) {
      for (const t of objects(after.trials)) {
        if (!('adequateDose' in t)) continue;
        const d = t.adequateDose as Doc | null;
        t.adequateDoseMg = d === null ? null : d.unit === 'mg/day' ? d.amount! : `${d.amount as number} ${d.unit as string}`;
        delete t.adequateDose;
      }
    },
  },
  {
    what: "Trial carries its baseline and follow-up scores (the engine's window) and its duration as one text",
    commit: 'a1352f3',
    apply(_before, after) {
      for (const t of objects(after.trials)) {
        // The duration text must say the trial's own days in the one rounding (whole weeks from two weeks on).
        if ('durationText' in t && t.durationText !== weeksOrDays(t.durationDays as number)) continue;
        delete t.durationText;
        delete t.baselineScore;
        delete t.followUpScore;
      }
    },
  },
  {
    what: 'Counts in words without "(s)": "1 failed adequate trial", "2 classes", "0 adequate augmentations or combinations", "1 trial falls"',
    commit: 'f9e6d2a',
    apply(before) {
      const old = (s: string) =>
        s
          .replace(/\b(\d+) failed adequate trial\(s\) in (\d+) class\(es\)/g, (_m, n: string, c: string) => `${n} failed adequate ${plural(n, 'trial')} in ${c} ${plural(c, 'class', 'classes')}`)
          .replace(/\b(\d+) ([\w ]*?)trial\(s\)/g, (_m, n: string, w: string) => `${n} ${w}${plural(n, 'trial')}`)
          .replace(/\b(\d+) dose optimisation\(s\)/g, (_m, n: string) => `${n} dose ${plural(n, 'optimisation')}`)
          .replace(/\b(\d+) augmentation\/combination\(s\)/g, (_m, n: string) => `${n} adequate ${plural(n, 'augmentation or combination', 'augmentations or combinations')}`)
          .replace(/\b1 trial fall outside\b/g, '1 trial falls outside');
      rewriteAssessments(before, old, 'mghsBasis', 'thaseRushBasis', 'maudsley');
      rewrite(before, old, 'notes');
    },
  },
  {
    what:
      'An adequate trial with no outcome is "not established as a failure" (was "without a recorded outcome"); ' +
      'Maudsley counts adequate augmentations only ("no adequate augmentation")',
    commit: 'f64da6a',
    apply(before) {
      rewrite(before, (s) =>
        s
          .replace(/adequate trial without a recorded outcome/g, 'adequate trial not established as a failure')
          .replace(/adequate trials without a recorded outcome/g, 'adequate trials not established as failures')
          .replace(/^no augmentation in the medication record/, 'no adequate augmentation in the medication record'),
      );
    },
  },
  {
    what:
      'Psychotherapy: each assessment lists therapy trials (therapyTrials) and its definition says whether it counts them; ' +
      'a definition not met names the adequate trials whose outcome is not established',
    commit: '55062bf',
    apply(_before, after) {
      for (const a of objects(after.assessments)) {
        if (Array.isArray(a.therapyTrials) && a.therapyTrials.length === 0) delete a.therapyTrials;
      }
      rewrite(after, (s) =>
        s
          .replace(/\. Psychotherapy given is listed, not counted: [^.;)]*(?=[;)])/g, '')
          .replace(/ Psychotherapy given is listed, not counted: [^.]*\./g, '')
          .replace(/ Adequate trials? without an established outcome: [^.]*\./g, ''),
      );
    },
  },
  {
    what: 'MGH-S scores optimisation of duration (+0.5 per adequate trial held long beyond the minimum; a labelled working rule)',
    commit: 'aa0b549',
    apply(_before, after) {
      for (const a of objects(after.assessments)) {
        if (typeof a.mghsBasis !== 'string') continue;
        const m = / \+ (\d+) duration optimisations? \([^)]*\) × 0\.5/.exec(a.mghsBasis);
        if (!m) continue;
        a.mghsBasis = a.mghsBasis.replace(m[0], '');
        if (typeof a.mghs === 'number') a.mghs -= 0.5 * Number(m[1]);
      }
    },
  },
  {
    what:
      'One trial description, whole weeks completed: "sertraline 100 mg/day for 10 weeks" where the staging said ' +
      '"sertraline 100 mg × 10 weeks" (an ongoing trial too) and the suggestions rounded to the nearest week',
    commit: 'a1352f3',
    apply(before, after) {
      // Two trials can read alike in the old words (one agent, one dose, the same whole weeks): such a mention may be
      // rewritten as any trial it could name, and the one the later document names is taken.
      const replace = new Map<string, string[]>();
      const add = (old: string, now: string) => {
        const options = replace.get(old) ?? [];
        if (!options.includes(now)) options.push(now);
        replace.set(old, options);
      };
      for (const t of objects(before.trials)) {
        const days = t.durationDays as number;
        const mg = t.maxDailyDoseMg as number | null;
        const ingredient = t.ingredient as string;
        const span = t.end === null ? `since ${t.start as string}` : `for ${weeksOrDays(days)}`;
        const now = `${ingredient}${mg === null ? ' (dose unknown)' : ` ${formatMg(mg)} mg/day`} ${span}`;
        const rounded = Math.round(days / 7);
        const suggestionsSpan = t.end === null ? `since ${t.start as string}` : `for ${rounded} week${rounded === 1 ? '' : 's'}`;
        add(`${ingredient}${mg === null ? ' (dose unknown)' : ` ${mg} mg/day`} ${suggestionsSpan}`, now);
        add(`${ingredient} ${mg === null ? 'dose unknown' : `${mg} mg`} × ${Math.floor(days / 7)} weeks`, now);
      }
      if (replace.size === 0) return;
      const pattern = new RegExp([...replace.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
      const readings = (s: string): string[] => {
        let out = [''];
        let last = 0;
        for (const m of s.matchAll(pattern)) {
          const head = s.slice(last, m.index);
          out = out.flatMap((o) => replace.get(m[0])!.map((r) => o + head + r)).slice(0, 64);
          last = m.index + m[0].length;
        }
        return out.map((o) => o + s.slice(last));
      };
      for (const field of ['assessments', 'suggestions']) {
        if (field in before) before[field] = rewritePaired(before[field]!, after[field], readings);
      }
    },
  },
  {
    what:
      'A Procedure coded in a system the engine knows under another spelling (urn:oid, trailing slash, HCPCS) with a ' +
      'code it does not track is "not an interventional psychiatric procedure", no longer "code from unknown system"',
    commit: '989b088',
    apply(before) {
      for (const u of objects(before.unused)) {
        if (typeof u.reference !== 'string' || !u.reference.startsWith('Procedure/') || typeof u.reason !== 'string') continue;
        const m = /^code from unknown system (.*)$/.exec(u.reason);
        if (!m) continue;
        const open = m[1]!.indexOf(' (');
        const systems = (open < 0 ? m[1]! : m[1]!.slice(0, open)).split(', ');
        const text = open < 0 ? '' : m[1]!.slice(open + 2, -1);
        if (systems.some((s) => systemKeyOf(s) !== null))
          u.reason = `not an interventional psychiatric procedure${text ? `: ${text}` : ''}`;
      }
    },
  },
  {
    what:
      'Outcomes from real EHR records: an adequate trial whose latest score on the adequate dose lies above what a ' +
      "response could reach from the scale's maximum (PHQ-9 >= 14) is a non-response without a baseline, and the " +
      'assessment and options follow it; an unknown or ongoing outcome names the scores it has and a next agent started ' +
      'after the switch window; what is missing for resistance is said from the outcome\'s detail',
    commit: '2646523',
    apply(before, after) {
      const prior = objects(before.trials);
      const wording = new Map<string, string>();
      let verdictMoved = false;
      objects(after.trials).forEach((t, i) => {
        const b = prior[i];
        if (!b || b.id !== t.id) return;
        const detail = text(t.outcomeDetail);
        const bound = /^(\S+) (\d+(?:\.\d+)?) on \S+.*: not a response from any baseline, as a (\d+)% fall from the scale's maximum \((\d+)\) reaches ([\d.]+) or less/.exec(detail);
        if (bound && t.adequate === true && Number(bound[2]) > Number(bound[5]) && b.outcomeBasis !== 'measured') {
          // Measured (by the scale's maximum) now outranks a stated or switch-inferred outcome, as scores always did.
          for (const k of ['outcome', 'outcomeBasis', 'outcomeDetail', 'sources']) t[k] = structuredClone(b[k]!);
          verdictMoved = true;
          return;
        }
        // One score is measured against "it" (was "them").
        let old = detail
          .replace(' to measure it against', ' to measure them against')
          .replace(/^ended without scores or a stated reason; the next agent of its purpose, .* so no non-response is inferred$/, 'ended without scores, stated reason or a following agent')
          .replace(/; no stated reason; the next agent of its purpose, .* so no non-response is inferred$/, '; no stated reason or following agent');
        if (t.outcome === 'ongoing' && /^ongoing as of the last record; /.test(detail) && b.outcomeDetail === 'ongoing as of the last record; no scores to judge it') old = text(b.outcomeDetail);
        if (old !== detail && old === b.outcomeDetail) t.outcomeDetail = old;
        if (t.outcome === 'unknown') wording.set(`outcome unknown (${detail})`, 'outcome not recorded (no score, stated reason or following agent)');
        if (t.outcome === 'ongoing' && detail.startsWith('ongoing as of the last record; ') && b.outcomeDetail === 'ongoing as of the last record; no scores to judge it')
          wording.set(`ongoing at an adequate dose; ${detail.slice('ongoing as of the last record; '.length)}`, '');
      });
      if (verdictMoved) {
        after.assessments = structuredClone(before.assessments!);
        after.suggestions = structuredClone(before.suggestions!);
        return;
      }
      // What is missing, as the earlier assessment said it for the same trial (the ongoing wording names its scales).
      const earlier = new Map(objects(before.assessments).flatMap((a) => objects(a.unconfirmedTrials).map((u) => [`${text(a.condition)} ${text(u.trialId)}`, text(u.missing)])));
      for (const a of objects(after.assessments)) {
        for (const u of objects(a.unconfirmedTrials)) {
          const was = earlier.get(`${text(a.condition)} ${text(u.trialId)}`);
          const now = text(u.missing);
          if (was !== undefined && wording.has(now) && (wording.get(now) === '' || wording.get(now) === was)) wording.set(now, was);
        }
      }
      const pairs = [...wording].filter(([, was]) => was !== '');
      if (!pairs.length) return;
      const back = (t: string) => pairs.reduce((acc, [now, was]) => acc.replaceAll(now, was), t);
      for (const a of objects(after.assessments)) rewrite(a, back, 'unconfirmedTrials', 'conclusion');
      for (const x of objects(after.suggestions)) rewrite(x, back, 'reasons');
    },
  },
  {
    what:
      'new Suggestion fields `referralPriority` and `priorityReasons` (checked: urgent exactly when there are reasons, ' +
      'and always for an urgent option, whose reasons then are its own urgency findings)',
    commit: 'c1e4839',
    apply(_before, after) {
      for (const s of objects(after.suggestions)) {
        const reasons = objects(s.priorityReasons);
        const consistent = (s.referralPriority === 'urgent') === reasons.length > 0 && (s.urgent !== true || s.referralPriority === 'urgent');
        if (!consistent) continue;
        delete s.referralPriority;
        delete s.priorityReasons;
      }
    },
  },
  {
    what:
      'Dose optimisation: the rule on the card is the patient\'s condition\'s own (MDD: ATRQ minimum dose, 6 weeks, ' +
      'treatment-resistant depression) instead of one text for every condition that spoke of TRRIP and clozapine',
    commit: 'af41259',
    apply(_before, after) {
      const rewriteText = (s: string) => (s === DOSE_OPTIMISATION_MDD_RULE.after ? DOSE_OPTIMISATION_MDD_RULE.before : s);
      if ('suggestions' in after) after.suggestions = mapStrings(after.suggestions, rewriteText);
    },
  },
  {
    what:
      'Safety: a current depressive episode with no PHQ-9 within 120 days, or no PHQ-9 item 9 nor C-SSRS within a year, ' +
      'leads the strip (kind screening-gap) with the dates of the last ones',
    commit: '5a0b1f3',
    apply(_before, after) {
      const asOf = Date.parse(text(after.asOf));
      const ageOf = (iso: string) => Math.round((asOf - Date.parse(iso.slice(0, 10))) / 86_400_000);
      const scores = objects(after.scores).filter((x) => ageOf(text(x.date)) >= 0);
      const lastOf = (kinds: string[]) => scores.filter((x) => kinds.includes(text(x.instrument))).map((x) => text(x.date)).sort().at(-1);
      const phq9 = lastOf(['phq9']);
      const screen = lastOf(['phq9-item9', 'cssrs']);
      const due = phq9 === undefined || ageOf(phq9) > 120 || screen === undefined || ageOf(screen) > 365;
      const current = objects(after.assessments).some((a) => ['mdd', 'bipolar-depression'].includes(text(a.condition)) && a.currentEpisode !== null);
      if (!due || !current) return;
      const items = objects(after.safety);
      const kept = items.filter((i) => !(i.kind === 'screening-gap' && (i.date ?? null) === (phq9 ?? null)));
      if (kept.length === items.length - 1) after.safety = kept;
    },
  },
  {
    what: "A non-response judged by the scale's maximum (no baseline) keeps the score it rests on as Trial.followUpScore",
    commit: '1352eef',
    apply(before, after) {
      const prior = objects(before.trials);
      objects(after.trials).forEach((t, i) => {
        const b = prior[i];
        const f = t.followUpScore;
        if (!b || b.id !== t.id || t.baselineScore !== null || b.followUpScore !== null || f === null || typeof f !== 'object' || Array.isArray(f)) return;
        if (/not a response from any baseline/.test(text(t.outcomeDetail)) && Array.isArray(t.sources) && t.sources.includes(f.source!)) t.followUpScore = null;
      });
    },
  },
  {
    what:
      'safety items: `dateLabel` on every dated item (the kind\'s label, checked); rule texts, definitions and the MGH-S ' +
      'basis write "≥"/"≤" for ">="/"<="',
    commit: '28a0d0f',
    apply(before, after) {
      const labels: Record<string, string> = {
        deceased: 'died', 'suicidality-screen': 'recorded', 'suicide-risk-assessment': 'recorded', 'suicidal-ideation': 'onset',
        'suicide-attempt': 'recorded', 'self-harm': 'recorded', overdose: 'recorded', pregnancy: 'onset recorded', postpartum: 'onset',
        breastfeeding: 'since', maoi: 'started', clozapine: 'started', lithium: 'started', 'psychotic-features': 'onset', catatonia: 'onset', 'substance-use': 'onset',
      };
      const prior = objects(before.safety);
      objects(after.safety).forEach((item, i) => {
        if (prior[i]?.dateLabel === undefined && item.date !== null && item.dateLabel === labels[text(item.kind)]) delete item.dateLabel;
      });
      // Each "≥ "/"≤ " read either way; the reading equal to the earlier document's string is kept.
      const readings = (s: string): string[] => {
        let out = [''];
        for (const part of s.split(/(≥ |≤ )/)) {
          out = out.flatMap((o) => (part === '≥ ' ? [o + part, `${o}>= `] : part === '≤ ' ? [o + part, `${o}<= `] : [o + part])).slice(0, 256);
        }
        return out;
      };
      for (const field of ['assessments', 'suggestions', 'safety']) {
        if (field in after) after[field] = rewritePaired(after[field]!, before[field], readings);
      }
    },
  },
  {
    what:
      'record review follow-ups: an unchanged score reads "unchanged" (a change rounding to zero "−<1%"/"+<1%", from a ' +
      'zero score "+N points"), never "−0%"/"±0%"; an ended lithium trial with no level reads "no lithium level was ' +
      'recorded", without "; pending a level" (and the rule text says pending only while the trial runs); one supply ' +
      'note per supply naming its orders; a handed-over dispense whose supply runs past today carries no "completed ' +
      'record" note, an order or statement says it is marked completed with a later end and counted to today; ' +
      'Trial.plasmaLevels (null but for antipsychotics; their levels, each a source of the trial)',
    commit: 'e5fc84a',
    apply(before, after) {
      const priorTrials = objects(before.trials);
      for (const [i, t] of objects(after.trials).entries()) {
        const levels = t.plasmaLevels;
        const sources = Array.isArray(t.sources) ? t.sources : [];
        const levelsFit =
          t.class === 'antipsychotic'
            ? Array.isArray(levels) && objects(levels).every((l) => sources.includes(l.source!))
            : levels === null;
        if (levelsFit) delete t.plasmaLevels;
        // One supply note per supply: the earlier documents said it per order.
        if (Array.isArray(t.notes)) {
          t.notes = t.notes.flatMap((n) => {
            const m = /^(supply \d+ days × \d+ fills) from (\S+(?:, \S+)+)$/.exec(text(n));
            return m ? m[2]!.split(', ').map((ref) => `${m[1]!} from ${ref}`) : [n];
          });
          t.notes = t.notes.filter((n) => !/ is marked (?:completed|stopped) but its end date \(\S+\) is after \S+: counted as running to \S+$/.test(text(n)));
        }
        const b = priorTrials[i];
        if (b && Array.isArray(b.notes)) b.notes = b.notes.filter((n) => !/^end date after \S+ on a (?:completed|stopped) record$/.test(text(n)));
      }
      const unchanged = (s: string): string[] => {
        let out = [''];
        for (const part of s.split(/(\(unchanged[,)]|\([−+]<1%[,)]|\(\+\d+ points\))/)) {
          const m = /^\((unchanged|[−+]<1%|\+\d+ points)([,)]?)$/.exec(part);
          out = out.flatMap((o) => (m ? [`${o}(−0%${m[2] ?? ''}`, `${o}(±0%${m[2] ?? ''}`] : [o + part])).slice(0, 256);
        }
        return out.map((o) =>
          o
            .replace(
              /no (\S+) level was recorded during the trial (\(adequacy is judged by the serum level, [^;()]* or more(?:, the maintenance level: started before this episode)?\))/g,
              'no $1 level recorded during the trial $2; pending a level',
            )
            .replace(
              'adequacy unconfirmed (pending a level while the trial runs; no dose stands in for it).',
              'adequacy unconfirmed, pending a level (no dose stands in for it).',
            ),
        );
      };
      for (const field of Object.keys(after)) after[field] = rewritePaired(after[field]!, before[field], unchanged);
    },
  },
  {
    what:
      'Outcome words: a partial response reads "partial response (insufficient)" (a failed trial for resistance, as ' +
      'before); a no-baseline non-response says "at most a partial response, which would be insufficient too"; an ' +
      'adequate trial without a baseline whose scores fell by the partial band during it, its latest above what a ' +
      'response could reach from the scale maximum, is a partial response measured from its first score in the trial ' +
      '(was a non-response; rewritten to the non-response and detail it had)',
    commit: '70bbf6e',
    apply(before, after) {
      const within =
        /^(\S+) (\d+(?:\.\d+)?) on (\S+) → (\d+(?:\.\d+)?) on (\S+) \(([^)]*)\) during the trial(.*?): a partial response, insufficient \(a fall of [^)]*\), and (not a response from any baseline, .*? or less); (no baseline score within .*?), so the fall is measured from the first score during the trial( \(trial ongoing\))?$/;
      for (const t of objects(after.trials)) {
        const m = t.outcome === 'partial' ? within.exec(text(t.outcomeDetail)) : null;
        if (!m) continue;
        t.outcome = 'nonresponse';
        t.outcomeDetail = `${m[1]!} ${m[4]!} on ${m[5]!}${m[7]!}: ${m[8]!}; at most a partial response; ${m[1]!} ${m[2]!} on ${m[3]!} → ${m[4]!} (${m[6]!}) during the trial; ${m[9]!}${m[10] ?? ''}`;
      }
      const words: Record<string, string[]> = {
        'only a partial response (insufficient)': ['only a partial response', 'non-response'],
        'partial response (insufficient)': ['partial response', 'non-response'],
        'Partial response (insufficient)': ['Partial response', 'Non-response'],
        'at most a partial response, which would be insufficient too': ['at most a partial response'],
      };
      const readings = (s: string): string[] => {
        let out = [''];
        for (const part of s.split(/(only a partial response \(insufficient\)|at most a partial response, which would be insufficient too|[Pp]artial response \(insufficient\))/)) {
          const options = words[part] ?? [part];
          out = out.flatMap((o) => options.map((w) => o + w)).slice(0, 256);
        }
        return out;
      };
      for (const field of Object.keys(after)) if (field !== 'trials') after[field] = rewritePaired(after[field]!, before[field], readings);
      after.trials = rewritePaired(after.trials!, before.trials, readings);
    },
  },
  {
    what:
      'A trial of the episode still in progress and not yet adequate (too short so far) is named beside the count: ' +
      'new `trialsInProgress` finding on the assessment ("Trial in progress, not counted: … Treatment-resistant ' +
      'depression is met on the earlier trials alone."), repeated in the reasons of every option whose eligibility ' +
      'rests on failed trials (rewritten away: the field and those reasons removed)',
    commit: '59390a8',
    apply(_before, after) {
      for (const a of objects(after.assessments)) {
        const running = a.trialsInProgress;
        if (running === undefined) continue;
        if (!/^Trial in progress, not counted: .+\. .+ (is met|is possibly met|is not met) on the earlier trials/.test(text((running as Doc).text)))
          continue;
        delete a.trialsInProgress;
      }
      for (const sg of objects(after.suggestions)) {
        if (Array.isArray(sg.reasons)) sg.reasons = objects(sg.reasons).filter((r) => !text(r.text).startsWith('Trial in progress, not counted: '));
      }
    },
  },
];

function plural(n: string, one: string, many = `${one}s`): string {
  return n === '1' ? one : many;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where two documents still differ: field paths (array positions as []) with the first values seen. */
function differences(a: Json | undefined, b: Json | undefined, path: string, out: Map<string, [string, string]>): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const bothObjects = a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && a !== undefined && b !== undefined;
  if (bothObjects && Array.isArray(a) === Array.isArray(b) && (!Array.isArray(a) || a.length === (b as Json[]).length)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      differences((a as Doc)[k], (b as Doc)[k], `${path}.${Array.isArray(a) ? '[]' : k}`, out);
    }
    return;
  }
  if (!out.has(path)) out.set(path, [String(JSON.stringify(a)).slice(0, 300), String(JSON.stringify(b)).slice(0, 300)]);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // --only <commit>: apply only that commit's rows (to compare a branch with the main it left, not with c24b7d5).
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
  const [beforePath, afterPath, ...rest] = args;
  if (!beforePath || !afterPath || rest.length || (onlyAt >= 0 && !only)) {
    process.stderr.write('usage: npm run compare:population -- [--only <commit>] <before.json> <after.json>\n');
    return 2;
  }
  const rows = only === undefined ? CHANGES : CHANGES.filter((c) => c.commit === only);
  const lines = (p: string) => createInterface({ input: createReadStream(p), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const before = lines(beforePath);
  const after = lines(afterPath);
  const moved = new Map<Change, number>(rows.map((c) => [c, 0]));
  const residue = new Map<string, { count: number; patient: string; before: string; after: string }>();
  let documents = 0;
  let identical = 0;
  let unexplained = 0;
  for (;;) {
    const [x, y] = await Promise.all([before.next(), after.next()]);
    if (x.done || y.done) {
      if (x.done !== y.done) {
        process.stdout.write(`DIFFERENT: ${x.done ? beforePath : afterPath} ends first\n`);
        return 1;
      }
      break;
    }
    const l1 = x.value.replace(/,$/, '');
    const l2 = y.value.replace(/,$/, '');
    if (!l1.startsWith('{') || !l2.startsWith('{')) {
      if (l1 !== l2) unexplained++;
      continue;
    }
    documents++;
    if (l1 === l2) {
      identical++;
      continue;
    }
    const d1 = JSON.parse(l1) as Doc;
    const d2 = JSON.parse(l2) as Doc;
    for (const change of rows) {
      const s1 = JSON.stringify(d1);
      const s2 = JSON.stringify(d2);
      change.apply(d1, d2);
      if (JSON.stringify(d1) !== s1 || JSON.stringify(d2) !== s2) moved.set(change, moved.get(change)! + 1);
    }
    const out = new Map<string, [string, string]>();
    differences(d1, d2, '', out);
    if (out.size) unexplained++;
    for (const [path, [b, a]] of out) {
      const r = residue.get(path);
      if (r) r.count++;
      else residue.set(path, { count: 1, patient: d1.patient as string, before: b, after: a });
    }
  }
  process.stdout.write(`${documents} documents: ${identical} byte-identical, ${documents - identical} changed\n`);
  for (const [change, n] of moved) process.stdout.write(`  ${String(n).padStart(7)}  ${change.commit}  ${change.what}\n`);
  if (unexplained === 0) {
    process.stdout.write('only the listed changes: every document is equal once they are rewritten\n');
    return 0;
  }
  process.stdout.write(`DIFFERENT: ${unexplained} documents differ beyond the listed changes\n`);
  for (const [path, r] of [...residue].sort((p, q) => q[1].count - p[1].count)) {
    process.stdout.write(`  ${r.count} × ${path || '(document)'} (first: ${r.patient})\n    before: ${r.before}\n    after:  ${r.after}\n`);
  }
  return 1;
}

process.exitCode = await main();
