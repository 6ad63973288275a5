/**
 * The safety strip's rules: the windows and cut-offs it applies and, for each kind of item, the rule in words with its
 * sources (shown in the rules panel).
 */
import type { ConditionKey, Instrument, InterventionId, RuleRef, SafetyKind } from '../types';
import { CLOMIPRAMINE_LABEL, ECT_HEAD_IMPLANT, PREGNANCY_CURRENT_DAYS, PREGNANCY_CURRENT_WEEKS, RECENT_SUICIDAL_IDEATION_DAYS, SAID_WITH_LOCAL, src, WINDOW_SOURCES, WORKING, type SourceRef } from '../suggestions/catalog';
import { CSSRS_HIGH_RISK, PHQ9_ITEM9_POSITIVE, sourceWords } from '../suggestions/context';
import { PHQ9_MONITORING_DAYS } from '../engine-rules';
import { andList } from '../vocabulary';

/** How long a positive PHQ-9 item 9 or a C-SSRS stays on the strip (working rule): a year. */
export const SCREEN_SHOWN_DAYS = 365;
/**
 * How long a positive item 9 or coded suicidal ideation earlier in the current episode stays on the strip as history
 * once later answers are 0 (working rule): a year, within the episode. Simon 2013 found the excess risk after a
 * positive answer lasting over the following year.
 */
export const SUICIDALITY_HISTORY_DAYS = 365;
export const SUICIDALITY_HISTORY_ACTION = 'Ask about suicidal thoughts before referring or changing treatment.';
/**
 * The score at or above which a screening or risk item is positive, per instrument: the strip's rules below use these
 * numbers, and the timeline's charts draw them as threshold marks (from this table, never restated in a view).
 */
export const SCREEN_POSITIVE: Partial<Record<Instrument, { atOrAbove: number; words: string }>> = {
  'phq9-item9': { atOrAbove: PHQ9_ITEM9_POSITIVE, words: `positive screen (≥ ${PHQ9_ITEM9_POSITIVE})` },
  cssrs: { atOrAbove: CSSRS_HIGH_RISK, words: `high risk (≥ ${CSSRS_HIGH_RISK})` },
};
export const ITEM9_POSITIVE = SCREEN_POSITIVE['phq9-item9']!.atOrAbove;
/** The PHQ-9's answers (0-3) in its own words, over the last two weeks (Kroenke 2001, the questionnaire's form). */
export const PHQ9_ANSWER_WORDS = ['not at all', 'several days', 'more than half the days', 'nearly every day'] as const;
export const CSSRS_HIGH = SCREEN_POSITIVE.cssrs!.atOrAbove;

/** What pregnancy and breastfeeding rule out alike. */
const KETAMINES_AND_PSILOCYBIN = [
  { option: 'esketamine', words: 'esketamine' },
  { option: 'iv-ketamine', words: 'IV ketamine' },
  { option: 'psychedelic-trial', words: 'psilocybin trials' },
] as const satisfies readonly { option: InterventionId; words: string }[];

/**
 * The options a safety item keeps from being offered (their suggestions are blocked by the same records), with the
 * words its action names them by: the action's "… are not offered" is built from these rows, so a plan that proposes
 * one of them anyway can say so in the same sentence instead of contradicting it.
 */
export const NOT_OFFERED_BY_KIND: Partial<Record<SafetyKind, { blockedBy: string; options: readonly { option: InterventionId; words: string }[] }>> = {
  pregnancy: {
    blockedBy: 'in pregnancy',
    options: KETAMINES_AND_PSILOCYBIN,
  },
  breastfeeding: {
    blockedBy: 'while breastfeeding',
    options: KETAMINES_AND_PSILOCYBIN,
  },
  'intracranial-vascular': {
    blockedBy: 'after an intracranial haemorrhage or with an aneurysm or vascular malformation',
    options: [
      { option: 'esketamine', words: 'esketamine' },
      { option: 'iv-ketamine', words: 'IV ketamine' },
    ],
  },
  'head-implant': {
    blockedBy: 'with an implant in or near the head',
    options: [
      { option: 'tms', words: 'rTMS' },
      { option: 'accelerated-tms', words: 'accelerated iTBS' },
      { option: 'deep-tms', words: 'deep TMS' },
    ],
  },
  maoi: {
    blockedBy: 'with an MAOI',
    options: [
      { option: 'esketamine', words: 'esketamine' },
      { option: 'iv-ketamine', words: 'ketamine' },
    ],
  },
};

/** "esketamine, IV ketamine and psilocybin trials are not offered" for a kind's rows (all, or all but `except`). */
export function notOfferedWords(kind: SafetyKind, except: readonly InterventionId[] = []): string | null {
  const words = (NOT_OFFERED_BY_KIND[kind]?.options ?? []).filter((o) => !except.includes(o.option)).map((o) => o.words);
  if (words.length === 0) return null;
  const list = andList(words);
  return `${list} ${words.length === 1 && !list.endsWith('s') ? 'is' : 'are'} not offered`;
}


/**
 * What the date beside each kind of safety item is, said beside it so no date stands unlabelled: when a diagnosis
 * began, when a score was recorded, when a medication was started. A pregnancy's date is its recorded onset (often
 * the last menstrual period), not the date of its gestation.
 */
export const DATE_LABEL_BY_KIND: Record<SafetyKind, string> = {
  deceased: 'died',
  'suicidality-screen': 'recorded',
  'suicidality-history': 'last',
  'suicide-risk-assessment': 'recorded',
  'screening-gap': 'last PHQ-9',
  'suicidal-ideation': 'onset',
  'suicide-attempt': 'recorded',
  'self-harm': 'recorded',
  overdose: 'recorded',
  pregnancy: 'onset recorded',
  postpartum: 'onset',
  breastfeeding: 'since',
  maoi: 'started',
  clozapine: 'started',
  lithium: 'started',
  clomipramine: 'started',
  'psychotic-features': 'onset',
  catatonia: 'onset',
  'intracranial-vascular': 'onset',
  'head-implant': 'recorded',
  'substance-use': 'onset',
};

/** How long a postpartum code counts (working rule): the first year after delivery, as perinatal services do. */
export const POSTPARTUM_DAYS = 365;

interface SafetyRule {
  kind: SafetyKind;
  summary: string;
  source: SourceRef;
}

/** What each safety item rests on, by kind: its rule in words and its sources. */
/** Said of each suicidal-behaviour row: a perinatal event is a risk marker of its own. */
const DURING_PREGNANCY =
  ' One dated inside a recorded pregnancy (its onset to its abatement; without one, the weeks a pregnancy code stays current) is said to be during pregnancy ("Perinatal: overdose 2018-12-27 during pregnancy"); one within a year after a pregnancy ended (its recorded abatement, or the date of a pregnancy loss: miscarriage, stillbirth) is said to be after it, naming that pregnancy or loss ("overdose 2020-08-12, 6 weeks after a pregnancy ended (Normal pregnancy 2020-06-11 to 2020-07-02)").';

/** The perinatal period runs to a year after a birth or a pregnancy loss. */
export const PERINATAL_AFTER_END_DAYS = 365;

/** Where the perinatal wording of the suicidal-behaviour rows comes from. */
const PERINATAL_SAID = 'NICE CG192 covers women pregnant or pregnant in the past year';

export const SAFETY_RULE_BY_KIND: Record<SafetyKind, SafetyRule> = {
  deceased: { kind: 'deceased', summary: 'A deceased patient (Patient.deceasedDateTime or deceasedBoolean) is shown as deceased with the date; no suggestions and no write-back; the timeline ends at death.', source: src(['fhirR4'], 'V', 'Patient.deceased[x]') },
  'suicidality-screen': {
    kind: 'suicidality-screen',
    summary: `A PHQ-9 item 9 of ${ITEM9_POSITIVE} or more is a positive screen for thoughts of death or self-harm: it asks for a suicide risk assessment (C-SSRS), and is not by itself acute suicidal ideation. It is shown as current while it is the latest answer within ${SCREEN_SHOWN_DAYS} days, and for ${RECENT_SUICIDAL_IDEATION_DAYS} days after it when a later answer is below ${ITEM9_POSITIVE} (that answer is said beside it); after that, within the episode, as history (below).`,
    source: src(['kroenke2001', 'posner2011', 'projectWorkingRule'], 'U', 'item 9 is a screening item; a positive answer needs a clinical risk assessment; the one-year display window is a working rule'),
  },
  'suicidality-history': {
    kind: 'suicidality-history',
    summary: `A PHQ-9 item 9 of ${ITEM9_POSITIVE} or more, or coded suicidal ideation, earlier in the current episode and within ${SUICIDALITY_HISTORY_DAYS} days, that is no longer current (later answers below ${ITEM9_POSITIVE}, the ideation resolved) stays on the strip and in every note as history, apart from a current positive: how many positive answers, the last one's date and the answers of 0 since ("PHQ-9 item 9 positive twice earlier in this episode (last 2026-04-26): 0 since 2026-05-24"), asking about suicidal thoughts before referring or changing treatment.`,
    source: src(['simon2013', 'projectWorkingRule'], 'U', 'a positive item 9 predicts suicide attempt and suicide death over the following year; keeping it on the strip for the episode, within a year, is a working rule'),
  },
  'suicide-risk-assessment': { kind: 'suicide-risk-assessment', summary: `A C-SSRS within ${SCREEN_SHOWN_DAYS} days is shown with its value; ${CSSRS_HIGH} or more (intent, plan or recent behaviour) is high risk.`, source: src(['posner2011', 'projectWorkingRule'], 'U', 'C-SSRS severity; the cut-off of 4 follows the screener triage and is a working rule') },
  'screening-gap': {
    kind: 'screening-gap',
    summary: `In a current depressive episode, no PHQ-9 within ${PHQ9_MONITORING_DAYS} days (four months), or no answer to PHQ-9 item 9 (thoughts of death or self-harm) nor a C-SSRS within ${SCREEN_SHOWN_DAYS} days, is shown with the dates of the last ones: the record cannot tell how the patient is, or whether they have suicidal thoughts, now.`,
    source: src(
      ['mncmPhq9Utilization', 'jointCommission2018', 'kroenke2001', 'posner2011', 'projectWorkingRule'],
      'U',
      'a completed PHQ-9 in each four-month period in depression; screening for suicidal ideation with a validated tool (PHQ-9 item 9, C-SSRS) for patients treated for a behavioral health condition; the one-year window for item 9 is a working rule',
    ),
  },
  'suicidal-ideation': { kind: 'suicidal-ideation', summary: 'Coded suicidal ideation (active) is shown with its date.', source: WORKING('coded suicidal ideation leads the strip') },
  'suicide-attempt': { kind: 'suicide-attempt', summary: 'A coded suicide attempt or history of suicidal behaviour is shown at any date: a past attempt is the strongest known risk factor.' + DURING_PREGNANCY, source: WORKING(`suicidal behaviour at any date leads the strip; ${PERINATAL_SAID}`, ['posner2011', 'niceCg192']) },
  'self-harm': { kind: 'self-harm', summary: 'Coded self-harm is shown at any date.' + DURING_PREGNANCY, source: WORKING(`self-harm at any date leads the strip; ${PERINATAL_SAID}`, ['niceCg192']) },
  overdose: { kind: 'overdose', summary: 'A poisoning by drugs of intentional or undetermined intent (ICD-10-CM T36-T50, sixth character 2 or 4) is shown at any date, headed by the intent its code states ("Intentional self-harm: overdose" for T43.212A); "Overdose (intent not recorded)" where the code does not say (SNOMED CT 55680006, an emergency visit for it, text without an intent word).' + DURING_PREGNANCY, source: WORKING(`intentional or undetermined overdose at any date leads the strip; ${PERINATAL_SAID}`, ['niceCg192']) },
  pregnancy: { kind: 'pregnancy', summary: `A pregnancy code is current for ${PREGNANCY_CURRENT_DAYS} days (${PREGNANCY_CURRENT_WEEKS} weeks) from its onset; the gestation comes from the latest Z3A weeks-of-gestation code.`, source: WINDOW_SOURCES.pregnancy },
  postpartum: { kind: 'postpartum', summary: `A postpartum (puerperium) code is shown for ${POSTPARTUM_DAYS} days from its onset.`, source: WORKING('the first postpartum year, as perinatal mental health services count it') },
  breastfeeding: { kind: 'breastfeeding', summary: 'Breastfeeding (Z39.1 or named) is shown while active: esketamine is not recommended during breastfeeding.', source: src(['spravatoLabel'], 'V', 'lactation (8.2)') },
  maoi: { kind: 'maoi', summary: 'A current MAOI is shown: serotonergic drugs, pethidine and sympathomimetics are contraindicated with it; tell the anaesthetist; esketamine and ketamine are not offered.', source: src(['parnateLabel', 'spravatoLabel'], 'S', 'contraindications and drug interactions') },
  clozapine: { kind: 'clozapine', summary: 'Current clozapine is shown with its monitoring: neutrophils (ANC), myocarditis, seizures, constipation/ileus, smoking changes.', source: src(['clozarilLabel'], 'V', 'boxed warning; warnings; drug interactions') },
  lithium: { kind: 'lithium', summary: 'Current lithium is shown (for a deceased patient, lithium at death): check the level, renal and thyroid function; lower or hold it before ECT. A lithium trial with no level ever recorded says so on the same line ("No lithium level recorded in 94 weeks").', source: src(['apaEct2001', 'projectWorkingRule'], 'S', 'lithium during ECT; monitoring as usual practice') },
  clomipramine: { kind: 'clomipramine', summary: 'Current clomipramine is shown with what its label asks: an ECG (conduction and QT, more so with other drugs that prolong the QT interval, such as antipsychotics), its dose-related lowering of the seizure threshold, and its lethality in overdose (limited quantities).', source: CLOMIPRAMINE_LABEL },
  'psychotic-features': {
    kind: 'psychotic-features',
    summary:
      'Active psychotic features are shown, with what they ask in a depressive episode (a rapid response: ECT is offered as urgent). Psychosis coded by an assessed schizophrenia diagnosis is that diagnosis, not an item beside it.',
    source: SAID_WITH_LOCAL(['fdaEct2018', 'apaEct2001'], 'psychotic depression needs a rapid response (the ECT order\'s severity)', 'psychotic features leading the strip'),
  },
  catatonia: { kind: 'catatonia', summary: 'Active catatonia is shown.', source: WORKING('catatonia leads the strip') },
  'intracranial-vascular': {
    kind: 'intracranial-vascular',
    summary:
      'A recorded intracerebral haemorrhage, or an aneurysm or arteriovenous malformation, is shown at any date, resolved or not: it contraindicates esketamine (and IV ketamine, by analogy with the esketamine label), and ECT, which raises blood pressure and intracranial pressure with each seizure, then needs an anaesthetic and medical assessment first; psilocybin trials usually exclude it (psilocybin raises blood pressure for some hours).',
    source: SAID_WITH_LOCAL(
      ['spravatoLabel', 'apaEct2001', 'goodwin2022', 'nct05711940'],
      'esketamine label contraindications (aneurysmal vascular disease, arteriovenous malformation, history of intracerebral haemorrhage), bleeding or unstable aneurysm or malformation and raised intracranial pressure as conditions of substantial risk for ECT, and psilocybin trials excluding significant cerebrovascular disease',
      'leading the strip with it',
    ),
  },
  'head-implant': {
    kind: 'head-implant',
    summary:
      'An implant in or near the head (a cochlear implant, a neurostimulator, an aneurysm clip), recorded as a Device or a status code, is shown at any date: it contraindicates rTMS, accelerated iTBS and deep TMS, and the cochlear-implant makers contraindicate ECT, which then needs the implant team and the device maker consulted first. It shapes both neuromodulation options, so it leads the views beside them.',
    source: src(['rossi2021', ...ECT_HEAD_IMPLANT.source.refs], 'S', 'TMS: conductive or magnetically sensitive implants near the coil (IFCN); ECT: manufacturers contraindicate it in cochlear implant users, as these reports state'),
  },
  'substance-use': {
    kind: 'substance-use',
    summary: 'An active substance use disorder is shown; so is substance use the record shows without a coded disorder (detox stays, overdoses of drugs of abuse, opioid orders alongside them), with the dates of that evidence; current use asks about current use and for integrated treatment of both disorders (SAMHSA TIP 42) beside a disorder the app assesses, or with none, for referral to the addiction service for assessment and treatment (SAMHSA TIP 63, APA 2018), with what it asks before the options; with probable opioid use disorder it asks for an assessment for treatment, naloxone and a suicide-risk review. A past (resolved or inactive) disorder is shown as past, with its dates and status: a history of substance use disorder raises the risk of abuse and misuse of esketamine and ketamine, to assess before prescribing.',
    source: SAID_WITH_LOCAL(
      ['spravatoLabel'],
      'the risk of abuse or misuse assessed before prescribing, a history of drug abuse or dependence raising it (boxed warning; warnings 5.3 abuse and misuse; 9.2 abuse)',
      'substance use leading the strip, a past disorder included',
    ),
  },
};

/**
 * What a substance use history asks before the options of the patient's condition, each from that option's own
 * sources: esketamine and ketamine (abuse and misuse) in depression; clozapine (psychotic relapse with cannabis) in
 * schizophrenia.
 */
export const SUBSTANCE_USE_BEFORE_OPTIONS: readonly { conditions: readonly ConditionKey[]; words: string; source: SourceRef }[] = [
  {
    conditions: ['mdd', 'bipolar-depression'],
    words: 'before esketamine or ketamine, assess the risk of abuse or misuse (a history of substance use disorder raises it)',
    source: src(['spravatoLabel'], 'V', 'boxed warning; warnings 5.3 abuse and misuse; 9.2 abuse'),
  },
  {
    conditions: ['schizophrenia'],
    // Smoking's effect on the clozapine level is said once, in clozapine's own cautions.
    words: 'before clozapine: cannabis use raises the risk of psychotic relapse',
    source: src(['schoeler2016'], 'V', 'Schoeler 2016: continued cannabis use and relapse of psychosis'),
  },
];

/** What an active substance use disorder asks, besides what it asks before the options (SUBSTANCE_USE_BEFORE_OPTIONS). */
export const ACTIVE_SUBSTANCE_USE_WORDS = 'treat both disorders together (integrated treatment)';
export const ACTIVE_SUBSTANCE_USE_SOURCE = { source: src(['samhsaTip42'], 'S', 'integrated treatment of co-occurring disorders') };
/** Agents whose level smoking lowers by inducing CYP1A2: beside one taken now, tobacco use says so on the strip. */
export const CYP1A2_SMOKING_AGENTS: readonly string[] = ['clozapine', 'olanzapine'];
export const TOBACCO_CYP1A2_SOURCE = { source: src(['clozarilLabel', 'olanzapineLabel'], 'S', 'drug interactions: cigarette smoking induces CYP1A2 and lowers clozapine and olanzapine concentrations') };
/** What tobacco use alone asks beside clozapine or olanzapine taken now. */
export const TOBACCO_CYP1A2_ACTION = 'Ask about smoking at each visit; when it stops or starts, check the level and adjust the dose.';

/** What substance use asks when no other disorder the app assesses is recorded: there is no second disorder to treat with it. */
export const SUBSTANCE_USE_ALONE_WORDS = 'refer to the addiction service for assessment and treatment';
export const SUBSTANCE_USE_ALONE_SOURCE = { source: src(['samhsaTip63', 'apaAud2018'], 'S', 'assessment and medication treatment of opioid and alcohol use disorders') };

/** The conditions whose episode with psychotic features needs a rapid response, and what the strip asks then. */
export const PSYCHOTIC_DEPRESSION_CONDITIONS: ReadonlySet<ConditionKey> = new Set(['mdd', 'bipolar-depression']);
export const PSYCHOTIC_DEPRESSION_ACTION =
  'A depressive episode with psychotic features needs a rapid response: ECT is offered as urgent; esketamine and psychedelic trials weigh the psychosis.';

/** The safety rules for the rules panel. */
export const SAFETY_RULES: RuleRef[] = Object.values(SAFETY_RULE_BY_KIND).map((r) => ({
  id: `safety.${r.kind}`,
  summary: r.summary,
  source: sourceWords(r.source),
  verification: r.source.verification,
  references: r.source.refs,
}));
