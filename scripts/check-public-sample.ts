/**
 * `npm run check:public-sample -- <folder> [--as-of YYYY-MM-DD]`
 *
 * Runs the engine on every patient bundle of a folder of the public SMART sandbox's patients (Synthea, R4) and
 * checks each derivation against what a psychiatrist reads in that record (the readings below, one block per
 * patient, keyed by the file name's prefix). Prints one line per check and exits 1 when any check fails. A folder
 * without a patient a block names reports that block as missing. Not part of `npm test`: the folder lives outside
 * the project.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { resolveUrnReferences, resourcesOfJson } from '../src/clinical/bundle';
import { deriveSafely } from '../src/clinical/derive';
import { groupResourcesByPatient } from '../src/clinical/group-by-patient';
import type { Derivation, InterventionId } from '../src/clinical/types';

type Check = [what: string, ok: (d: Derivation) => boolean];

const INTERVENTIONAL: InterventionId[] = ['tms', 'accelerated-tms', 'deep-tms', 'ect', 'esketamine', 'iv-ketamine', 'vns', 'clozapine', 'ect-clozapine-augmentation'];

const trial = (d: Derivation, ingredient: string) => d.trials.filter((t) => t.ingredient === ingredient);
const kinds = (d: Derivation) => new Set(d.diagnoses.map((x) => x.kind));
const overdoses = (d: Derivation) => d.diagnoses.filter((x) => x.kind === 'overdose').length;
const detox = (d: Derivation) => d.careEvents.filter((e) => e.kind === 'detox').length;
const noPsychiatricHistory = (d: Derivation) => d.notes.some((n) => n.startsWith('No psychiatric history'));
const nothingInterventional = (d: Derivation) =>
  !d.suggestions.some((s) => INTERVENTIONAL.includes(s.intervention) && (s.status === 'suggested' || s.status === 'consider'));
const nothingSuggested = (d: Derivation) => !d.suggestions.some((s) => s.status === 'suggested' || s.status === 'consider');
const noteMatching = (d: Derivation, re: RegExp) => d.dataNotes.some((n) => re.test(n.text)) || d.notes.some((n) => re.test(n));
const other = (d: Derivation, ingredient: string, category: string) => d.otherTreatments.some((o) => o.ingredient === ingredient && o.category === category);
const therapy = (d: Derivation, modality: string) => d.psychotherapy.some((p) => p.modality === modality);
const safety = (d: Derivation, ...kinds: string[]) => kinds.every((k) => d.safety.some((s) => s.kind === k));
const deceasedFirst = (d: Derivation) => d.safety[0]?.kind === 'deceased';
const optionOf = (d: Derivation, id: InterventionId) => d.suggestions.find((s) => s.intervention === id);
const substanceOption = (d: Derivation, treatment: RegExp) =>
  optionOf(d, 'substance-use-treatment')?.status === 'suggested' && optionOf(d, 'substance-use-treatment')!.reasons.some((r) => treatment.test(r.text));
const noDualDiagnosis = (d: Derivation) => optionOf(d, 'integrated-dual-diagnosis')?.status !== 'suggested';

/** What a psychiatrist reads in each record (the sample folder's README), as checks on the derivation. */
const READINGS: Record<string, Check[]> = {
  Eliseo_Cummings: [
    ['PTSD diagnosed', (d) => kinds(d).has('ptsd')],
    ['sertraline 100 mg/day, one ongoing trial (not 30 days)', (d) => trial(d, 'sertraline').length === 1 && trial(d, 'sertraline')[0]!.end === null && trial(d, 'sertraline')[0]!.maxDailyDoseMg === 100],
    ['the sertraline trial is at an adequate dose', (d) => trial(d, 'sertraline')[0]?.adequate === true],
    ['trauma-focused therapy and group psychotherapy given', (d) => therapy(d, 'trauma-focused') && therapy(d, 'group')],
    ['not treatment-resistant', (d) => d.assessments.every((a) => !a.treatmentResistant)],
    ['two overdoses', (d) => overdoses(d) === 2],
    ['three detox stays', (d) => detox(d) === 3],
    ['probable opioid use disorder with an active opioid order', (d) => d.substanceUse?.probableOpioidUseDisorder === true && (d.substanceUse?.activeOpioidOrders.length ?? 0) > 0],
    ['trauma-focused therapy not suggested as new', (d) => !d.suggestions.some((s) => s.intervention === 'trauma-focused-therapy' && s.status === 'suggested')],
    ['PTSD resolved 2017-03-14: trauma-focused therapy not indicated, no "different one after one that did not help"', (d) => d.suggestions.some((s) => s.intervention === 'trauma-focused-therapy' && s.status === 'not-eligible' && s.reasons[0]!.text.startsWith('PTSD resolved 2017-03-14 after Trauma Therapy; re-assess if symptoms return'))],
    ['the PTSD assessment says it resolved, sertraline as maintenance, nothing to confirm', (d) => d.assessments.some((a) => a.condition === 'ptsd' && a.resolved?.text === 'PTSD resolved 2017-03-14 (no current episode); sertraline continued (maintenance)' && a.unconfirmedTrials.length === 0)],
    ['safety: overdose and substance use (no substance use disorder is coded)', (d) => safety(d, 'overdose', 'substance-use')],
    ['the overdoses ("Drug overdose", an emergency visit for it) carry no intent: "Overdose (intent not recorded)"', (d) => d.safety.find((s) => s.kind === 'overdose')?.title === 'Overdose (intent not recorded)'],
    ['the PTSD assessment flags the substance use with its detox stays', (d) => d.assessments.some((a) => a.flags.some((f) => f.kind === 'substance-use' && /detox stays? /.test(f.text)))],
    ['substance-use assessment and treatment suggested, for opioid use disorder with naloxone', (d) => substanceOption(d, /^For opioid use disorder: buprenorphine or methadone, and naloxone/)],
    ['drug addiction counselling is not listed as psychotherapy under the PTSD assessment', (d) => d.assessments.every((a) => !(a.psychotherapyGiven ?? []).some((f) => /addiction/i.test(f.text)))],
    ['drug addiction counselling is shown with the substance use (safety strip line and substance-use option)', (d) => /substance-use counselling: Drug addiction counseling, 2002-11-22 to now, in progress/.test(d.safety.find((s) => s.kind === 'substance-use')?.detail ?? '') && optionOf(d, 'substance-use-treatment')!.reasons.some((r) => r.text.startsWith('Substance-use counselling given: Drug addiction counseling'))],
  ],
  Milan_Beatty: [
    ['MDD diagnosed', (d) => kinds(d).has('mdd')],
    ['one fluoxetine trial from 1993-01-09 at 25 mg/day, ongoing', (d) => trial(d, 'fluoxetine').length === 1 && trial(d, 'fluoxetine')[0]!.start === '1993-01-09' && trial(d, 'fluoxetine')[0]!.end === null && trial(d, 'fluoxetine')[0]!.maxDailyDoseMg === 25],
    ['the fluoxetine trial is at an adequate dose', (d) => trial(d, 'fluoxetine')[0]?.adequate === true],
    ['psychotherapy given (CBT)', (d) => therapy(d, 'cbt')],
    ['not treatment-resistant', (d) => d.assessments.every((a) => !a.treatmentResistant)],
    ['no symptom score recorded', (d) => d.scores.length === 0],
    ['the assessment says the fluoxetine outcome is not recorded (no score)', (d) => d.assessments.some((a) => /without an established outcome: fluoxetine: ongoing at an adequate dose with no PHQ-9/.test(a.conclusion))],
  ],
  Sherman_McGlynn: [
    ['MDD diagnosed', (d) => kinds(d).has('mdd')],
    ['the 1955 fluoxetine date gets a data note', (d) => noteMatching(d, /fluoxetine recorded from 1955/)],
    [
      'fluoxetine from 1955 (approved 1987): duration unknown, not adequate, the data error beside the trial',
      (d) => {
        const t = d.trials.find((x) => x.ingredient === 'fluoxetine');
        return t?.durationText === 'duration unknown' && !t.adequate && t.adequacyUnconfirmed === true && t.startBeforeApproval?.text.startsWith('recorded from 1955-11-22') === true;
      },
    ],
    ['opioid abuse as substance use', (d) => d.substanceUse?.substances.includes('opioid') === true],
    ['deceased: nothing suggested', nothingSuggested],
    ['deceased leads the safety items', deceasedFirst],
    ['deceased: the fluoxetine outcome is unknown (no score before death), nothing asked to be recorded', (d) => d.assessments.every((a) => a.unconfirmedTrials.every((u) => u.confirm === undefined && u.missing === 'outcome unknown (no score before death)'))],
    ['deceased: no trial note asks to confirm with the patient', (d) => d.trials.every((t) => t.notes.every((n) => !n.includes('confirm with the patient')))],
  ],
  Francine_Veum: [
    ['not "no psychiatric history"', (d) => !noPsychiatricHistory(d)],
    ['at least two overdoses', (d) => overdoses(d) >= 2],
    ['a detox stay', (d) => detox(d) >= 1],
    ['probable opioid use disorder', (d) => d.substanceUse?.probableOpioidUseDisorder === true],
    ['screenings without a recorded score noted', (d) => noteMatching(d, /screening.*without a recorded score/)],
    ['safety: overdose and substance use (no substance use disorder is coded)', (d) => safety(d, 'overdose', 'substance-use')],
    ['the overdose line says the 2018-12-27 overdose was during pregnancy', (d) => d.safety.find((s) => s.kind === 'overdose')?.detail.includes('overdose 2018-12-27 during pregnancy') === true],
    ['the overdose line says the 2020-08-12 overdose was 6 weeks after a pregnancy ended', (d) => d.safety.find((s) => s.kind === 'overdose')?.detail.includes('overdose 2020-08-12, 6 weeks after a pregnancy ended (Normal pregnancy 2020-06-11 to 2020-07-02)') === true],
    ['substance-use assessment and treatment suggested, for opioid use disorder with naloxone', (d) => substanceOption(d, /^For opioid use disorder: buprenorphine or methadone, and naloxone/)],
    ['integrated dual-diagnosis treatment not suggested (no second disorder)', noDualDiagnosis],
  ],
  Meg_Toy: [
    ['not "no psychiatric history"', (d) => !noPsychiatricHistory(d)],
    ['three overdoses (2003, 2013, 2016)', (d) => overdoses(d) === 3],
    ['three detox stays', (d) => detox(d) === 3],
    ['no antidepressant trial', (d) => d.trials.length === 0],
    ['screenings without a recorded score noted', (d) => noteMatching(d, /screening.*without a recorded score/)],
    ['safety: overdose and substance use, with the detox stays', (d) => safety(d, 'overdose', 'substance-use') && /detox stays /.test(d.safety.find((s) => s.kind === 'substance-use')!.detail)],
    ['not pregnant now', (d) => !safety(d, 'pregnancy')],
    ['the overdose line says the 2013-09-29 and 2016-05-09 overdoses were during pregnancy', (d) => ['overdose 2013-09-29 during pregnancy', 'overdose 2016-05-09 during pregnancy'].every((t) => d.safety.find((s) => s.kind === 'overdose')?.detail.includes(t) === true)],
    ['the 2003 overdose is not said to be during pregnancy', (d) => d.safety.find((s) => s.kind === 'overdose')?.detail.includes('2003') === true && !/overdose 2003-\S+ during pregnancy/.test(d.safety.find((s) => s.kind === 'overdose')!.detail)],
    ['substance-use assessment and treatment suggested, asking which substances', (d) => substanceOption(d, /^The substances are not recorded: ask which were used/)],
    ['integrated dual-diagnosis treatment not suggested (no second disorder)', noDualDiagnosis],
  ],
  Virginia_Mercado: [
    ['opioid use as substance use', (d) => d.substanceUse?.substances.includes('opioid') === true],
    ['substance use on the safety strip', (d) => safety(d, 'substance-use')],
    ['not "no psychiatric history"', (d) => !noPsychiatricHistory(d)],
    ['nothing interventional suggested', nothingInterventional],
    ['substance-use assessment and treatment suggested, for opioid use disorder with naloxone', (d) => substanceOption(d, /^For opioid use disorder: buprenorphine or methadone, and naloxone/)],
    ['integrated dual-diagnosis treatment not suggested (opioid abuse is the only disorder)', noDualDiagnosis],
  ],
  Trey_Leffler: [
    ['substance use: alcohol and tobacco', (d) => ['alcohol', 'tobacco'].every((s) => d.substanceUse?.substances.includes(s))],
    ['substance use on the safety strip', (d) => safety(d, 'substance-use')],
    ['not "no psychiatric history"', (d) => !noPsychiatricHistory(d)],
    ['no antidepressant trial', (d) => d.trials.length === 0],
    ['substance-use assessment and treatment suggested, for alcohol use disorder with naltrexone or acamprosate', (d) => substanceOption(d, /^For alcohol use disorder: naltrexone or acamprosate/)],
    ['integrated dual-diagnosis treatment not suggested (alcoholism is the only disorder)', noDualDiagnosis],
    ['the safety strip\'s substance-use line names the daily smoking', (d) => d.safety.find((s) => s.kind === 'substance-use')?.detail.includes('tobacco: “Smokes tobacco daily” since 2003-08-18') === true],
    ['the history line names the daily smoking', (d) => d.notes.some((n) => n.startsWith('Psychiatric history without a diagnosis') && n.includes('Alcoholism; Smokes tobacco daily'))],
    ['the nicotine patch is nicotine replacement for tobacco use, not unrecognised', (d) => other(d, 'nicotine replacement', 'tobacco') && !d.unused.some((u) => /nicotine/.test(u.reason))],
    ['alcoholism counselling is substance-use counselling on the history line, not psychotherapy', (d) => d.notes.some((n) => n.includes('Alcoholism; Smokes tobacco daily; substance-use counselling.'))],
  ],
  Jacob_King: [
    ['dementia', (d) => kinds(d).has('dementia')],
    ['overdoses and a detox stay as substance use', (d) => overdoses(d) >= 2 && detox(d) >= 1 && d.substanceUse !== null],
    ['MMSE read as cognition', (d) => noteMatching(d, /^MMSE .*cognitive scores/)],
    ['deceased: nothing suggested', nothingSuggested],
    ['deceased leads the safety items', deceasedFirst],
  ],
  Alberto_Atencio: [
    ['no psychiatric history', noPsychiatricHistory],
    ['no psychiatric trial', (d) => d.trials.length === 0],
    ['clonazepam and carbamazepine as epilepsy treatment', (d) => other(d, 'clonazepam', 'epilepsy') && other(d, 'carbamazepine', 'epilepsy')],
  ],
  Basil_Champlin: [
    ['no psychiatric history', noPsychiatricHistory],
    ['no psychiatric trial', (d) => d.trials.length === 0],
    ['diazepam and carbamazepine as epilepsy treatment', (d) => other(d, 'diazepam', 'epilepsy') && other(d, 'carbamazepine', 'epilepsy')],
  ],
  Gerardo_Botello: [
    ['ADHD diagnosed', (d) => kinds(d).has('adhd')],
    ['not "no psychiatric history"', (d) => !noPsychiatricHistory(d)],
    ['methylphenidate as ADHD treatment', (d) => other(d, 'methylphenidate', 'adhd')],
    ['nothing interventional suggested', nothingInterventional],
  ],
  Adalberto_Hartmann: [
    ['dementia and epilepsy as history', (d) => kinds(d).has('dementia') && kinds(d).has('epilepsy')],
    ['diazepam for epilepsy, not a psychiatric trial', (d) => d.trials.length === 0 && other(d, 'diazepam', 'epilepsy')],
    ['MMSE read as cognition', (d) => noteMatching(d, /^MMSE .*cognitive scores/)],
    ['nothing interventional suggested', nothingInterventional],
  ],
};

function main(): void {
  const args = process.argv.slice(2);
  let folder: string | null = null;
  let asOf = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--as-of') asOf = args[++i] ?? asOf;
    else folder = args[i]!;
  }
  if (!folder) {
    process.stderr.write('usage: npm run check:public-sample -- <folder of sample bundles> [--as-of YYYY-MM-DD]\n');
    process.exit(2);
  }
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  let failed = 0;
  let passed = 0;
  for (const [prefix, checks] of Object.entries(READINGS)) {
    const file = files.find((f) => f.startsWith(`${prefix}_`));
    if (!file) {
      process.stdout.write(`MISSING ${prefix}: no file in ${folder}\n`);
      failed++;
      continue;
    }
    const doc = JSON.parse(readFileSync(join(folder, file), 'utf8')) as unknown;
    const { records } = groupResourcesByPatient(resolveUrnReferences(resourcesOfJson(doc), doc));
    const derived = records.map((r) => deriveSafely(r, { asOf }));
    const d = derived[0];
    if (!d || 'error' in d) {
      process.stdout.write(`FAIL ${prefix}: the engine failed (${d && 'error' in d ? d.error : 'no patient in the bundle'})\n`);
      failed++;
      continue;
    }
    for (const [what, ok] of checks) {
      let result: boolean;
      try {
        result = ok(d);
      } catch {
        result = false;
      }
      process.stdout.write(`${result ? 'ok  ' : 'FAIL'} ${prefix}: ${what}\n`);
      if (result) passed++;
      else failed++;
    }
  }
  const extra = files.filter((f) => !Object.keys(READINGS).some((p) => f.startsWith(`${p}_`)));
  for (const f of extra) process.stdout.write(`note ${basename(f)}: no reading for this patient, not checked\n`);
  process.stdout.write(`\n${passed} checks agree with the readings, ${failed} do not (as of ${asOf}).\n`);
  process.exit(failed > 0 ? 1 : 0);
}

main();
