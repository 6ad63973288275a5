/** A key for every visual encoding on the timeline; the samples reuse the timeline's own symbols. */
import type { ReactNode } from 'react';
import type { Outcome, OutcomeBasis } from '../../clinical/types';
import { BASELINE_WORDS } from '../../clinical/vocabulary';
import { ADEQUACY_VERDICT_TRIAL_WORDS, OUTCOME_BASIS_LABEL, OUTCOME_LABEL } from '../../clinical/vocabulary';
import { DOSE_FILL, OutcomeMark, ProcedureMarkSymbol } from './marks';

function Sample({ children, width = 34 }: { children: ReactNode; width?: number }) {
  return (
    <svg width={width} height={20} viewBox={`0 0 ${width} 20`} aria-hidden="true" className="trp-legend-sample">
      {children}
    </svg>
  );
}

function Entry({ sample, text }: { sample: ReactNode; text: string }) {
  return (
    <li>
      {sample}
      <span>{text}</span>
    </li>
  );
}

const OUTCOMES: Outcome[] = ['remission', 'response', 'partial', 'nonresponse', 'too-short', 'intolerance', 'ongoing', 'unknown'];
const BASES: OutcomeBasis[] = ['measured', 'recorded', 'inferred'];

/** `deceased`: nothing is current or ongoing for a patient who has died; the keys say "at death" instead. */
export function Legend({ deceased = false }: { deceased?: boolean }) {
  return (
    <section className="trp-legend" aria-labelledby="trp-legend-heading">
      <h3 id="trp-legend-heading">Legend</h3>
      <div className="trp-legend-groups">
        <div>
          <h4>Medication trials</h4>
          <ul>
            <Entry sample={<Sample><rect x={1} y={4} width={32} height={12} fill={DOSE_FILL['at-or-above']} /></Sample>} text="Dose at or above the adequate dose, or a drug level at or above the adequate level where the level decides (bar height follows the dose)" />
            <Entry sample={<Sample><rect x={1} y={9} width={32} height={7} fill={DOSE_FILL.below} stroke="#1f4e79" /></Sample>} text="Dose below the adequate dose, or a drug level below the adequate level where the level decides (hatched)" />
            <Entry sample={<Sample><rect x={1} y={6} width={32} height={10} fill={DOSE_FILL.unknown} stroke="#444" /></Sample>} text="Dose unknown (dotted)" />
            <Entry sample={<Sample><rect x={1} y={6} width={32} height={10} fill={DOSE_FILL['no-threshold']} /></Sample>} text="No adequate-dose threshold known for this agent" />
            <Entry
              sample={<Sample><rect x={1} y={6} width={32} height={10} fill={DOSE_FILL['level-unmeasured']} stroke="#0b1f33" strokeWidth={1} /></Sample>}
              text={`Dose known, level not measured: adequacy is judged by the drug level and none was recorded (${ADEQUACY_VERDICT_TRIAL_WORDS.unconfirmed}; striped)`}
            />
            <Entry
              sample={
                <Sample>
                  <rect x={1} y={6} width={32} height={10} fill="#dce7f3" />
                  <line x1={1} x2={33} y1={9} y2={9} stroke="#fff" strokeWidth={4} />
                  <line x1={1} x2={33} y1={9} y2={9} stroke="#000" strokeWidth={2} strokeDasharray="4 2" />
                </Sample>
              }
              text="Adequate-dose threshold line"
            />
            <Entry sample={<Sample><rect x={2} y={4} width={30} height={12} fill={DOSE_FILL['at-or-above']} stroke="#0b1f33" strokeWidth={1} /></Sample>} text="Solid edge: adequate trial (dose and duration)" />
            <Entry sample={<Sample><rect x={2} y={4} width={30} height={12} fill={DOSE_FILL.below} stroke="#0b1f33" strokeWidth={1.2} strokeDasharray="3 2" /></Sample>} text="Dashed edge and “not an adequate trial”: dose, duration or adherence short of adequacy (reason in details)" />
            {deceased ? (
              <Entry
                sample={
                  <Sample>
                    <rect x={1} y={4} width={24} height={12} fill={DOSE_FILL['at-or-above']} />
                    <line x1={25} x2={25} y1={0} y2={20} stroke="#333" strokeWidth={1} strokeDasharray="2 2" />
                    <OutcomeMark outcome="nonresponse" basis="measured" x={25} y={10} r={5} />
                  </Sample>
                }
                text="Bar ending at the death line: trial taken until death (the mark at its end is its outcome)"
              />
            ) : (
              <Entry sample={<Sample><rect x={1} y={4} width={22} height={12} fill={DOSE_FILL['at-or-above']} /><path d="M 23 4 l 8 6 l -8 6 Z" fill="#1f4e79" /></Sample>} text="Arrow: trial ongoing today" />
            )}
            <Entry
              sample={<Sample><path d="M 9 4 l -8 6 l 8 6 Z" fill="#1f4e79" /><rect x={10} y={4} width={23} height={12} fill={DOSE_FILL['at-or-above']} /></Sample>}
              text="Arrow at the left edge: the trial began before the range shown (the bar continues from before)"
            />
          </ul>
        </div>
        <div>
          <h4>Outcome (shape and symbol)</h4>
          <ul>
            {OUTCOMES.filter((o) => !deceased || o !== 'ongoing').map((o) => (
              <Entry key={o} sample={<Sample width={20}><OutcomeMark outcome={o} basis="measured" x={10} y={10} /></Sample>} text={OUTCOME_LABEL[o]} />
            ))}
          </ul>
          <h4>How the outcome is known</h4>
          <ul>
            {BASES.map((b) => (
              <Entry
                key={b}
                sample={<Sample width={20}><OutcomeMark outcome="nonresponse" basis={b} x={10} y={10} /></Sample>}
                text={`${b === 'measured' ? 'Filled' : b === 'recorded' ? 'Outlined' : 'Dashed, hollow'}: ${OUTCOME_BASIS_LABEL[b]}`}
              />
            ))}
            <Entry
              sample={<Sample width={20}><OutcomeMark outcome="unknown" basis={null} x={10} y={10} /></Sample>}
              text={`Thin outline: nothing to base an outcome on (unknown: the details say why${deceased ? '' : '; ongoing without scores'})`}
            />
          </ul>
        </div>
        <div>
          <h4>Diagnoses, episodes, procedures</h4>
          <ul>
            <Entry sample={<Sample><rect x={1} y={4} width={32} height={12} rx={3} className="trp-dx-span" /></Sample>} text={`Diagnosis from onset to abatement (or ${deceased ? 'death' : 'today'})`} />
            <Entry sample={<Sample width={20}><path d="M 5 3 l 5 7 l -5 7 l -5 -7 Z" transform="translate(5 0)" className="trp-dx-point" /></Sample>} text="Diagnosis with only an onset date, or an event on its date (an overdose, an injury, a visit's reason)" />
            <Entry sample={<Sample><rect x={1} y={4} width={32} height={12} rx={2} className="trp-episode is-current" /></Sample>} text={deceased ? 'Episode open at death' : 'Current episode'} />
            <Entry sample={<Sample><rect x={1} y={4} width={32} height={12} rx={2} className="trp-episode" /></Sample>} text="Earlier episode" />
            <Entry sample={<Sample width={20}><ProcedureMarkSymbol kind="ect" x={10} y={10} /></Sample>} text="Procedure session or course start; unlabelled marks carry a letter (E = ECT, T = TMS, K = (es)ketamine, V = VNS, D = DBS, P = psychotherapy)" />
          </ul>
        </div>
        <div>
          <h4>Symptom scores</h4>
          <ul>
            <Entry sample={<Sample><path d="M 2 14 L 16 6 L 32 12" className="trp-score-line" /><circle cx={16} cy={6} r={3.2} className="trp-score-dot" /></Sample>} text="Score over time" />
            <Entry sample={<Sample width={20}><rect x={5.5} y={5.5} width={9} height={9} className="trp-score-baseline" /></Sample>} text={`Baseline score of a trial (${BASELINE_WORDS})`} />
            <Entry sample={<Sample><line x1={1} x2={33} y1={10} y2={10} className="trp-remission-line" /></Sample>} text="Remission threshold" />
            <Entry sample={<Sample><line x1={1} x2={33} y1={10} y2={10} className="trp-response-line" /></Sample>} text="Response threshold, relative to the trial's baseline" />
          </ul>
        </div>
      </div>
    </section>
  );
}
