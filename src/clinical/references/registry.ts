/**
 * The primary sources the rules cite: papers, product labels, guidelines, value sets and standards.
 *
 * Every rule names the ids of its sources (never a prose citation of its own), so the app, the written chart note
 * and docs/sources.md (generated from this table by `npm run sources`) all show the same reference. A row's `short`
 * is what a clinician reads beside a reason ("Howes 2017"); `citation` is the full reference; `url` is where a user
 * can open it (a DOI, PubMed, PMC, the FDA label, the value set in VSAC).
 */
export type ReferenceKind = 'paper' | 'label' | 'guideline' | 'value-set' | 'standard' | 'registry' | 'project';

export interface Reference {
  /** What a clinician reads beside a reason: "Howes 2017", "Spravato label". */
  short: string;
  /** The full reference: authors, title, journal, year, volume and pages; or the label's name, holder and revision date. */
  citation: string;
  /** Where a user can open it; omitted only for the project's own working rules. */
  url?: string;
  kind: ReferenceKind;
}

/**
 * How the app names a rule of its own where the sources are silent, on screen and in writing alike: one phrase, which
 * says both that it is local and that it is not verified.
 */
export const LOCAL_WORKING_RULE = 'local working rule (unverified)';

/**
 * The table. Ids are camelCase and stable (the rules and docs/sources.md anchor on them).
 * Keep rows in alphabetical order of id so parallel additions merge cleanly.
 */
export const REFERENCES = {
  anafranilLabel: {
    short: 'Anafranil label',
    citation:
      'ANAFRANIL (clomipramine hydrochloride) capsules USP, prescribing information (warnings: seizures, dose-related; cardiovascular effects and use with electroconvulsive therapy; overdosage: lethality similar to the other tricyclics, QRS widening and arrhythmias). SpecGx LLC; NDA 019906.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=anafranil',
    kind: 'label',
  },
  anafranilSmpc: {
    short: 'Anafranil SmPC',
    citation:
      'Anafranil (clomipramine hydrochloride) capsules: Summary of Product Characteristics, sections 4.2, 4.4 and 4.5 (QTc prolongation: hypokalaemia corrected first, caution with drugs that prolong the QT interval, including antipsychotics). Mylan/Novartis UK.',
    url: 'https://www.medicines.org.uk/emc/search?q=anafranil',
    kind: 'label',
  },
  andrade2017: {
    short: 'Andrade 2017',
    citation:
      'Andrade C. Ketamine for depression, 4: in what dose, at what rate, by what route, for how long, and at what frequency? J Clin Psychiatry. 2017;78(7):e852-e857.',
    url: 'https://doi.org/10.4088/JCP.17f11738',
    kind: 'paper',
  },
  apaAud2018: {
    short: 'APA alcohol use disorder guideline 2018',
    citation:
      'American Psychiatric Association (Reus VI, Fochtmann LJ, Bukstein O, et al.). The American Psychiatric Association Practice Guideline for the Pharmacological Treatment of Patients With Alcohol Use Disorder. Am J Psychiatry. 2018;175(1):86-90; reprinted in FOCUS 2019 (naltrexone or acamprosate offered in moderate to severe alcohol use disorder).',
    url: 'https://psychiatryonline.org/doi/abs/10.1176/appi.focus.17205',
    kind: 'guideline',
  },
  apaEct2001: {
    short: 'APA ECT task force 2001',
    citation:
      'American Psychiatric Association Committee on Electroconvulsive Therapy (Weiner RD, chair). The Practice of Electroconvulsive Therapy: Recommendations for Treatment, Training, and Privileging. A Task Force Report. 2nd ed. Washington, DC: American Psychiatric Association; 2001 (ISBN 978-0-89042-206-9).',
    url: 'https://search.worldcat.org/search?q=bn:9780890422069',
    kind: 'guideline',
  },
  apaOcd2007: {
    short: 'APA OCD guideline 2007',
    citation:
      'American Psychiatric Association (Koran LM, Hanna GL, Hollander E, Nestadt G, Simpson HB). Practice guideline for the treatment of patients with obsessive-compulsive disorder. Am J Psychiatry. 2007;164(7 Suppl):5-53.',
    url: 'https://psychiatryonline.org/pb/assets/raw/sitewide/practice_guidelines/guidelines/ocd.pdf',
    kind: 'guideline',
  },
  aripiprazoleLabel: {
    short: 'Aripiprazole tablets label',
    citation:
      'ARIPIPRAZOLE tablets, for oral use: prescribing information (AvPAK; ANDA). Highlights: Initial U.S. Approval: 2002.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=7df4c83e-13d8-25b1-57eb-08d26ba03565',
    kind: 'label',
  },
  asamOud2020: {
    short: 'ASAM OUD guideline 2020',
    citation:
      'American Society of Addiction Medicine. The ASAM National Practice Guideline for the Treatment of Opioid Use Disorder: 2020 Focused Update. J Addict Med. 2020;14(2S Suppl 1):1-91 (buprenorphine, methadone or naltrexone; naloxone prescribed to patients treated for opioid use disorder and their families).',
    url: 'https://doi.org/10.1097/ADM.0000000000000633',
    kind: 'guideline',
  },
  bauer1999: {
    short: 'Bauer 1999',
    citation:
      'Bauer M, Döpfmer S. Lithium augmentation in treatment-resistant depression: meta-analysis of placebo-controlled studies. J Clin Psychopharmacol. 1999;19(5):427-434.',
    url: 'https://pubmed.ncbi.nlm.nih.gov/10505584/',
    kind: 'paper',
  },
  bloch2006: {
    short: 'Bloch 2006',
    citation:
      'Bloch MH, Landeros-Weisenberger A, Kelmendi B, Coric V, Bracken MB, Leckman JF. A systematic review: antipsychotic augmentation with treatment refractory obsessive-compulsive disorder. Mol Psychiatry. 2006;11(7):622-632.',
    url: 'https://doi.org/10.1038/sj.mp.4001823',
    kind: 'paper',
  },
  bousman2023: {
    short: 'CPIC 2023 (Bousman)',
    citation:
      'Bousman CA, Stevenson JM, Ramsey LB, et al. Clinical Pharmacogenetics Implementation Consortium (CPIC) guideline for CYP2D6, CYP2C19, CYP2B6, SLC6A4, and HTR2A genotypes and serotonin reuptake inhibitor antidepressants. Clin Pharmacol Ther. 2023;114(1):51-68.',
    url: 'https://doi.org/10.1002/cpt.2903',
    kind: 'guideline',
  },
  bupropionLabel: {
    short: 'Bupropion SR label',
    citation:
      'BUPROPION HYDROCHLORIDE extended-release tablets (SR), for oral use: prescribing information (Epic Pharma; ANDA). Highlights: Initial U.S. Approval: 1985.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=f8ad76a2-9f75-4660-973d-34402f314e9c',
    kind: 'label',
  },
  burton2012: {
    short: 'Burton 2012',
    citation:
      'Burton C, Anderson N, Wilde K, Simpson CR. Factors associated with duration of new antidepressant treatment: analysis of a large primary care database. Br J Gen Pract. 2012;62(595):e104-e112 (treatment courses built from prescriptions: a course ends when the interval between the expected end of the last prescription and the issue of the next exceeds 60 days).',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3268489/',
    kind: 'paper',
  },
  calabrese2005: {
    short: 'Calabrese 2005 (BOLDER I)',
    citation:
      'Calabrese JR, Keck PE Jr, Macfadden W, et al. A randomized, double-blind, placebo-controlled trial of quetiapine in the treatment of bipolar I or II depression. Am J Psychiatry. 2005;162(7):1351-1360.',
    url: 'https://doi.org/10.1176/appi.ajp.162.7.1351',
    kind: 'paper',
  },
  carmi2019: {
    short: 'Carmi 2019',
    citation:
      'Carmi L, Tendler A, Bystritsky A, et al. Efficacy and safety of deep transcranial magnetic stimulation for obsessive-compulsive disorder: a prospective multicenter randomized double-blind placebo-controlled trial. Am J Psychiatry. 2019;176(11):931-938.',
    url: 'https://doi.org/10.1176/appi.ajp.2019.18101180',
    kind: 'paper',
  },
  chandler2010: {
    short: 'Chandler 2010',
    citation:
      'Chandler GM, Iosifescu DV, Pollack MH, Targum SD, Fava M. Validation of the Massachusetts General Hospital Antidepressant Treatment History Questionnaire (ATRQ). CNS Neurosci Ther. 2010;16(5):322-325.',
    url: 'https://doi.org/10.1111/j.1755-5949.2009.00102.x',
    kind: 'paper',
  },
  citalopramLabel: {
    short: 'Citalopram tablets label',
    citation:
      'CITALOPRAM tablets, for oral use: prescribing information (Amneal Pharmaceuticals; ANDA). Highlights: Initial U.S. Approval: 1998.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=6a402640-1c9d-4fca-8b5b-e1ac1dd4ca5a',
    kind: 'label',
  },
  clozapineLabel: {
    short: 'Clozapine tablets label',
    citation:
      'CLOZAPINE tablets, for oral use: prescribing information (Aurobindo Pharma; ANDA). Highlights: Initial U.S. Approval: 1989.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=5021d643-32d2-4167-b5d8-90870e68a787',
    kind: 'label',
  },
  clozarilLabel: {
    short: 'Clozaril label',
    citation:
      'CLOZARIL (clozapine) tablets, prescribing information (boxed warning: severe neutropenia; orthostatic hypotension, bradycardia and syncope; seizures; myocarditis, pericarditis and cardiomyopathy; warnings on gastrointestinal hypomotility; drug interactions: CYP1A2 inducers including cigarette smoking). HLS Therapeutics; NDA 019758.',
    url: 'https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo=019758',
    kind: 'label',
  },
  cmsLcdL34998: {
    short: 'Medicare LCD L34998',
    citation:
      'Centers for Medicare & Medicaid Services. Local Coverage Determination L34998: Transcranial Magnetic Stimulation for Major Depressive Disorder.',
    url: 'https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=34998',
    kind: 'registry',
  },
  cmsLcdL37086: {
    short: 'Medicare LCD L37086',
    citation:
      'Centers for Medicare & Medicaid Services. Local Coverage Determination L37086: Transcranial Magnetic Stimulation (TMS) for the Treatment of Depression (retreatment after a prior response).',
    url: 'https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=37086',
    kind: 'registry',
  },
  cmsNcd16018: {
    short: 'Medicare NCD 160.18',
    citation:
      'Centers for Medicare & Medicaid Services. National Coverage Determination 160.18: Vagus Nerve Stimulation (VNS), revised 2019 (coverage with evidence development for treatment-resistant depression).',
    url: 'https://www.cms.gov/medicare-coverage-database/view/ncd.aspx?ncdid=230',
    kind: 'registry',
  },
  cmsPfs2020: {
    short: 'CMS 2019',
    citation:
      'Centers for Medicare & Medicaid Services. Medicare Program; CY 2020 Revisions to Payment Policies Under the Physician Fee Schedule and Other Changes to Part B Payment Policies; ... and Coding and Payment for Evaluation and Management, Observation and Provision of Self-Administered Esketamine Interim Final Rule. Fed Regist. 2019;84(221):62568-63563 (FR Doc. 2019-24086): HCPCS G2082 and G2083.',
    url: 'https://www.govinfo.gov/content/pkg/FR-2019-11-15/pdf/2019-24086.pdf',
    kind: 'registry',
  },
  cole2020: {
    short: 'Cole 2020',
    citation:
      'Cole EJ, Stimpson KH, Bentzley BS, et al. Stanford Accelerated Intelligent Neuromodulation Therapy for treatment-resistant depression. Am J Psychiatry. 2020;177(8):716-726.',
    url: 'https://doi.org/10.1176/appi.ajp.2019.19070720',
    kind: 'paper',
  },
  cole2022: {
    short: 'Cole 2022',
    citation:
      'Cole EJ, Phillips AL, Bentzley BS, et al. Stanford Neuromodulation Therapy (SNT): a double-blind randomized controlled trial. Am J Psychiatry. 2022;179(2):132-141.',
    url: 'https://doi.org/10.1176/appi.ajp.2021.20101429',
    kind: 'paper',
  },
  cpicData: {
    short: 'CPIC database',
    citation:
      'Clinical Pharmacogenetics Implementation Consortium database (cpic-data), drug table with RxNorm ingredient codes.',
    url: 'https://github.com/cpicpgx/cpic-data',
    kind: 'registry',
  },
  dailyMed: {
    short: 'DailyMed',
    citation:
      'US prescribing information (FDA-approved product labels), National Library of Medicine DailyMed. The rule names the product and label section.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/',
    kind: 'label',
  },
  desseilles2011: {
    short: 'Desseilles 2011',
    citation:
      'Desseilles M, Witte J, Chang TE, et al. Assessing the adequacy of past antidepressant trials: a clinician\'s guide to the antidepressant treatment response questionnaire. J Clin Psychiatry. 2011;72(8):1152-1154.',
    url: 'https://doi.org/10.4088/JCP.11ac07225',
    kind: 'paper',
  },
  duloxetineLabel: {
    short: 'Duloxetine capsules label',
    citation:
      'DULOXETINE delayed-release capsules, for oral use: prescribing information (Major Pharmaceuticals; ANDA). Highlights: Initial U.S. Approval: 2004.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=6684471a-6f95-439d-8d84-36d7e7d8eaf3',
    kind: 'label',
  },
  dunlop2014: {
    short: 'Dunlop 2014',
    citation:
      'Dunlop BW, Kaye JL, Youngner C, Rothbaum B. Assessing treatment-resistant posttraumatic stress disorder: the Emory treatment resistance interview for PTSD (E-TRIP). Behav Sci. 2014;4(4):511-527.',
    url: 'https://doi.org/10.3390/bs4040511',
    kind: 'paper',
  },
  ectCochlearImplant2025: {
    short: 'J ECT 2025 (ECT in cochlear implant users)',
    citation:
      'Electroconvulsive therapy in cochlear implant users: two cases, including bilateral ECT with bilateral implants. J ECT. 2025 (PMID 40132108). States that cochlear implant manufacturers contraindicate ECT in implant users, citing potential harm to the patient or the implant.',
    url: 'https://doi.org/10.1097/YCT.0000000000001138',
    kind: 'paper',
  },
  emcSmpc: {
    short: 'EU SmPC',
    citation:
      'Summaries of Product Characteristics (UK/EU licensed products), electronic medicines compendium. The rule names the product and section.',
    url: 'https://www.medicines.org.uk/emc',
    kind: 'label',
  },
  farris2013: {
    short: 'Farris 2013',
    citation:
      'Farris SG, McLean CP, Van Meter PE, Simpson HB, Foa EB. Treatment response, symptom remission, and wellness in obsessive-compulsive disorder. J Clin Psychiatry. 2013;74(7):685-690.',
    url: 'https://doi.org/10.4088/JCP.12m07789',
    kind: 'paper',
  },
  fava2003: {
    short: 'Fava 2003',
    citation:
      'Fava M. Diagnosis and definition of treatment-resistant depression. Biol Psychiatry. 2003;53(8):649-659.',
    url: 'https://doi.org/10.1016/S0006-3223(03)00231-2',
    kind: 'paper',
  },
  fdaDen170078: {
    short: 'FDA DEN170078',
    citation:
      'U.S. Food and Drug Administration. De Novo classification DEN170078: BrainsWay Deep Transcranial Magnetic Stimulation System, adjunct for the treatment of adult patients with obsessive-compulsive disorder (August 2018).',
    url: 'https://www.accessdata.fda.gov/scripts/cdrh/cfdocs/cfpmn/denovo.cfm?id=DEN170078',
    kind: 'label',
  },
  fdaEct2018: {
    short: 'FDA ECT order 2018',
    citation:
      'U.S. Food and Drug Administration. Neurological devices; reclassification of electroconvulsive therapy devices; effective date of requirement for premarket approval for electroconvulsive therapy devices for certain specified intended uses. Final order. Fed Regist. 2018 Dec 26;83(246):66103-66124 (Docket FDA-2014-N-1210).',
    url: 'https://www.federalregister.gov/documents/2018/12/26/2018-27809/neurological-devices-reclassification-of-electroconvulsive-therapy-devices-effective-date-of',
    kind: 'label',
  },
  fdaK220177: {
    short: 'FDA K220177',
    citation:
      'U.S. Food and Drug Administration. 510(k) K220177: Magnus Neuromodulation System with SAINT Technology, indicated for the treatment of major depressive disorder in adult patients who have failed to achieve satisfactory improvement from prior antidepressant medication in the current episode.',
    url: 'https://www.accessdata.fda.gov/scripts/cdrh/cfdocs/cfpmn/pmn.cfm?ID=K220177',
    kind: 'label',
  },
  fdaK231926: {
    short: 'FDA K231926',
    citation:
      'U.S. Food and Drug Administration. 510(k) K231926: NeuroStar Advanced Therapy System, indicated as an adjunct for the treatment of major depressive disorder in adolescent patients aged 15-21 (cleared 22 March 2024).',
    url: 'https://www.accessdata.fda.gov/scripts/cdrh/cfdocs/cfpmn/pmn.cfm?ID=K231926',
    kind: 'label',
  },
  fdaVnsP970003: {
    short: 'FDA P970003/S050',
    citation:
      'U.S. Food and Drug Administration. Premarket approval supplement P970003/S050: VNS Therapy System, adjunctive long-term treatment of chronic or recurrent depression in patients 18 years or older in a major depressive episode (unipolar or bipolar) without adequate response to four or more adequate antidepressant treatments (15 July 2005).',
    url: 'https://www.accessdata.fda.gov/scripts/cdrh/cfdocs/cfpma/pma.cfm?id=P970003S050',
    kind: 'label',
  },
  fekadu2018: {
    short: 'Fekadu 2018',
    citation:
      'Fekadu A, Donocik JG, Cleare AJ. Standardisation framework for the Maudsley staging method for treatment resistance in depression. BMC Psychiatry. 2018;18(1):100.',
    url: 'https://doi.org/10.1186/s12888-018-1679-x',
    kind: 'paper',
  },
  fhirR4: {
    short: 'FHIR R4',
    citation: 'HL7 FHIR Release 4 (v4.0.1), HL7 International, 2019.',
    url: 'https://hl7.org/fhir/R4/',
    kind: 'standard',
  },
  fleisher2014: {
    short: 'ACC/AHA 2014 perioperative guideline',
    citation:
      'Fleisher LA, Fleischmann KE, Auerbach AD, et al. 2014 ACC/AHA guideline on perioperative cardiovascular evaluation and management of patients undergoing noncardiac surgery. J Am Coll Cardiol. 2014;64(22):e77-e137 (at least 60 days should elapse after a myocardial infarction before noncardiac surgery).',
    url: 'https://doi.org/10.1016/j.jacc.2014.07.944',
    kind: 'guideline',
  },
  fluoxetineLabel: {
    short: 'Fluoxetine capsules label',
    citation:
      'Fluoxetine Capsules, USP for oral use: prescribing information (Quality Care Products; ANDA). Highlights: Initial U.S. Approval: 1987.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=0e817af0-85f5-46a5-82a4-e08b1f701e86',
    kind: 'label',
  },
  fountoulakis2020: {
    short: 'Fountoulakis 2020 (CINP)',
    citation:
      'Fountoulakis KN, Yatham LN, Grunze H, et al. The CINP Guidelines on the Definition and Evidence-Based Interventions for Treatment-Resistant Bipolar Disorder. Int J Neuropsychopharmacol. 2020;23(4):230-256 (resistance defined separately for acute mania, acute bipolar depression and the maintenance phase).',
    url: 'https://doi.org/10.1093/ijnp/pyz064',
    kind: 'guideline',
  },
  gardner2010: {
    short: 'Gardner 2010',
    citation:
      'Gardner DM, Murphy AL, O\'Donnell H, Centorrino F, Baldessarini RJ. International consensus study of antipsychotic dosing. Am J Psychiatry. 2010;167(6):686-693.',
    url: 'https://doi.org/10.1176/appi.ajp.2009.09060802',
    kind: 'paper',
  },
  gaynes2020: {
    short: 'Gaynes 2020',
    citation:
      'Gaynes BN, Lux L, Gartlehner G, et al. Defining treatment-resistant depression. Depress Anxiety. 2020;37(2):134-145.',
    url: 'https://doi.org/10.1002/da.22968',
    kind: 'paper',
  },
  goodwin2022: {
    short: 'Goodwin 2022',
    citation:
      'Goodwin GM, Aaronson ST, Alvarez O, et al. Single-dose psilocybin for a treatment-resistant episode of major depression. N Engl J Med. 2022;387(18):1637-1648.',
    url: 'https://doi.org/10.1056/NEJMoa2206443',
    kind: 'paper',
  },
  hawley2002: {
    short: 'Hawley 2002',
    citation:
      'Hawley CJ, Gale TM, Sivakumaran T; Hertfordshire Neuroscience Research group. Defining remission by cut off score on the MADRS: selecting the optimal value. J Affect Disord. 2002;72(2):177-184.',
    url: 'https://pubmed.ncbi.nlm.nih.gov/12200208/',
    kind: 'paper',
  },
  heijnen2010: {
    short: 'Heijnen 2010',
    citation:
      'Heijnen WT, Birkenhäger TK, Wierdsma AI, van den Broek WW. Antidepressant pharmacotherapy failure and response to subsequent electroconvulsive therapy: a meta-analysis. J Clin Psychopharmacol. 2010;30(5):616-619.',
    url: 'https://pubmed.ncbi.nlm.nih.gov/20814336/',
    kind: 'paper',
  },
  hidalgoMazzei2019: {
    short: 'Hidalgo-Mazzei 2019',
    citation:
      'Hidalgo-Mazzei D, Berk M, Cipriani A, et al. Treatment-resistant and multi-therapy-resistant criteria for bipolar depression: consensus definition. Br J Psychiatry. 2019;214(1):27-35.',
    url: 'https://doi.org/10.1192/bjp.2018.257',
    kind: 'guideline',
  },
  howes2017: {
    short: 'Howes 2017',
    citation:
      'Howes OD, McCutcheon R, Agid O, et al. Treatment-Resistant Schizophrenia: Treatment Response and Resistance in Psychosis (TRRIP) Working Group Consensus Guidelines on Diagnosis and Terminology. Am J Psychiatry. 2017;174(3):216-229.',
    url: 'https://doi.org/10.1176/appi.ajp.2016.16050503',
    kind: 'guideline',
  },
  icd10cm: {
    short: 'ICD-10-CM',
    citation:
      'International Classification of Diseases, Tenth Revision, Clinical Modification (ICD-10-CM), National Center for Health Statistics, 2024 release.',
    url: 'https://www.cdc.gov/nchs/icd/icd-10-cm/index.html',
    kind: 'value-set',
  },
  jointCommission2018: {
    short: 'Joint Commission NPSG 15.01.01',
    citation:
      'The Joint Commission. National Patient Safety Goal NPSG.15.01.01, Reduce the risk for suicide (R3 Report, effective July 1, 2019): element of performance 2, screen all patients evaluated or treated for a behavioral health condition as their primary reason for care for suicidal ideation with a validated screening tool.',
    url: 'https://www.jointcommission.org/resources/news-and-multimedia/news/2018/12/joint-commission-announces-new-national-patient-safety-goal-to-prevent-suicide-and-improve-atrisk-pa/',
    kind: 'standard',
  },
  jorgensen2014: {
    short: 'Jørgensen 2014',
    citation:
      'Jørgensen ME, Torp-Pedersen C, Gislason GH, et al. Time elapsed after ischemic stroke and risk of adverse cardiovascular events and mortality following elective noncardiac surgery. JAMA. 2014;312(3):269-277.',
    url: 'https://doi.org/10.1001/jama.2014.8165',
    kind: 'paper',
  },
  ketalarLabel: {
    short: 'Ketalar label',
    citation:
      'KETALAR (ketamine hydrochloride) injection, prescribing information. Par Pharmaceutical; NDA 016812.',
    url: 'https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo=016812',
    kind: 'label',
  },
  kroenke2001: {
    short: 'Kroenke 2001',
    citation:
      'Kroenke K, Spitzer RL, Williams JB. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med. 2001;16(9):606-613.',
    url: 'https://doi.org/10.1046/j.1525-1497.2001.016009606.x',
    kind: 'paper',
  },
  lamictalLabel: {
    short: 'Lamictal label',
    citation:
      'LAMICTAL (lamotrigine) tablets, chewable dispersible tablets and orally disintegrating tablets: prescribing information (GlaxoSmithKline; NDA). Highlights: Initial U.S. Approval: 1994.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=22a9788c-5a9b-411e-844e-4a0b12d1d095',
    kind: 'label',
  },
  leucht2005: {
    short: 'Leucht 2005',
    citation:
      'Leucht S, Kane JM, Kissling W, Hamann J, Etschel E, Engel RR. What does the PANSS mean? Schizophr Res. 2005;79(2-3):231-238.',
    url: 'https://pubmed.ncbi.nlm.nih.gov/?term=Leucht+What+does+the+PANSS+mean',
    kind: 'paper',
  },
  leucht2016: {
    short: 'Leucht 2016',
    citation:
      'Leucht S, Samara M, Heres S, Davis JM. Dose Equivalents for Antipsychotic Drugs: The DDD Method. Schizophr Bull. 2016;42 Suppl 1:S90-S94.',
    url: 'https://doi.org/10.1093/schbul/sbv167',
    kind: 'paper',
  },
  leucht2020: {
    short: 'Leucht 2020',
    citation:
      'Leucht S, Crippa A, Siafis S, Patel MX, Orsini N, Davis JM. Dose-Response Meta-Analysis of Antipsychotic Drugs for Acute Schizophrenia. Am J Psychiatry. 2020;177(4):342-353.',
    url: 'https://doi.org/10.1176/appi.ajp.2019.19010034',
    kind: 'paper',
  },
  lexaproLabel: {
    short: 'Lexapro label',
    citation:
      'LEXAPRO (escitalopram) tablets and oral solution: prescribing information (Allergan; NDA). Highlights: Initial U.S. Approval: 2002.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=13bb8267-1cab-43e5-acae-55a4d957630a',
    kind: 'label',
  },
  lisanby2009: {
    short: 'Lisanby 2009',
    citation:
      'Lisanby SH, Husain MM, Rosenquist PB, et al. Daily left prefrontal repetitive transcranial magnetic stimulation in the acute treatment of major depression: clinical predictors of outcome in a multisite, randomized controlled clinical trial. Neuropsychopharmacology. 2009;34(2):522-534.',
    url: 'https://doi.org/10.1038/npp.2008.118',
    kind: 'paper',
  },
  loebel2014: {
    short: 'Loebel 2014 (PREVAIL-2)',
    citation:
      'Loebel A, Cucchiaro J, Silva R, et al. Lurasidone monotherapy in the treatment of bipolar I depression: a randomized, double-blind, placebo-controlled study. Am J Psychiatry. 2014;171(2):160-168.',
    url: 'https://doi.org/10.1176/appi.ajp.2013.13070984',
    kind: 'paper',
  },
  loinc: {
    short: 'LOINC',
    citation:
      'Logical Observation Identifiers Names and Codes (LOINC), Regenstrief Institute: the codes named in each rule.',
    url: 'https://loinc.org/',
    kind: 'value-set',
  },
  loincClozapineLevel: {
    short: 'LOINC 6896-5',
    citation:
      'LOINC 6896-5: clozapine in serum or plasma (mass concentration). Confirmed by the result code given with its test name in the Mayo Clinic Laboratories test catalog (test CLZ "Clozapine, Serum", result "Clozapine" 6896-5; https://www.testcatalog.org/show/CLZ), Michigan Medicine Laboratories (clozapine, serum, LOINC 6896-5) and Northwell Health Laboratories (clozapine level, serum, LOINC 6896-5).',
    url: 'https://loinc.org/6896-5/',
    kind: 'value-set',
  },
  loincHaloperidolLevel: {
    short: 'LOINC 3669-9',
    citation:
      'LOINC 3669-9: haloperidol in serum or plasma (mass concentration). Confirmed by the result code given with its test name in the Mayo Clinic Laboratories test catalog (test HALO "Haloperidol, Serum", result "Haloperidol, S" 3669-9; https://testcatalog.org/show/HALO), ARUP Laboratories (test 0099640 Haloperidol, serum or plasma, LOINC 3669-9) and Labcorp ("Haloperidol, Serum or Plasma", result LOINC 3669-9).',
    url: 'https://loinc.org/3669-9/',
    kind: 'value-set',
  },
  loincHydroxyrisperidoneLevel: {
    short: 'LOINC 9383-1',
    citation:
      'LOINC 9383-1: 9-hydroxyrisperidone (paliperidone) in serum or plasma (mass concentration). Confirmed by the result code given with its test name in the ARUP Laboratories catalog (test 2007951 "Risperidone and Metabolite, Serum or Plasma", component "9 OH Risperidone Serum/Plasma" 9383-1; https://ltd.aruplab.com/Tests/Pub/2007951) and Labcorp ("9-Hydroxyrisperidone Level" 9383-1).',
    url: 'https://loinc.org/9383-1/',
    kind: 'value-set',
  },
  loincNorclozapineLevel: {
    short: 'LOINC 10992-6',
    citation:
      'LOINC 10992-6: norclozapine (the main clozapine metabolite) in serum or plasma (mass concentration). Confirmed by the result code given with its test name in the Mayo Clinic Laboratories test catalog (test CLZ "Clozapine, Serum", result "Norclozapine" 10992-6; https://www.testcatalog.org/show/CLZ).',
    url: 'https://loinc.org/10992-6/',
    kind: 'value-set',
  },
  loincOlanzapineLevel: {
    short: 'LOINC 12389-3',
    citation:
      'LOINC 12389-3: olanzapine in serum or plasma (mass concentration). Confirmed by the result code given with its test name in the ARUP Laboratories catalog (test 0098833 Olanzapine, serum or plasma, component "Olanzapine" 12389-3; https://ltd.aruplab.com/Tests/Pub/0098833).',
    url: 'https://loinc.org/12389-3/',
    kind: 'value-set',
  },
  loincQuetiapineLevel: {
    short: 'LOINC 26776-5',
    citation:
      'LOINC 26776-5: quetiapine in serum or plasma (mass concentration). Confirmed by the result code given with its test name in the ARUP Laboratories catalog (test 2003118 "Quetiapine, Serum or Plasma", component "Quetiapine, Serum/Plasma" 26776-5; https://ltd.aruplab.com/Tests/Pub/2003118).',
    url: 'https://loinc.org/26776-5/',
    kind: 'value-set',
  },
  loincRisperidoneLevel: {
    short: 'LOINC 9393-0',
    citation:
      'LOINC 9393-0: risperidone in serum or plasma (mass concentration). Confirmed by the long name "risperiDONE [Mass/volume] in Serum or Plasma" with code 9393-0 in a table drawn from the LOINC 2.82 release (mass-molar conversion group Risperidone|Pt|Ser/Plas, with 39799-2 [Moles/volume]); the code also with its test name in the ARUP Laboratories catalog (test 2007951, component "Risperidone Serum/Plasma" 9393-0; https://ltd.aruplab.com/Tests/Pub/2007951) and Labcorp ("Risperidone Level" 9393-0).',
    url: 'https://loinc.org/9393-0/',
    kind: 'value-set',
  },
  mirtazapineLabel: {
    short: 'Mirtazapine tablets label',
    citation:
      'MIRTAZAPINE tablets, for oral use: prescribing information (ANDA). Highlights: Initial U.S. Approval: 1996.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=1e0006b6-9405-95a7-e063-6294a90aa277',
    kind: 'label',
  },
  mncmPhq9Utilization: {
    short: 'MNCM PHQ-9 utilization measure',
    citation:
      'Minnesota Community Measurement. Depression Utilization of the PHQ-9 Tool (CBE 0712; CMS160, MIPS 371): the percentage of patients with major depression or dysthymia who have a completed PHQ-9 during each four-month measurement period.',
    url: 'https://www.acponline.org/clinical-information/performance-measures/depression-utilization-of-the-phq-9-tool',
    kind: 'guideline',
  },
  nct05711940: {
    short: 'COMP006 (NCT05711940)',
    citation:
      'COMPASS Pathways. COMP006: a phase 3, randomized, double-blind study of COMP360 psilocybin in participants with treatment-resistant depression. ClinicalTrials.gov NCT05711940.',
    url: 'https://clinicaltrials.gov/study/NCT05711940',
    kind: 'registry',
  },
  niceCg115: {
    short: 'NICE CG115',
    citation:
      'National Institute for Health and Care Excellence. Alcohol-use disorders: diagnosis, assessment and management of harmful drinking (high-risk drinking) and alcohol dependence. Clinical guideline CG115, 2011 (after assisted withdrawal in moderate and severe dependence, acamprosate or oral naltrexone with a psychological intervention).',
    url: 'https://www.nice.org.uk/guidance/cg115',
    kind: 'guideline',
  },
  niceCg178: {
    short: 'NICE CG178',
    citation:
      'National Institute for Health and Care Excellence. Psychosis and schizophrenia in adults: prevention and management. Clinical guideline CG178, 2014.',
    url: 'https://www.nice.org.uk/guidance/cg178',
    kind: 'guideline',
  },
  niceCg192: {
    short: 'NICE CG192',
    citation:
      'National Institute for Health and Care Excellence. Antenatal and postnatal mental health: clinical management and service guidance. Clinical guideline CG192, 2014, updated 2020 (women planning a pregnancy, pregnant, or who have had a baby or been pregnant in the past year).',
    url: 'https://www.nice.org.uk/guidance/cg192',
    kind: 'guideline',
  },
  niceCg31: {
    short: 'NICE CG31',
    citation:
      'National Institute for Health and Care Excellence. Obsessive-compulsive disorder and body dysmorphic disorder: treatment. Clinical guideline CG31, 2005.',
    url: 'https://www.nice.org.uk/guidance/cg31',
    kind: 'guideline',
  },
  nierenberg2001: {
    short: 'Nierenberg 2001',
    citation:
      'Nierenberg AA, DeCecco LM. Definitions of antidepressant treatment response, remission, nonresponse, partial response, and other relevant outcomes: a focus on treatment-resistant depression. J Clin Psychiatry. 2001;62(Suppl 16):5-9.',
    url: 'https://pubmed.ncbi.nlm.nih.gov/11480882/',
    kind: 'paper',
  },
  nierenberg2006: {
    short: 'Nierenberg 2006 (STAR*D)',
    citation:
      'Nierenberg AA, Fava M, Trivedi MH, et al. A comparison of lithium and T3 augmentation following two failed medication treatments for depression: a STAR*D report. Am J Psychiatry. 2006;163(9):1519-1530.',
    url: 'https://doi.org/10.1176/appi.ajp.163.9.1519',
    kind: 'paper',
  },
  nolen2019: {
    short: 'Nolen 2019 (ISBD/IGSLI)',
    citation:
      'Nolen WA, Licht RW, Young AH, et al. What is the optimal serum level for lithium in the maintenance treatment of bipolar disorder? A systematic review and recommendations from the ISBD/IGSLI Task Force on treatment with lithium. Bipolar Disord. 2019;21(5):394-409 (adults: standard maintenance level 0.60-0.80 mmol/L; 0.40-0.60 for good response with poor tolerance, 0.80-1.00 for insufficient response with good tolerance).',
    url: 'https://doi.org/10.1111/bdi.12805',
    kind: 'paper',
  },
  olanzapineLabel: {
    short: 'Olanzapine tablets label',
    citation:
      'OLANZAPINE tablets USP for oral use: prescribing information (RemedyRepack; ANDA). Highlights: Initial U.S. Approval: 1996.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=7a8b29d3-e65f-4c03-ab7b-f38b15ee1b11',
    kind: 'label',
  },
  ohdsiDrugEra: {
    short: 'OHDSI drug era',
    citation:
      'Observational Health Data Sciences and Informatics (OHDSI). Standard drug eras and how they are built (OMOP Common Data Model DRUG_ERA): drug exposures to the same ingredient are strung together if they have at most 30 days between them (persistence window of 30 days).',
    url: 'https://ohdsi.github.io/ETL-LambdaBuilder/Drug_Era_Logic.html',
    kind: 'standard',
  },
  oreardon2007: {
    short: 'O\'Reardon 2007',
    citation:
      'O\'Reardon JP, Solvason HB, Janicak PG, et al. Efficacy and safety of transcranial magnetic stimulation in the acute treatment of major depression: a multisite randomized controlled trial. Biol Psychiatry. 2007;62(11):1208-1216.',
    url: 'https://doi.org/10.1016/j.biopsych.2007.01.018',
    kind: 'paper',
  },
  pacchiarotti2009: {
    short: 'Pacchiarotti 2009',
    citation:
      'Pacchiarotti I, Mazzarini L, Colom F, et al. Treatment-resistant bipolar depression: towards a new definition. Acta Psychiatr Scand. 2009;120(6):429-440 (lithium and mood-stabiliser non-response counted only after adequate plasma levels).',
    url: 'https://doi.org/10.1111/j.1600-0447.2009.01471.x',
    kind: 'paper',
  },
  parnateLabel: {
    short: 'Parnate label',
    citation:
      'PARNATE (tranylcypromine) tablets, prescribing information (boxed warning: hypertensive crisis; contraindicated with serotonergic drugs, meperidine and sympathomimetics). Concordia Pharmaceuticals / Advanz Pharma; NDA 012342.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=b72d8187-dfcc-4ea0-b5e9-c0be95b69a27',
    kind: 'label',
  },
  paroxetineLabel: {
    short: 'Paroxetine tablets label',
    citation:
      'PAROXETINE tablets, for oral use: prescribing information (RemedyRepack; ANDA). Highlights: Initial U.S. Approval: 1992.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=8e176ff2-ed3a-4909-94e1-6b9a3581a621',
    kind: 'label',
  },
  peeters2016: {
    short: 'Peeters 2016',
    citation:
      'Peeters FPML, Ruhe HG, Wichers M, et al. The Dutch Measure for quantification of Treatment Resistance in Depression (DM-TRD): an extension of the Maudsley Staging Method. J Affect Disord. 2016;205:365-371.',
    url: 'https://doi.org/10.1016/j.jad.2016.08.019',
    kind: 'paper',
  },
  petersen2005: {
    short: 'Petersen 2005',
    citation:
      'Petersen T, Papakostas GI, Posternak MA, et al. Empirical testing of two models for staging antidepressant treatment resistance. J Clin Psychopharmacol. 2005;25(4):336-341.',
    url: 'https://doi.org/10.1097/01.jcp.0000169036.40755.16',
    kind: 'paper',
  },
  petrides2015: {
    short: 'Petrides 2015',
    citation:
      'Petrides G, Malur C, Braga RJ, et al. Electroconvulsive therapy augmentation in clozapine-resistant schizophrenia: a prospective, randomized study. Am J Psychiatry. 2015;172(1):52-58.',
    url: 'https://doi.org/10.1176/appi.ajp.2014.13060787',
    kind: 'paper',
  },
  posner2011: {
    short: 'Posner 2011 (C-SSRS)',
    citation:
      'Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity Rating Scale: initial validity and internal consistency findings from three multisite studies with adolescents and adults. Am J Psychiatry. 2011;168(12):1266-1277.',
    url: 'https://doi.org/10.1176/appi.ajp.2011.10111704',
    kind: 'paper',
  },
  projectWorkingRule: {
    short: LOCAL_WORKING_RULE,
    citation:
      'A working rule of this app where the sources are silent: shown to the clinician as unverified, to be confirmed clinically.',
    kind: 'project',
  },
  risperidoneLabel: {
    short: 'Risperidone tablets label',
    citation:
      'RISPERIDONE tablets, for oral use: prescribing information (RemedyRepack; ANDA). Highlights: Initial U.S. Approval: 1993.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=c84807bd-35d7-4138-8989-42617d69293a',
    kind: 'label',
  },
  rivas2011: {
    short: 'Rivas 2011',
    citation:
      'Rivas A, Hedley-Williams A, Raj V, Clark N, McRackan TR, Labadie RF. Electroconvulsive therapy and cochlear implantation (cadaveric study). Otolaryngol Head Neck Surg. 2011;145(2 Suppl):P163. States that ECT is contraindicated in cochlear implant recipients because of the potential risk of damage to the implant and/or the patient.',
    url: 'https://doi.org/10.1177/0194599811416318a163',
    kind: 'paper',
  },
  pridmore2021: {
    short: 'Pridmore 2021',
    citation:
      'Pridmore S, Turnier-Shea Y, Rybak M, Pridmore W. Transcranial magnetic stimulation (TMS) during pregnancy: a fetal risk factor. Australas Psychiatry. 2021;29(2):226-229. Ten reports, 67 births over 20 years, stimulation in all trimesters: no serious event for mother or baby.',
    url: 'https://doi.org/10.1177/1039856221992636',
    kind: 'paper',
  },
  rossi2021: {
    short: 'Rossi 2021',
    citation:
      'Rossi S, Antal A, Bestmann S, et al. Safety and recommendations for TMS use in healthy subjects and patient populations, with updates on training, ethical and regulatory issues: Expert Guidelines. Clin Neurophysiol. 2021;132(1):269-306.',
    url: 'https://doi.org/10.1016/j.clinph.2020.10.003',
    kind: 'guideline',
  },
  rxnorm: {
    short: 'RxNorm',
    citation:
      'RxNorm, National Library of Medicine: normalized names and codes for clinical drugs (ingredients IN, clinical drugs SCD, branded drugs SBD).',
    url: 'https://www.nlm.nih.gov/research/umls/rxnorm/index.html',
    kind: 'value-set',
  },
  samhsaTip42: {
    short: 'SAMHSA TIP 42',
    citation:
      'Substance Abuse and Mental Health Services Administration. Substance Use Treatment for Persons With Co-Occurring Disorders. Treatment Improvement Protocol (TIP) 42. Publication PEP20-02-01-004; 2020.',
    url: 'https://store.samhsa.gov/product/tip-42-substance-use-treatment-persons-co-occurring-disorders/pep20-02-01-004',
    kind: 'guideline',
  },
  samhsaTip63: {
    short: 'SAMHSA TIP 63',
    citation:
      'Substance Abuse and Mental Health Services Administration. Medications for Opioid Use Disorder. Treatment Improvement Protocol (TIP) 63. Rockville (MD): SAMHSA; updated 2021 (methadone, naltrexone and buprenorphine, the three FDA-approved medications for opioid use disorder).',
    url: 'https://www.ncbi.nlm.nih.gov/books/NBK574910/',
    kind: 'guideline',
  },
  sanacora2017: {
    short: 'Sanacora 2017',
    citation:
      'Sanacora G, Frye MA, McDonald W, et al. A consensus statement on the use of ketamine in the treatment of mood disorders. JAMA Psychiatry. 2017;74(4):399-405.',
    url: 'https://doi.org/10.1001/jamapsychiatry.2017.0080',
    kind: 'guideline',
  },
  sateia2017: {
    short: 'Sateia 2017',
    citation:
      'Sateia MJ, Buysse DJ, Krystal AD, Neubauer DN, Heald JL. Clinical Practice Guideline for the Pharmacologic Treatment of Chronic Insomnia in Adults: An American Academy of Sleep Medicine Clinical Practice Guideline. J Clin Sleep Med. 2017;13(2):307-349.',
    url: 'https://doi.org/10.5664/jcsm.6470',
    kind: 'guideline',
  },
  schoeler2016: {
    short: 'Schoeler 2016',
    citation:
      'Schoeler T, Monk A, Sami MB, et al. Continued versus discontinued cannabis use in patients with psychosis: a systematic review and meta-analysis. Lancet Psychiatry. 2016;3(3):215-225 (continued cannabis use after the onset of psychosis: more relapses than non-use or discontinued use).',
    url: 'https://doi.org/10.1016/S2215-0366(15)00363-6',
    kind: 'paper',
  },
  seroquelLabel: {
    short: 'Seroquel label',
    citation:
      'SEROQUEL (quetiapine fumarate) tablets: prescribing information (AstraZeneca; NDA 020639). Highlights: Initial U.S. Approval: 1997.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=0584dda8-bc3c-48fe-1a90-79608f78e8a0',
    kind: 'label',
  },
  sertralineLabel: {
    short: 'Sertraline tablets label',
    citation:
      'SERTRALINE HYDROCHLORIDE tablets, for oral use: prescribing information (Aurobindo Pharma; ANDA). Highlights: Initial U.S. Approval: 1991.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=39a85db1-9e59-4ab0-9e18-36757f019faa',
    kind: 'label',
  },
  sforzini2022: {
    short: 'Sforzini 2022',
    citation:
      'Sforzini L, Worrell C, Kose M, et al. A Delphi-method-based consensus guideline for definition of treatment-resistant depression for clinical trials. Mol Psychiatry. 2022;27(3):1286-1299.',
    url: 'https://doi.org/10.1038/s41380-021-01381-x',
    kind: 'guideline',
  },
  simon2013: {
    short: 'Simon 2013',
    citation:
      'Simon GE, Rutter CM, Peterson D, et al. Does response on the PHQ-9 Depression Questionnaire predict subsequent suicide attempt or suicide death? Psychiatr Serv. 2013;64(12):1195-1202.',
    url: 'https://doi.org/10.1176/appi.ps.201200587',
    kind: 'paper',
  },
  snomedCt: {
    short: 'SNOMED CT',
    citation:
      'SNOMED CT, SNOMED International: the concepts named by id in each rule.',
    url: 'https://browser.ihtsdotools.org/',
    kind: 'value-set',
  },
  spravatoLabel: {
    short: 'Spravato label',
    citation:
      'SPRAVATO (esketamine) nasal spray, CIII: prescribing information and Medication Guide (contraindications; warnings on blood pressure; drug interactions with MAOIs and psychostimulants; use in pregnancy and lactation not recommended). Janssen Pharmaceuticals; NDA 211243.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=d81a6a79-a74a-44b7-822c-0dfa3036eaed',
    kind: 'label',
  },
  spravatoRems: {
    short: 'Spravato REMS',
    citation:
      'U.S. Food and Drug Administration. Approved Risk Evaluation and Mitigation Strategies: SPRAVATO REMS (REMS 386).',
    url: 'https://www.accessdata.fda.gov/scripts/cder/rems/index.cfm?event=IndvRemsDetails.page&REMS=386',
    kind: 'registry',
  },
  thase1997: {
    short: 'Thase 1997',
    citation:
      'Thase ME, Rush AJ. When at first you don\'t succeed: sequential strategies for antidepressant nonresponders. J Clin Psychiatry. 1997;58 Suppl 13:23-29.',
    url: 'https://pubmed.ncbi.nlm.nih.gov/9402916/',
    kind: 'paper',
  },
  tohen2003: {
    short: 'Tohen 2003',
    citation:
      'Tohen M, Vieta E, Calabrese J, et al. Efficacy of olanzapine and olanzapine-fluoxetine combination in the treatment of bipolar I depression. Arch Gen Psychiatry. 2003;60(11):1079-1088.',
    url: 'https://doi.org/10.1001/archpsyc.60.11.1079',
    kind: 'paper',
  },
  trintellixLabel: {
    short: 'Trintellix label',
    citation:
      'TRINTELLIX (vortioxetine) tablets, for oral use: prescribing information (Takeda Pharmaceuticals America; NDA 204447). Highlights: Initial U.S. Approval: 2013.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=1a5b68e2-14d0-419d-9ec6-1ca97145e838',
    kind: 'label',
  },
  trivedi2006: {
    short: 'Trivedi 2006',
    citation:
      'Trivedi MH, Rush AJ, Wisniewski SR, et al. Evaluation of outcomes with citalopram for depression using measurement-based care in STAR*D: implications for clinical practice. Am J Psychiatry. 2006;163(1):28-40.',
    url: 'https://doi.org/10.1176/appi.ajp.163.1.28',
    kind: 'paper',
  },
  vaDodPtsd2023: {
    short: 'VA/DoD PTSD guideline 2023',
    citation:
      'U.S. Department of Veterans Affairs and Department of Defense. VA/DoD Clinical Practice Guideline for the Management of Posttraumatic Stress Disorder and Acute Stress Disorder, version 4.0; 2023.',
    url: 'https://www.healthquality.va.gov/guidelines/MH/ptsd/',
    kind: 'guideline',
  },
  vsac: {
    short: 'VSAC',
    citation:
      'Value Set Authority Center, National Library of Medicine: the value sets named by OID in each rule (expansions of January 2025).',
    url: 'https://vsac.nlm.nih.gov/',
    kind: 'value-set',
  },
  vsacReferralAdultDepression: {
    short: 'VSAC Referral for Adult Depression',
    citation:
      'Value set "Referral for Adult Depression", OID 2.16.840.1.113883.3.526.3.1571 (SNOMED CT 2023-09 expansion), NLM Value Set Authority Center.',
    url: 'https://vsac.nlm.nih.gov/valueset/2.16.840.1.113883.3.526.3.1571/expansion',
    kind: 'value-set',
  },
  whoAtc: {
    short: 'WHO ATC index',
    citation:
      'WHO Collaborating Centre for Drug Statistics Methodology. ATC/DDD Index.',
    url: 'https://atcddd.fhi.no/atc_ddd_index/',
    kind: 'value-set',
  },
} as const satisfies Record<string, Reference>;

export type ReferenceId = keyof typeof REFERENCES;

