/**
 * The catalog of interventional options and pseudo-resistance steps, AS DATA.
 *
 * Each row says when the option fits (eligibility paths, interpreted by the generic evaluator in evaluate.ts),
 * what speaks against it (risk rows: contraindications, high-risk cautions, cautions, notes), its usual course,
 * regulatory status and references. Facts come from shared/clinical/FACTS.md (copied here with their section and
 * verification tag); anything not verified there is tagged 'U' and shown to the clinician as unverified.
 * Numbers that are our own design choices (what "recent" means, the OCD threshold for deep TMS) are tagged 'U' too.
 */
import type {
  ComorbidityKey,
  ConditionKey,
  FlagKind,
  InterventionId,
  Outcome,
  ProcedureKind,
  PsychotherapyModality,
  Verification,
} from '../types';

export interface SourceRef {
  citation: string;
  verification: Verification;
}

/** Signals that make a referral urgent (FACTS.md §6.2 ECT "need a rapid response"; §6.3 esketamine MDD with SI). */
export type UrgencySignal = 'suicidal-ideation' | 'catatonia' | 'psychotic-features';

/** One condition of an eligibility path. Each is checked by a small function in evaluate.ts. */
export type Criterion =
  /** The engine assessed one of these conditions for this patient. */
  | { kind: 'assessed'; conditions: ConditionKey[] }
  /** At least `min` (and at most `max`) failed adequate trials in the current episode of one of the conditions; intolerances count when `orIntolerance`. */
  | { kind: 'failed-adequate-trials'; conditions: ConditionKey[]; min: number; max?: number; orIntolerance?: boolean }
  /** The engine concluded treatment resistance for one of the conditions (its own cited definition). */
  | { kind: 'treatment-resistant'; conditions: ConditionKey[] }
  /** Chronic (current episode longer than `chronicDays`) or recurrent (recurrent-episode code, or an earlier episode). */
  | { kind: 'chronic-or-recurrent'; conditions: ConditionKey[]; chronicDays: number }
  /** An active diagnosis of one of these kinds. */
  | { kind: 'diagnosis'; kinds: ComorbidityKey[] }
  /** One of the urgency signals is present. */
  | { kind: 'urgent'; signals: UrgencySignal[] }
  /** One of these pseudo-resistance / complexity flags is raised on an assessment. */
  | { kind: 'flag'; flags: FlagKind[] }
  /** At least `min` trials (any condition) that failed (non-response, partial response) or were not tolerated. */
  | { kind: 'failed-or-intolerant-trials'; min: number }
  /** A trial of `ingredient` that failed (non-response or partial response). */
  | { kind: 'ingredient-failed'; ingredient: string }
  /** No trial of `ingredient` yet (so it is still an option to start). */
  | { kind: 'no-trial-of'; ingredient: string };

/** All criteria must hold; the first path that holds gives the status. */
export interface EligibilityPath {
  status: 'suggested' | 'consider';
  all: Criterion[];
  /** The rule this path applies, as shown in the rules panel. */
  rule: { id: string; summary: string; source: SourceRef };
}

export type RiskMatch =
  | {
      kind: 'diagnosis';
      kinds: ComorbidityKey[];
      /** Only when the diagnosis began within this many days (e.g. a current pregnancy); older ones are ignored. */
      maxAgeDays?: number;
    }
  | { kind: 'procedure'; kinds: ProcedureKind[] }
  /** The latest blood pressure in the last `withinDays` days above systolic or diastolic. */
  | { kind: 'blood-pressure-above'; systolic: number; diastolic: number; withinDays: number }
  /** The engine assessed one of these conditions (e.g. schizophrenia as psychosis). */
  | { kind: 'assessed'; conditions: ConditionKey[] }
  /** A medication trial of one of these ingredients ended with one of these outcomes. */
  | { kind: 'prior-trial'; ingredients: string[]; outcomes: Outcome[] };

/**
 * contraindication: status becomes `contraindicated`; high-risk: listed, and a suggestion is lowered to `consider`
 * (weigh with anaesthesia/cardiology); caution: listed; note: listed to reassure ("pregnancy is not a
 * contraindication for ECT").
 */
export type RiskSeverity = 'contraindication' | 'high-risk' | 'caution' | 'note';

export interface RiskRow {
  id: string;
  match: RiskMatch;
  severity: RiskSeverity;
  /** Plain words, shown after what was found ("Cochlear implant (2019-03-01): ..."). */
  text: string;
  source: SourceRef;
}

export type RegulatoryKind =
  | 'fda-cleared-device'
  | 'fda-approved-drug'
  | 'fda-approved-device'
  | 'off-label'
  | 'investigational'
  | 'not-a-product';

export interface Regulatory {
  kind: RegulatoryKind;
  text: string;
  /** Dates as FACTS.md gives them. */
  dates: string[];
  source: SourceRef;
}

export interface OptionCode {
  system: string;
  code: string;
  display: string;
  verification: Verification;
}

export type OptionGroup = 'interventional' | 'pseudo-resistance';

export interface CatalogOption {
  id: InterventionId;
  name: string;
  /** What it is, in one line. */
  summary: string;
  group: OptionGroup;
  indications: ConditionKey[];
  /** Evaluated in order; the first path whose criteria all hold gives the status. */
  eligibility: EligibilityPath[];
  /** Why it is not eligible when no path holds, in plain words (the evaluator adds what the record shows). */
  notEligibleText: string;
  risks: RiskRow[];
  /** Statements that always accompany the option (REMS requirements, investigational status). */
  requirements: { text: string; source: SourceRef }[];
  /**
   * The urgency signals this option carries (FACTS.md §6.2: ECT for catatonia and severe episodes needing a rapid
   * response; §6.3: esketamine for MDD with acute suicidal ideation, but psychosis is a caution for it). Empty: never urgent.
   */
  urgentFor: UrgencySignal[];
  usualCourse: string;
  regulatory: Regulatory;
  references: SourceRef[];
  /** A ServiceRequest "Referral to psychiatry service" is written for it. */
  referral: boolean;
  /** A verified code for the activity; null = text only (ECT and rTMS SNOMED codes are unverified: FACTS.md §7.3). */
  code: OptionCode | null;
  /** Psychotherapy modalities that are this option: when the record shows one given, it is reported as given, not suggested. */
  givenAs?: PsychotherapyModality[];
}

// ---------------------------------------------------------------------------------------------
// Shared sources and risk rows
// ---------------------------------------------------------------------------------------------

const FACTS = (section: string, rest: string, verification: Verification): SourceRef => ({
  citation: `FACTS.md §${section}: ${rest}`,
  verification,
});

const OURS = (what: string): SourceRef => ({
  citation: `Design choice of this app (not from a clinical source): ${what}`,
  verification: 'U',
});

const TMS_DEVICE_LABELS = FACTS(
  '6.1',
  'TMS device labels / IFCN safety guidance (Washington University depression centre summary, clinic pages)',
  'S',
);

/** Conductive or ferromagnetic implants in or near the head, and implanted stimulators (FACTS.md §6.1). */
const TMS_RISKS: RiskRow[] = [
  {
    id: 'tms.contra.head-implant',
    match: { kind: 'diagnosis', kinds: ['head-implant'] },
    severity: 'contraindication',
    text: 'conductive, ferromagnetic or magnetically sensitive implant in or near the head (cochlear implant, aneurysm clips or coils, stents, stimulators) contraindicates TMS',
    source: TMS_DEVICE_LABELS,
  },
  {
    id: 'tms.contra.implanted-stimulator',
    match: { kind: 'procedure', kinds: ['vns', 'dbs'] },
    severity: 'contraindication',
    text: 'an implanted deep-brain or vagus nerve stimulator contraindicates TMS (2021 IFCN update considers some feasible with precautions; device labels not updated)',
    source: TMS_DEVICE_LABELS,
  },
  {
    id: 'tms.high-risk.cardiac-device',
    match: { kind: 'diagnosis', kinds: ['cardiac-device'] },
    severity: 'high-risk',
    text: 'intracardiac electrodes or an implanted defibrillator/pacemaker are listed among TMS contraindications and cautions: plan with the TMS provider and cardiology',
    source: TMS_DEVICE_LABELS,
  },
  {
    id: 'tms.high-risk.raised-icp',
    match: { kind: 'diagnosis', kinds: ['raised-intracranial-pressure'] },
    severity: 'high-risk',
    text: 'raised intracranial pressure is listed among TMS contraindications and cautions',
    source: TMS_DEVICE_LABELS,
  },
  {
    id: 'tms.caution.epilepsy',
    match: { kind: 'diagnosis', kinds: ['epilepsy'] },
    severity: 'caution',
    text: 'seizure history raises the seizure risk of TMS',
    source: TMS_DEVICE_LABELS,
  },
  {
    id: 'tms.note.prior-course',
    match: { kind: 'procedure', kinds: ['tms'] },
    severity: 'note',
    text: 'a previous TMS course is recorded: review its response (Medicare LCD L37086 covers retreatment only after a prior response above 50%)',
    source: FACTS('6.1', 'Medicare LCD L37086 as summarised', 'S'),
  },
  {
    id: 'tms.caution.pregnancy',
    match: { kind: 'diagnosis', kinds: ['pregnancy'], maxAgeDays: 294 },
    severity: 'caution',
    text: 'safety of TMS in pregnancy is not established (IFCN)',
    source: TMS_DEVICE_LABELS,
  },
];

const ECT_APA = FACTS('6.2', 'APA Task Force 2000 as cited in a textbook chapter and a UK text', 'S');

const ECT_RISKS: RiskRow[] = [
  {
    id: 'ect.high-risk.raised-icp',
    match: { kind: 'diagnosis', kinds: ['raised-intracranial-pressure'] },
    severity: 'high-risk',
    text: 'space-occupying lesion or raised intracranial pressure makes ECT high-risk (no absolute contraindication)',
    source: ECT_APA,
  },
  {
    id: 'ect.high-risk.recent-mi',
    match: { kind: 'diagnosis', kinds: ['recent-myocardial-infarction'] },
    severity: 'high-risk',
    text: 'recent myocardial infarction makes ECT high-risk',
    source: ECT_APA,
  },
  {
    id: 'ect.high-risk.recent-stroke',
    match: { kind: 'diagnosis', kinds: ['recent-stroke'] },
    severity: 'high-risk',
    text: 'recent stroke makes ECT high-risk',
    source: ECT_APA,
  },
  {
    id: 'ect.high-risk.aneurysm',
    match: { kind: 'diagnosis', kinds: ['aneurysm-or-avm'] },
    severity: 'high-risk',
    text: 'an unstable or bleeding aneurysm or arteriovenous malformation makes ECT high-risk',
    source: ECT_APA,
  },
  {
    id: 'ect.note.prior-course',
    match: { kind: 'procedure', kinds: ['ect'] },
    severity: 'note',
    text: 'a previous ECT course is recorded: review its response and side effects before repeating it',
    source: OURS('prior ECT shown for review; not a FACTS.md rule'),
  },
  {
    id: 'ect.note.pregnancy',
    match: { kind: 'diagnosis', kinds: ['pregnancy'], maxAgeDays: 294 },
    severity: 'note',
    text: 'pregnancy is not a contraindication for ECT; plan it with obstetric care',
    source: ECT_APA,
  },
];

const SPRAVATO_LABEL = FACTS('6.3', 'Spravato (esketamine) label excerpts, consistent across 3 reproductions', 'S');

const ESKETAMINE_RISKS: RiskRow[] = [
  {
    id: 'esketamine.contra.aneurysm-avm',
    match: { kind: 'diagnosis', kinds: ['aneurysm-or-avm'] },
    severity: 'contraindication',
    text: 'aneurysmal vascular disease (aorta, intracranial, peripheral arteries) or arteriovenous malformation contraindicates esketamine',
    source: SPRAVATO_LABEL,
  },
  {
    id: 'esketamine.contra.ich',
    match: { kind: 'diagnosis', kinds: ['intracerebral-haemorrhage'] },
    severity: 'contraindication',
    text: 'a history of intracerebral haemorrhage contraindicates esketamine',
    source: SPRAVATO_LABEL,
  },
  {
    id: 'esketamine.caution.prior-intolerance',
    match: { kind: 'prior-trial', ingredients: ['esketamine', 'ketamine'], outcomes: ['intolerance'] },
    severity: 'caution',
    text: 'ketamine or esketamine was not tolerated before: check for hypersensitivity, which contraindicates esketamine',
    source: SPRAVATO_LABEL,
  },
  {
    id: 'esketamine.note.prior-course',
    match: { kind: 'procedure', kinds: ['esketamine'] },
    severity: 'note',
    text: 'esketamine sessions are already recorded: review their response',
    source: OURS('prior esketamine shown for review; not a FACTS.md rule'),
  },
  {
    id: 'esketamine.caution.pregnancy',
    match: { kind: 'diagnosis', kinds: ['pregnancy'], maxAgeDays: 294 },
    severity: 'caution',
    text: 'esketamine should not be used in pregnancy (medication guide); no breastfeeding',
    source: SPRAVATO_LABEL,
  },
  {
    id: 'esketamine.caution.psychosis',
    match: { kind: 'diagnosis', kinds: ['psychotic-features'] },
    severity: 'caution',
    text: 'weigh benefit and risk of esketamine in psychosis',
    source: SPRAVATO_LABEL,
  },
  {
    id: 'esketamine.caution.psychotic-disorder',
    match: { kind: 'assessed', conditions: ['schizophrenia'] },
    severity: 'caution',
    text: 'weigh benefit and risk of esketamine in a psychotic disorder',
    source: SPRAVATO_LABEL,
  },
  {
    id: 'esketamine.caution.substance-use',
    match: { kind: 'diagnosis', kinds: ['substance-use'] },
    severity: 'caution',
    text: 'substance-use history: esketamine carries a boxed warning for abuse and misuse',
    source: SPRAVATO_LABEL,
  },
  {
    id: 'esketamine.caution.blood-pressure',
    match: { kind: 'blood-pressure-above', systolic: 140, diastolic: 90, withinDays: 90 },
    severity: 'caution',
    text: 'blood pressure above 140/90: assess before dosing and consider delaying esketamine',
    source: SPRAVATO_LABEL,
  },
  {
    id: 'esketamine.caution.hypertension',
    match: { kind: 'diagnosis', kinds: ['hypertension'] },
    severity: 'caution',
    text: 'hypertension (cardiovascular disease): esketamine raises blood pressure; check it is controlled',
    source: SPRAVATO_LABEL,
  },
  {
    id: 'esketamine.caution.cerebrovascular',
    match: { kind: 'diagnosis', kinds: ['recent-stroke', 'recent-myocardial-infarction'] },
    severity: 'caution',
    text: 'cardiovascular or cerebrovascular disease is a caution for esketamine',
    source: SPRAVATO_LABEL,
  },
];

/** IV ketamine: the consensus exclusion list was not read (FACTS.md §6.4); the Spravato label is the nearest analogue. */
// Rows about earlier esketamine use are left out: they concern the Spravato course itself.
const IV_KETAMINE_RISKS: RiskRow[] = ESKETAMINE_RISKS.filter((row) => !row.id.includes('.prior')).map((row) => ({
  ...row,
  id: row.id.replace('esketamine.', 'iv-ketamine.'),
  // Unverified for IV ketamine: applied by analogy, so never stronger than a caution.
  severity: row.severity === 'contraindication' ? 'high-risk' : row.severity,
  text: `${row.text.replace(/esketamine/g, 'ketamine')} (by analogy with the esketamine label; the IV-ketamine consensus exclusions are unverified)`,
  source: FACTS('6.4', 'IV-ketamine consensus exclusion list not read; Spravato label cautions applied as nearest analogue', 'U'),
}));

const PSYCHOSIS_EXCLUSION: RiskRow[] = [
  {
    id: 'psychedelic-trial.caution.psychosis',
    match: { kind: 'diagnosis', kinds: ['psychotic-features'] },
    severity: 'caution',
    text: 'psychotic features usually exclude patients from psychedelic trials (check the trial protocol)',
    source: OURS('psychedelic trials commonly exclude psychosis; not in FACTS.md'),
  },
  {
    id: 'psychedelic-trial.caution.psychotic-disorder',
    match: { kind: 'assessed', conditions: ['schizophrenia', 'bipolar-depression'] },
    severity: 'caution',
    text: 'psychotic or bipolar disorders usually exclude patients from psychedelic trials (check the trial protocol)',
    source: OURS('psychedelic trials commonly exclude psychotic and bipolar disorders; not in FACTS.md'),
  },
];

// ---------------------------------------------------------------------------------------------
// Eligibility rules used by more than one option
// ---------------------------------------------------------------------------------------------

const TMS_RULE: EligibilityPath = {
  status: 'suggested',
  all: [{ kind: 'failed-adequate-trials', conditions: ['mdd'], min: 1, orIntolerance: true }],
  rule: {
    id: 'suggest.tms.one-failure',
    summary:
      'rTMS fits MDD after at least one failed adequate antidepressant trial or an intolerance in the current episode.',
    source: FACTS(
      '6.1',
      'NeuroStar FDA de novo Oct 2008 (one prior failed antidepressant); Medicare LCD L34998/L34522 (failure of >=1 adequate trial or intolerance)',
      'S',
    ),
  },
};

const ECT_PATHS: EligibilityPath[] = [
  {
    status: 'suggested',
    all: [{ kind: 'urgent', signals: ['catatonia'] }],
    rule: {
      id: 'suggest.ect.catatonia',
      summary: 'ECT fits catatonia.',
      source: FACTS('6.2', 'FDA final order 26 Dec 2018 (83 FR 66103): Class II for catatonia', 'V'),
    },
  },
  {
    status: 'suggested',
    all: [
      { kind: 'assessed', conditions: ['mdd', 'bipolar-depression'] },
      { kind: 'urgent', signals: ['suicidal-ideation', 'psychotic-features'] },
    ],
    rule: {
      id: 'suggest.ect.rapid-response',
      summary:
        'ECT fits a severe depressive episode (MDD or bipolar) that needs a rapid response: suicidal ideation or psychotic features.',
      source: FACTS('6.2', 'FDA final order 26 Dec 2018: severe MDE in MDD or bipolar disorder needing a rapid response', 'V'),
    },
  },
  {
    status: 'suggested',
    all: [{ kind: 'treatment-resistant', conditions: ['mdd', 'bipolar-depression'] }],
    rule: {
      id: 'suggest.ect.treatment-resistant',
      summary: 'ECT fits treatment-resistant depression, unipolar or bipolar.',
      source: FACTS('6.2', 'FDA final order 26 Dec 2018: severe MDE in MDD or bipolar disorder, treatment-resistant', 'V'),
    },
  },
];

// ---------------------------------------------------------------------------------------------
// The catalog
// ---------------------------------------------------------------------------------------------

export const CATALOG: readonly CatalogOption[] = [
  {
    id: 'tms',
    name: 'Repetitive transcranial magnetic stimulation (rTMS)',
    summary: 'Magnetic pulses over the left dorsolateral prefrontal cortex in daily outpatient sessions, no anaesthesia.',
    group: 'interventional',
    indications: ['mdd'],
    eligibility: [TMS_RULE],
    notEligibleText:
      'rTMS needs major depressive disorder with at least one failed adequate antidepressant trial or an intolerance in the current episode.',
    risks: TMS_RISKS,
    requirements: [],
    urgentFor: [],
    usualCourse: '5 sessions a week for 4–6 weeks (10 Hz, 3,000 pulses per session, 120% motor threshold; O’Reardon 2007).',
    regulatory: {
      kind: 'fda-cleared-device',
      text: 'FDA de novo (NeuroStar, DEN070003, product code OBP) for adults with MDD who failed one prior antidepressant in the current episode.',
      dates: ['October 2008 (sources give 7 and 10 Oct 2008)'],
      source: FACTS('6.1', 'openFDA OBP k-list [V]; approval date from mdedge and Carlat [S]', 'S'),
    },
    references: [
      FACTS('6.1', "O'Reardon et al. 2007 RCT (n=301), protocol", 'V'),
      FACTS('6.1', 'Medicare LCDs L34998/L34522 as summarised', 'S'),
    ],
    referral: true,
    code: null,
  },
  {
    id: 'accelerated-tms',
    name: 'Accelerated iTBS (SAINT / Stanford neuromodulation therapy)',
    summary:
      'Ten MRI-guided intermittent theta-burst sessions a day for five days, targeting the prefrontal spot most anticorrelated with the subgenual cingulate.',
    group: 'interventional',
    indications: ['mdd'],
    // Same entry criterion as rTMS, but only "consider": few centres, fcMRI neuronavigation, small pivotal data.
    eligibility: [{ ...TMS_RULE, status: 'consider', rule: { ...TMS_RULE.rule, id: 'suggest.accelerated-tms.one-failure', summary: 'Accelerated iTBS (SAINT) may be considered where rTMS fits: MDD after at least one failed adequate trial or an intolerance; pivotal data are small (n=21 open, 29 sham-controlled).' } }],
    notEligibleText:
      'Accelerated iTBS needs major depressive disorder with at least one failed adequate antidepressant trial or an intolerance in the current episode.',
    risks: TMS_RISKS.map((row) => ({ ...row, id: row.id.replace('tms.', 'accelerated-tms.') })),
    requirements: [],
    urgentFor: [],
    usualCourse: '10 iTBS sessions a day × 5 days (50 sessions, 1,800 pulses each, 50 minutes apart), fcMRI-guided target.',
    regulatory: {
      kind: 'fda-cleared-device',
      text: 'Magnus Medical SAINT system cleared by the FDA.',
      dates: ['6 Sep 2022'],
      source: FACTS('6.1', 'Clinical TMS Society statement', 'S'),
    },
    references: [FACTS('6.1', 'Cole et al. AJP 2020 abstract (SAINT protocol)', 'V')],
    referral: true,
    code: null,
  },
  {
    id: 'deep-tms',
    name: 'Deep TMS for OCD (H7 coil)',
    summary: 'Deep transcranial magnetic stimulation with symptom provocation, as an add-on to an SRI and/or behavioural therapy.',
    group: 'interventional',
    indications: ['ocd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'failed-adequate-trials', conditions: ['ocd'], min: 1 }],
        rule: {
          id: 'suggest.deep-tms.ocd-failure',
          summary:
            'Deep TMS fits OCD as an add-on after at least one failed adequate SRI trial (12 weeks at a high dose). The one-failure threshold is this app’s choice: the FDA authorisation is for adjunctive use in adults with OCD.',
          source: FACTS('6.1', 'BrainsWay H7 de novo DEN170078 (adjunct in adult OCD) [V]; one-failure threshold unverified', 'U'),
        },
      },
    ],
    notEligibleText: 'Deep TMS is the OCD option: it needs OCD with at least one failed adequate SRI trial.',
    risks: TMS_RISKS.map((row) => ({ ...row, id: row.id.replace('tms.', 'deep-tms.') })),
    requirements: [],
    urgentFor: [],
    usualCourse: '5 sessions a week for 6 weeks with individualised symptom provocation.',
    regulatory: {
      kind: 'fda-cleared-device',
      text: 'FDA de novo marketing authorisation (BrainsWay H7, DEN170078, product code QCI) as adjunct to SRI and/or behavioural therapy in adults with OCD.',
      dates: ['August 2018'],
      source: FACTS('6.1', 'openFDA QCI classification k-list', 'V'),
    },
    references: [FACTS('6.1', 'pivotal RCT n=100, response 38% vs 11% (FDA statement via news)', 'S')],
    referral: true,
    code: null,
  },
  {
    id: 'ect',
    name: 'Electroconvulsive therapy (ECT)',
    summary: 'A series of brief, anaesthetised, electrically induced seizures; the most effective acute treatment for severe depression.',
    group: 'interventional',
    indications: ['mdd', 'bipolar-depression'],
    eligibility: ECT_PATHS,
    notEligibleText:
      'ECT fits treatment-resistant depression (MDD or bipolar), catatonia, psychotic depression, or a depressive episode needing a rapid response; none is recorded.',
    risks: ECT_RISKS,
    requirements: [],
    urgentFor: ['suicidal-ideation', 'catatonia', 'psychotic-features'],
    usualCourse: '6–12 treatments, 2–3 a week over about 2–4 weeks; stop at remission or plateau; continuation every 1–4 weeks.',
    regulatory: {
      kind: 'fda-cleared-device',
      text: 'ECT devices are Class II for catatonia or a severe major depressive episode (MDD or bipolar), age ≥13, treatment-resistant or needing a rapid response; other uses remain Class III.',
      dates: ['FDA final order 26 Dec 2018 (83 FR 66103)'],
      source: FACTS('6.2', 'Federal Register text', 'V'),
    },
    references: [ECT_APA, FACTS('6.2', 'usual course, multiple clinical sources', 'S')],
    referral: true,
    code: null,
  },
  {
    id: 'esketamine',
    name: 'Esketamine nasal spray (Spravato)',
    summary: 'An NMDA-receptor antagonist given intranasally under observation in a certified setting.',
    group: 'interventional',
    indications: ['mdd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'failed-adequate-trials', conditions: ['mdd'], min: 2 }],
        rule: {
          id: 'suggest.esketamine.trd',
          summary: 'Esketamine fits treatment-resistant depression: MDD with at least 2 failed adequate antidepressant trials in the current episode.',
          source: FACTS('6.3', 'Spravato indication (TRD; monotherapy approved 21 Jan 2025)', 'S'),
        },
      },
      {
        status: 'suggested',
        all: [{ kind: 'assessed', conditions: ['mdd'] }, { kind: 'urgent', signals: ['suicidal-ideation'] }],
        rule: {
          id: 'suggest.esketamine.suicidal-ideation',
          summary: 'Esketamine fits MDD with acute suicidal ideation or behaviour (with an oral antidepressant).',
          source: FACTS('6.3', 'Spravato indication (MDD with acute suicidal ideation/behaviour)', 'S'),
        },
      },
    ],
    notEligibleText:
      'Esketamine needs MDD with at least 2 failed adequate antidepressant trials in the current episode, or MDD with acute suicidal ideation.',
    risks: ESKETAMINE_RISKS,
    requirements: [
      {
        text: 'REMS: only in a certified healthcare setting, patient enrolled, self-administered under direct observation, monitored for at least 2 hours until sedation, dissociation and respiratory depression resolve; never dispensed for home use; a Patient Monitoring Form after each outpatient session.',
        source: FACTS('6.3', 'FDA REMS page (REMS=386), spravatorems.com', 'V'),
      },
      {
        text: 'Boxed warning: sedation, dissociation, abuse and misuse, suicidal thoughts and behaviours; blood pressure before dosing, about 40 minutes after, and before discharge.',
        source: FACTS('6.3', 'label excerpts', 'S'),
      },
    ],
    urgentFor: ['suicidal-ideation'],
    usualCourse: 'TRD: twice weekly weeks 1–4 (56 mg day 1, then 56 or 84 mg), weekly weeks 5–8, then every 1–2 weeks. MDD with suicidal ideation: 84 mg twice weekly for 4 weeks.',
    regulatory: {
      kind: 'fda-approved-drug',
      text: 'FDA-approved for TRD in adults (monotherapy since 21 Jan 2025) and for depressive symptoms in MDD with acute suicidal ideation; REMS-restricted.',
      dates: ['2019 (first label)', '21 Jan 2025 (monotherapy)'],
      source: FACTS('6.3', 'J&J release via news; label excerpts', 'S'),
    },
    references: [SPRAVATO_LABEL, FACTS('6.3', 'FDA REMS page REMS=386', 'V')],
    referral: true,
    code: null,
  },
  {
    id: 'iv-ketamine',
    name: 'Intravenous ketamine (off-label)',
    summary: 'Ketamine infusions, usually 0.5 mg/kg over 40 minutes, as a short series; not FDA-approved for depression.',
    group: 'interventional',
    indications: ['mdd'],
    eligibility: [
      {
        status: 'consider',
        all: [{ kind: 'treatment-resistant', conditions: ['mdd'] }],
        rule: {
          id: 'suggest.iv-ketamine.trd',
          summary: 'IV ketamine may be considered off-label in treatment-resistant depression (APA research council consensus guides its use).',
          source: FACTS('6.4', 'Sanacora et al. JAMA Psychiatry 2017 abstract', 'V'),
        },
      },
    ],
    notEligibleText: 'IV ketamine is considered only in treatment-resistant depression (MDD with at least 2 failed adequate trials).',
    risks: IV_KETAMINE_RISKS,
    requirements: [
      {
        text: 'Off-label: not FDA-approved for depression; the consensus exclusion list was not verified for this app.',
        source: FACTS('6.4', 'exclusion list not read', 'U'),
      },
    ],
    urgentFor: [],
    usualCourse: '0.5 mg/kg over 40 minutes; a single infusion or a short series, maintenance individualised.',
    regulatory: {
      kind: 'off-label',
      text: 'Not FDA-approved for depression (off-label use).',
      dates: [],
      source: FACTS('6.4', 'APA Council of Research consensus 2017', 'V'),
    },
    references: [FACTS('6.4', 'Andrade JCP 2017 abstract (dosing)', 'V')],
    referral: true,
    code: null,
  },
  {
    id: 'vns',
    name: 'Vagus nerve stimulation (VNS)',
    summary: 'An implanted pulse generator stimulating the left vagus nerve, as long-term adjunctive treatment.',
    group: 'interventional',
    indications: ['mdd'],
    eligibility: [
      {
        // "consider", never "suggested": Medicare covers it only within an approved trial (FACTS.md §6.5).
        status: 'consider',
        all: [
          { kind: 'failed-adequate-trials', conditions: ['mdd'], min: 4 },
          { kind: 'chronic-or-recurrent', conditions: ['mdd'], chronicDays: 730 },
        ],
        rule: {
          id: 'suggest.vns.four-failures',
          summary:
            'VNS fits chronic (2 years or more) or recurrent depression after at least 4 failed adequate antidepressant treatments; Medicare covers it only within an approved trial.',
          source: FACTS('6.5', 'FDA 15 Jul 2005 indication as quoted in CMS NCA CAG-00313R; NCD 160.18 (2019)', 'S'),
        },
      },
    ],
    notEligibleText:
      'VNS needs chronic or recurrent depression with at least 4 failed adequate antidepressant treatments.',
    risks: [
      {
        id: 'vns.contra.vagotomy',
        match: { kind: 'diagnosis', kinds: ['vagotomy'] },
        severity: 'contraindication',
        text: 'prior bilateral or left cervical vagotomy contraindicates VNS',
        source: FACTS('6.5', 'CMS NCA text quoting the manufacturer', 'V'),
      },
    ],
    requirements: [
      {
        text: 'No short-wave, microwave or therapeutic-ultrasound diathermy after implantation. Medicare: coverage with evidence development only (approved RCT, RECOVER).',
        source: FACTS('6.5', 'CMS NCA / NCD 160.18', 'V'),
      },
    ],
    urgentFor: [],
    usualCourse: 'Surgical implantation, then long-term stimulation with gradual titration; benefit accrues over months.',
    regulatory: {
      kind: 'fda-approved-device',
      text: 'FDA approval for adjunctive long-term treatment of chronic or recurrent depression (≥18 years) after ≥4 adequate antidepressant treatments.',
      dates: ['15 Jul 2005'],
      source: FACTS('6.5', 'Carlat; WebMD; CMS NCA wording', 'S'),
    },
    references: [FACTS('6.5', 'CMS NCD 160.18 (15 Feb 2019); RECOVER NCT03887715', 'V')],
    referral: true,
    code: { system: 'http://snomed.info/sct', code: '445319001', display: 'Insertion of vagal nerve stimulator', verification: 'V' },
  },
  {
    id: 'clozapine',
    name: 'Clozapine',
    summary: 'The one antipsychotic shown effective in treatment-resistant schizophrenia.',
    group: 'interventional',
    indications: ['schizophrenia'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'treatment-resistant', conditions: ['schizophrenia'] }, { kind: 'no-trial-of', ingredient: 'clozapine' }],
        rule: {
          id: 'suggest.clozapine.trrip',
          summary:
            'Clozapine fits treatment-resistant schizophrenia by TRRIP: non-response to at least 2 adequate trials (600 mg/day chlorpromazine-equivalent for at least 6 weeks) of different antipsychotics.',
          source: FACTS('4.1–4.2', 'Howes et al. AJP 2017 (TRRIP); Petrides et al. AJP 2015', 'V'),
        },
      },
    ],
    notEligibleText:
      'Clozapine is proposed for treatment-resistant schizophrenia by TRRIP (2 failed adequate antipsychotic trials) when it has not been tried yet.',
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'Slow titration with the monitoring its local programme requires; judge response after an adequate trial (TRRIP: 3 months at a level above 350 ng/mL before calling it failed).',
    regulatory: {
      kind: 'fda-approved-drug',
      text: 'FDA-approved antipsychotic for treatment-resistant schizophrenia.',
      dates: [],
      source: OURS('regulatory date of clozapine not in FACTS.md'),
    },
    references: [FACTS('4.2', 'Petrides et al. AJP 2015 (45–70% still respond poorly)', 'V')],
    referral: false,
    code: null,
  },
  {
    id: 'ect-clozapine-augmentation',
    name: 'ECT augmentation of clozapine',
    summary: 'Bilateral ECT added to an unchanged clozapine dose in clozapine-resistant schizophrenia.',
    group: 'interventional',
    indications: ['schizophrenia'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'assessed', conditions: ['schizophrenia'] }, { kind: 'ingredient-failed', ingredient: 'clozapine' }],
        rule: {
          id: 'suggest.ect-clozapine.clozapine-failed',
          summary: 'ECT augmentation fits schizophrenia when clozapine has failed (Petrides RCT: 50% response with ECT + clozapine vs 0%).',
          source: FACTS('4.2', 'Petrides et al. AJP 2015 RCT (n=39)', 'V'),
        },
      },
    ],
    notEligibleText: 'ECT augmentation is proposed in schizophrenia when a clozapine trial has failed.',
    risks: ECT_RISKS.map((row) => ({ ...row, id: row.id.replace('ect.', 'ect-clozapine-augmentation.') })),
    requirements: [],
    urgentFor: [],
    usualCourse: 'Bilateral ECT 3 a week for 4 weeks, then 2 a week for 4 weeks, clozapine dose unchanged (Petrides 2015).',
    regulatory: {
      kind: 'off-label',
      text: 'ECT for schizophrenia is outside the FDA Class II indications (catatonia, severe MDE): Class III use.',
      dates: ['FDA final order 26 Dec 2018'],
      source: FACTS('6.2', 'Federal Register text', 'V'),
    },
    references: [FACTS('4.2', 'Petrides et al. AJP 2015', 'V')],
    referral: true,
    code: null,
  },
  {
    id: 'pharmacogenomic-testing',
    name: 'Pharmacogenomic testing',
    summary: 'A genotype panel (e.g. CYP2D6, CYP2C19) to guide the choice and dose of the next medication.',
    group: 'interventional',
    indications: ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'],
    eligibility: [
      {
        status: 'consider',
        all: [{ kind: 'failed-or-intolerant-trials', min: 1 }],
        rule: {
          id: 'suggest.pgx.failure-or-intolerance',
          summary:
            'Pharmacogenomic testing may be considered after a failed or poorly tolerated medication trial; evidence that it improves outcomes is mixed and was not verified for this app.',
          source: OURS('threshold of 1 failure or intolerance; PGx evidence not in FACTS.md'),
        },
      },
    ],
    notEligibleText: 'Pharmacogenomic testing is considered after a failed or poorly tolerated medication trial; none is recorded.',
    risks: [],
    requirements: [
      {
        text: 'Evidence level: guidance on testing varies; results inform dosing of some agents (CYP2D6/CYP2C19) but do not by themselves pick a drug. Not verified in this app’s fact sheet.',
        source: OURS('evidence statement not in FACTS.md'),
      },
    ],
    urgentFor: [],
    usualCourse: 'One test (cheek swab or blood); results in days to weeks.',
    regulatory: { kind: 'not-a-product', text: 'Laboratory test; coverage varies.', dates: [], source: OURS('not in FACTS.md') },
    references: [],
    referral: false,
    code: null,
  },
  {
    id: 'psychedelic-trial',
    name: 'Psilocybin clinical trial (referral)',
    summary: 'Referral to a clinical trial of psilocybin therapy; investigational, not approved anywhere in the sources read.',
    group: 'interventional',
    indications: ['mdd'],
    eligibility: [
      {
        status: 'consider',
        all: [{ kind: 'failed-adequate-trials', conditions: ['mdd'], min: 2, max: 4 }],
        rule: {
          id: 'suggest.psychedelic-trial.comp-criteria',
          summary:
            'A psilocybin trial referral may be considered in TRD with 2–4 failed treatments in the current episode (the COMP005/COMP006 entry criterion).',
          source: FACTS('6.6', 'Compass COMP005/COMP006 releases as summarised', 'S'),
        },
      },
    ],
    notEligibleText: 'Psilocybin trials (COMP005/006) enrol TRD with 2–4 failed treatments in the current episode.',
    risks: PSYCHOSIS_EXCLUSION,
    requirements: [
      {
        text: 'Investigational: clinical-trial referral only. Psilocybin (COMP360) is not approved; an NDA was in rolling review in 2026.',
        source: FACTS('6.6', 'company releases as summarised', 'S'),
      },
    ],
    urgentFor: [],
    usualCourse: 'As the trial protocol sets (COMP006: 2 doses 3 weeks apart with psychological support).',
    regulatory: {
      kind: 'investigational',
      text: 'Investigational; FDA rolling NDA review and a National Priority Voucher announced 24 Apr 2026.',
      dates: ['24 Apr 2026'],
      source: FACTS('6.6', 'company releases as summarised', 'S'),
    },
    references: [FACTS('6.6', 'COMP005 (n=258), COMP006 (NCT05711940)', 'S')],
    referral: true,
    code: null,
  },
  // ---- Steps that address pseudo-resistance and complexity first ----
  {
    id: 'dose-optimization',
    name: 'Dose and duration optimisation',
    summary: 'Bring an under-dosed or too-short trial to an adequate dose for an adequate time before calling it a failure.',
    group: 'pseudo-resistance',
    indications: ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'flag', flags: ['inadequate-dose', 'too-short'] }],
        rule: {
          id: 'suggest.dose-optimization.inadequate-trials',
          summary: 'Optimise dose and duration when trials were below the minimum adequate dose or shorter than the adequate duration.',
          source: FACTS('1.1–1.3', 'adequate dose and duration (MGH-ATRQ doses [S]; EU-PEARL: stopped before week 4 is not a failure [V])', 'S'),
        },
      },
    ],
    notEligibleText: 'No trial was flagged as under-dosed or too short.',
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'Raise to at least the minimum adequate dose and hold it for at least 6 weeks (12 weeks at a high dose in OCD).',
    regulatory: { kind: 'not-a-product', text: 'Clinical practice step.', dates: [], source: FACTS('1.2', 'MGH-S uses ≥6 weeks at adequate dose', 'V') },
    references: [FACTS('1.3', 'MGH-ATRQ minimum doses (COMP006 form)', 'S'), FACTS('5', 'OCD: ≥12 weeks at moderate-to-high dose', 'S')],
    referral: false,
    code: null,
  },
  {
    id: 'adherence-support',
    name: 'Adherence support',
    summary: 'Address why doses were missed (side effects, cost, beliefs, routine) before counting a trial as failed.',
    group: 'pseudo-resistance',
    indications: ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'flag', flags: ['poor-adherence'] }],
        rule: {
          id: 'suggest.adherence-support.poor-adherence',
          summary: 'Support adherence when dispensing shows poor adherence (TRRIP asks for at least 80% of prescribed doses).',
          source: FACTS('4.1', 'TRRIP adherence ≥80% (Howes 2017)', 'V'),
        },
      },
    ],
    notEligibleText: 'No trial was flagged for poor adherence.',
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'Review at each visit; consider a long-acting injectable where an antipsychotic is involved.',
    regulatory: { kind: 'not-a-product', text: 'Clinical practice step.', dates: [], source: FACTS('4.1', 'TRRIP', 'V') },
    references: [FACTS('4.1', 'TRRIP adherence criterion', 'V')],
    referral: false,
    code: null,
  },
  {
    id: 'integrated-dual-diagnosis',
    name: 'Integrated dual-diagnosis treatment',
    summary: 'Treat the substance use and the psychiatric disorder together, in one team.',
    group: 'pseudo-resistance',
    indications: ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'flag', flags: ['substance-use'] }],
        rule: {
          id: 'suggest.dual-diagnosis.substance-use',
          summary: 'Co-occurring substance use can mimic treatment resistance: treat both together.',
          source: OURS('substance use as a pseudo-resistance flag (issue 3 item 6); treatment model not in FACTS.md'),
        },
      },
      {
        status: 'suggested',
        all: [{ kind: 'diagnosis', kinds: ['substance-use'] }],
        rule: {
          id: 'suggest.dual-diagnosis.substance-use-diagnosis',
          summary: 'A recorded substance-use disorder: treat it together with the psychiatric disorder.',
          source: OURS('substance use as a complexity factor; treatment model not in FACTS.md'),
        },
      },
    ],
    notEligibleText: 'No substance-use disorder is recorded.',
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'Ongoing, within one team.',
    regulatory: { kind: 'not-a-product', text: 'Service model.', dates: [], source: OURS('not in FACTS.md') },
    references: [FACTS('7.2', 'Substance use F10–F19 (VSAC 2.16.840.1.113883.3.464.1003.106.12.1001)', 'V')],
    referral: false,
    code: null,
  },
  {
    id: 'trauma-focused-therapy',
    name: 'Trauma-focused psychotherapy',
    summary: 'A trauma-focused psychological treatment (e.g. prolonged exposure, cognitive processing therapy, EMDR).',
    group: 'pseudo-resistance',
    indications: ['ptsd', 'mdd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'assessed', conditions: ['ptsd'] }],
        rule: {
          id: 'suggest.trauma-therapy.ptsd',
          summary: 'PTSD: trauma-focused therapy (about 9–15 sessions).',
          source: FACTS('5', 'PTSD: trauma-focused therapy ~9–15 sessions (droracle summary)', 'S'),
        },
      },
      {
        status: 'suggested',
        all: [{ kind: 'diagnosis', kinds: ['trauma'] }],
        rule: {
          id: 'suggest.trauma-therapy.trauma',
          summary: 'Recorded trauma: consider whether trauma-focused therapy addresses what medication has not.',
          source: FACTS('2.5', 'childhood adversity/trauma tested as a DM-TRD item (van Dijk 2019)', 'V'),
        },
      },
    ],
    notEligibleText: 'No PTSD or trauma is recorded.',
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'About 9–15 sessions.',
    regulatory: { kind: 'not-a-product', text: 'Psychological treatment.', dates: [], source: FACTS('5', 'PTSD', 'S') },
    references: [FACTS('5', 'E-TRIP (Dunlop et al. 2014)', 'V')],
    referral: false,
    code: null,
    givenAs: ['trauma-focused'],
  },
  {
    id: 'psychosocial-support',
    name: 'Psychosocial support',
    summary: 'Social work and support for housing, employment, money, relationships or legal problems that sustain the illness.',
    group: 'pseudo-resistance',
    indications: ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'diagnosis', kinds: ['psychosocial-stressor'] }],
        rule: {
          id: 'suggest.psychosocial.z55-z65',
          summary: 'Recorded psychosocial stressors (ICD-10-CM Z55–Z65): address them alongside treatment.',
          source: FACTS('2.5', 'DM-TRD adds psychosocial stressors to staging (Peeters 2016)', 'V'),
        },
      },
    ],
    notEligibleText: 'No psychosocial stressor (Z55–Z65) is recorded.',
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'As needed; social-work assessment first.',
    regulatory: { kind: 'not-a-product', text: 'Service.', dates: [], source: OURS('not in FACTS.md') },
    references: [FACTS('2.5', 'Peeters et al. J Affect Disord 2016 abstract', 'V')],
    referral: false,
    code: null,
  },
  {
    id: 'digital-therapy',
    name: 'Digital therapy (app-based CBT)',
    summary: 'A structured digital cognitive-behavioural programme as an adjunct to treatment.',
    group: 'pseudo-resistance',
    indications: ['mdd', 'ptsd', 'ocd'],
    eligibility: [
      {
        status: 'consider',
        all: [{ kind: 'assessed', conditions: ['mdd', 'ocd', 'ptsd'] }, { kind: 'failed-or-intolerant-trials', min: 1 }],
        rule: {
          id: 'suggest.digital-therapy.adjunct',
          summary: 'A digital CBT programme may be considered as an adjunct after a medication trial did not work; evidence and regulatory status not verified for this app.',
          source: OURS('digital therapeutics not in FACTS.md'),
        },
      },
    ],
    notEligibleText: 'Digital therapy is considered as an adjunct in depression, OCD or PTSD after a trial that did not work.',
    risks: [],
    requirements: [
      { text: 'Evidence and regulatory status of specific products were not verified for this app.', source: OURS('not in FACTS.md') },
    ],
    urgentFor: [],
    usualCourse: 'Several weeks of app-based sessions alongside usual care.',
    regulatory: { kind: 'not-a-product', text: 'Product-specific; not verified.', dates: [], source: OURS('not in FACTS.md') },
    references: [],
    referral: false,
    code: null,
  },
];

const BY_ID = new Map(CATALOG.map((option) => [option.id, option]));

export function catalogOption(id: InterventionId): CatalogOption {
  const option = BY_ID.get(id);
  // The catalog covers every InterventionId (checked in a test); a miss is a programming error.
  if (!option) throw new Error(`No catalog row for intervention ${id}`);
  return option;
}

/** The referral code for every ServiceRequest (FACTS.md §7.3, VSAC "Referral for Adult Depression"). */
export const REFERRAL_TO_PSYCHIATRY = {
  system: 'http://snomed.info/sct',
  code: '183524004',
  display: 'Referral to psychiatry service',
  verification: 'V' as Verification,
};

/** What a "recent" PHQ-9 item 9 means here: within 30 days of asOf (design choice; no source fixes it). */
export const RECENT_SUICIDAL_IDEATION_DAYS = 30;
