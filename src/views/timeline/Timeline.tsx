/**
 * The treatment-resistance timeline: one SVG, one time axis, drawn from the pure layout in layout/.
 * Every item is focusable (Tab) and hoverable; both report the item's details upwards.
 */
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Derivation, Episode, Instrument } from '../../clinical/types';
import { layoutLanes, rowHeightFor } from './layout/lanes';
import {
  ariaLabelOf,
  describeDiagnosis,
  describeEpisode,
  describeProcedure,
  describePsychotherapy,
  describeScore,
  trialDetails,
  trialItemId,
  type ItemDetails,
} from './details';
import { CONDITION_LABEL, INSTRUMENT_LABEL, capitalise, shownOutcomeBasis } from '../../clinical/vocabulary';
import { DOSE_FILL, OutcomeMark, ProcedureMarkSymbol, TimelineDefs, WORDS_BACKDROP } from './marks';
import { terminologyRanges, type ThresholdLookup } from './scale-thresholds';
import { diagnosesByRecord, diagnosesForTimeline } from '../../clinical/safety';
import { parseDate, timeScale, type TimeDomain } from './layout/domain';
import { axisTicks, frameFor } from './layout/axis';
import { charsThatFit } from './layout/packing';
import {
  layoutDiagnoses,
  layoutEpisodes,
  layoutProcedures,
  layoutPsychotherapy,
  type SpanLayout,
} from './layout/spans';
import { layoutScoreCharts, remissionText, type ScoreRangeLookup } from './layout/scores';

export type ActivateHow = 'hover' | 'focus' | 'click';

/** Where the details box should appear, in the timeline container's pixels (the SVG sits at its origin). */
export interface Anchor {
  x: number;
  y: number;
}

export interface TimelineProps {
  derivation: Derivation;
  domain: TimeDomain;
  width: number;
  thresholds: ThresholdLookup;
  /** Each scale's range (and safety line); defaults to the terminology table. */
  ranges?: ScoreRangeLookup;
  activeId: string | null;
  /** Item ids emphasised from the summary's links. */
  highlighted: ReadonlySet<string>;
  onActivate: (details: ItemDetails | null, how: ActivateHow, anchor?: Anchor) => void;
}

const AXIS_HEIGHT = 36;
const SPAN_ROW = 20;
const SECTION_GAP = 10;
const CHART_HEIGHT = 92;
const CHART_GAP = 16;
/** How far the lanes' drawing reaches past the plot on each side (continues mark, arrow); inside the frame's margins. */
const LANE_OVERHANG = 12;
/** Room for the "Medication trials" heading above the lanes. */
const LANE_HEADER = 18;

function labelWithVisibleText(details: ItemDetails, visibleText: string | null | undefined): string {
  const full = ariaLabelOf(details);
  return visibleText && !full.toLowerCase().includes(visibleText.toLowerCase()) ? `${full}. ${capitalise(visibleText)}` : full;
}

const episodeLabel = (e: Episode) => `${e.current ? 'Current ' : ''}${CONDITION_LABEL[e.condition]} episode${e.endedAtDeath ? ' until death' : ''}`;

function clipText(text: string, maxPx: number, fontPx = 12): string {
  const maxChars = charsThatFit(maxPx, fontPx);
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1))}…`;
}

export function Timeline({ derivation, domain, width, thresholds, ranges = terminologyRanges, activeId, highlighted, onActivate }: TimelineProps) {
  const frame = useMemo(() => frameFor(width), [width]);
  const asOf = useMemo(() => parseDate(derivation.asOf) ?? new Date(0), [derivation.asOf]);
  const x = useMemo(() => timeScale(domain, frame.plotLeft, frame.plotRight), [domain, frame.plotLeft, frame.plotRight]);
  const [scoreCursor, setScoreCursor] = useState<Record<string, number>>({});
  const alsoStated = useMemo(() => new Map(diagnosesByRecord(derivation.diagnoses).map((r) => [r.diagnosis, r.alsoStated])), [derivation.diagnoses]);

  const layout = useMemo(() => {
    let y = AXIS_HEIGHT + 6;
    const diagnoses = layoutDiagnoses(diagnosesForTimeline(derivation.diagnoses), asOf, x, frame, y, SPAN_ROW);
    y += diagnoses.height + (diagnoses.height ? SECTION_GAP : 0);
    const episodes = layoutEpisodes(derivation.episodes, asOf, x, frame, y, SPAN_ROW, episodeLabel);
    y += episodes.height + (episodes.height ? SECTION_GAP : 0);
    // Psychotherapy has its own lane (the engine's courses), so its Procedure marks are not repeated here.
    const procedures = layoutProcedures(derivation.procedures.filter((p) => p.kind !== 'psychotherapy'), x, frame, y, SPAN_ROW);
    y += procedures.height + (procedures.height ? SECTION_GAP : 0);
    const therapy = layoutPsychotherapy(derivation.psychotherapy ?? [], asOf, x, frame, y, SPAN_ROW, (c) => c.display);
    y += therapy.height + (therapy.height ? SECTION_GAP : 0);
    const laneCount = new Set(derivation.trials.map((t) => t.ingredient)).size;
    const lanes = layoutLanes(derivation.trials, x, frame, { top: y + LANE_HEADER, asOf, rowHeight: rowHeightFor(laneCount) });
    y += lanes.height ? lanes.height + LANE_HEADER + SECTION_GAP + 6 : 0;
    const charts = layoutScoreCharts(derivation.scores, derivation.trials, thresholds, asOf, x, y, CHART_HEIGHT, CHART_GAP, ranges);
    y += charts.height + (charts.height ? 6 : 0);
    return { diagnoses, episodes, procedures, therapy, lanes, charts, bottomAxisY: y, height: y + AXIS_HEIGHT };
  }, [derivation, x, frame, asOf, thresholds, ranges]);

  const ticks = axisTicks(x, frame);
  const asOfX = x(asOf);
  const activate = (details: ItemDetails, how: ActivateHow, anchor: Anchor) => onActivate(details, how, anchor);

  /**
   * Wraps a drawn item so it is focusable, labelled and reports hover, focus and click. The accessible name starts
   * with the item's visible words (WCAG 2.5.3 label in name), then the full details.
   */
  const item = (
    details: ItemDetails,
    anchor: Anchor,
    children: ReactNode,
    extraClass = '',
    onKeyDown?: (e: KeyboardEvent) => void,
    visibleText?: string | null,
  ) => (
    <g
      key={details.id}
      className={`trp-item ${extraClass} ${activeId === details.id ? 'is-active' : ''} ${highlighted.has(details.id) ? 'is-highlighted' : ''}`}
      tabIndex={0}
      role="button"
      aria-label={labelWithVisibleText(details, visibleText)}
      data-item-id={details.id}
      onMouseEnter={() => activate(details, 'hover', anchor)}
      onFocus={() => activate(details, 'focus', anchor)}
      onClick={() => activate(details, 'click', anchor)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          activate(details, 'click', anchor);
        }
        onKeyDown?.(e);
      }}
    >
      {children}
    </g>
  );

  const sectionLabel = (text: string, y: number) => (
    <text className="trp-section-label" x={8} y={y + 13}>
      {text}
    </text>
  );

  const { diagnoses, episodes, procedures, therapy, lanes, charts } = layout;

  return (
    <>
    <svg
      className="trp-timeline-svg"
      width={frame.width}
      height={layout.height}
      viewBox={`0 0 ${frame.width} ${layout.height}`}
      role="group"
      aria-label="Treatment timeline: diagnoses, episodes, procedures, medication trials and symptom scores on one time axis"
    >
      <TimelineDefs />
      <clipPath id="trp-plot-clip">
        <rect x={frame.plotLeft} y={0} width={frame.plotRight - frame.plotLeft} height={layout.height} />
      </clipPath>
      {/* The lanes reach a little past the plot: a running trial's arrow after today, a "continues" mark before the range. */}
      <clipPath id="trp-lanes-clip">
        <rect x={frame.plotLeft - LANE_OVERHANG} y={0} width={frame.plotRight - frame.plotLeft + 2 * LANE_OVERHANG} height={layout.height} />
      </clipPath>

      {/* Grid and axes */}
      <g aria-hidden="true" className="trp-axis">
        {ticks.map((t) => (
          <g key={`tick-${t.x}`}>
            <line x1={t.x} x2={t.x} y1={AXIS_HEIGHT - 4} y2={layout.bottomAxisY} className="trp-grid" />
            {t.label !== null && (
              <>
                <text x={t.x} y={AXIS_HEIGHT - 9} textAnchor="middle" className="trp-tick">
                  {t.label}
                </text>
                <text x={t.x} y={layout.bottomAxisY + 16} textAnchor="middle" className="trp-tick">
                  {t.label}
                </text>
              </>
            )}
          </g>
        ))}
        <line x1={frame.plotLeft} x2={frame.plotRight} y1={AXIS_HEIGHT - 4} y2={AXIS_HEIGHT - 4} className="trp-axis-line" />
        <line x1={frame.plotLeft} x2={frame.plotRight} y1={layout.bottomAxisY} y2={layout.bottomAxisY} className="trp-axis-line" />
        {asOfX >= frame.plotLeft && asOfX <= frame.plotRight && (
          <g>
            <line x1={asOfX} x2={asOfX} y1={AXIS_HEIGHT - 4} y2={layout.bottomAxisY} className="trp-asof-line" />
            {/* For a deceased patient the record ends at death, not today. */}
            <text x={asOfX} y={10} textAnchor="middle" className="trp-asof-label">
              {derivation.demographics?.deceased ? 'death' : 'today'}
            </text>
          </g>
        )}
      </g>

      {diagnoses.spans.length > 0 && sectionLabel('Diagnoses', Math.min(...diagnoses.spans.map((x) => x.top)) - 1)}
      <g clipPath="url(#trp-plot-clip)">
        {diagnoses.spans.map((s) => {
          const index = derivation.diagnoses.indexOf(s.item);
          const details = describeDiagnosis(s.item, index, derivation.demographics?.deceasedDate, alsoStated.get(s.item));
          return item(
            details,
            { x: s.x0, y: s.top + s.height },
            <>
              {s.point ? (
                <path d={`M ${s.x0} ${s.top + 3} l 5 7 l -5 7 l -5 -7 Z`} className="trp-dx-point" />
              ) : (
                <rect x={s.x0} y={s.top + 3} width={Math.max(2, s.x1 - s.x0)} height={s.height - 6} rx={3} className="trp-dx-span" />
              )}
              <SpanLabel span={s} />
            </>,
            'trp-dx',
            undefined,
            s.fullLabel,
          );
        })}
      </g>

      {episodes.spans.length > 0 && sectionLabel('Episodes', Math.min(...episodes.spans.map((x) => x.top)) - 1)}
      <g clipPath="url(#trp-plot-clip)">
        {episodes.spans.map((s) =>
          item(
            describeEpisode(s.item),
            { x: Math.max(s.x0, frame.plotLeft), y: s.top + s.height },
            <>
              <rect x={s.x0} y={s.top + 2} width={Math.max(2, s.x1 - s.x0)} height={s.height - 4} rx={2} className={s.item.current || s.item.endedAtDeath ? 'trp-episode is-current' : 'trp-episode'} />
              <SpanLabel span={s} />
            </>,
            '',
            undefined,
            s.fullLabel,
          ),
        )}
      </g>

      {procedures.spans.length > 0 && sectionLabel('Procedures', Math.min(...procedures.spans.map((x) => x.top)) - 1)}
      <g clipPath="url(#trp-plot-clip)">
        {procedures.spans.map((s) => {
          const index = derivation.procedures.indexOf(s.item);
          return item(
            describeProcedure(s.item, index),
            { x: s.x0, y: s.top + s.height },
            <>
              {!s.point && <rect x={s.x0} y={s.top + 6} width={s.x1 - s.x0} height={s.height - 12} className="trp-procedure-span" />}
              <ProcedureMarkSymbol kind={s.item.kind} x={s.x0} y={s.top + s.height / 2} withLetter={!s.label} />
              <SpanLabel span={s} />
            </>,
            '',
            undefined,
            s.fullLabel,
          );
        })}
      </g>

      {therapy.spans.length > 0 && sectionLabel('Psychotherapy', Math.min(...therapy.spans.map((s) => s.top)) - 1)}
      <g clipPath="url(#trp-plot-clip)">
        {therapy.spans.map((s) =>
          item(
            describePsychotherapy(s.item, derivation.psychotherapy.indexOf(s.item)),
            { x: s.x0, y: s.top + s.height },
            <>
              {s.point ? (
                <circle cx={s.x0} cy={s.top + s.height / 2} r={4} className="trp-therapy-mark" />
              ) : (
                // A strip under the course's name: a strip through the middle crossed its words like a strike-through.
                <rect x={s.x0} y={s.top + s.height - 4} width={s.x1 - s.x0} height={3} className="trp-therapy-span" />
              )}
              <SpanLabel span={s} />
            </>,
            '',
            undefined,
            s.fullLabel,
          ),
        )}
      </g>

      {/* Medication lanes in the order the agents were first tried; an added agent right under the drug it augments. */}
      {lanes.lanes.length > 0 && sectionLabel('Medication trials', lanes.lanes[0]!.top - 17)}
      {lanes.lanes.map((lane) => {
        const name = capitalise(lane.ingredient);
        const labelX = lane.augments ? 30 : 18;
        const shown = clipText(lane.augments ? `+ ${name}` : name, frame.plotLeft - labelX - LANE_OVERHANG - 4);
        return (
          <g key={lane.ingredient} className={`trp-lane ${lane.augments ? 'is-augmentation' : ''}`} data-lane={lane.ingredient}>
            <rect x={frame.plotLeft} y={lane.top} width={frame.plotRight - frame.plotLeft} height={lane.height} className="trp-lane-bg" aria-hidden="true" />
            {lane.augments && (
              <path d={`M 20 ${lane.top - 6} V ${lane.top + Math.min(lane.height, 30) / 2} H 26`} className="trp-augments-link" aria-hidden="true" />
            )}
            <text x={labelX} y={lane.top + Math.min(lane.height, 30) / 2} dy="0.35em" className="trp-lane-label">
              {shown}
              {shown !== (lane.augments ? `+ ${name}` : name) && <title>{name}</title>}
            </text>
            <g clipPath="url(#trp-lanes-clip)">
              {lane.bars.filter((bar) => !bar.offscreen).map((bar) => {
                const details = trialDetails(bar.trial);
                const adequateClass = bar.trial.adequate ? 'is-adequate' : 'is-inadequate';
                const barTop = bar.baseline - (bar.rowHeight - 9);
                return item(
                  details,
                  { x: Math.min(Math.max(bar.x1, frame.plotLeft), frame.plotRight), y: bar.top + bar.rowHeight },
                  <>
                    {highlighted.has(trialItemId(bar.trial)) && (
                      <rect x={bar.x0 - 4} y={bar.top + 1} width={bar.x1 - bar.x0 + 8} height={bar.rowHeight - 2} className="trp-highlight" />
                    )}
                    {/* Invisible full-height target, so thin low-dose bars are still easy to point at. */}
                    <rect x={bar.x0} y={barTop} width={Math.max(6, bar.x1 - bar.x0)} height={bar.baseline - barTop} className="trp-hit" />
                    {/* Dose segments: solid edge when the trial was adequate, dashed when not. */}
                    {bar.segments.map((seg, i) => (
                      <rect
                        key={i}
                        x={seg.x0}
                        y={seg.y}
                        width={Math.max(1, seg.x1 - seg.x0)}
                        height={seg.height}
                        fill={DOSE_FILL[seg.level]}
                        className={`trp-dose trp-dose-${seg.level} ${adequateClass}`}
                      />
                    ))}
                    {bar.thresholdY !== null && (
                      <g className="trp-threshold" data-threshold-y={bar.thresholdY}>
                        <line x1={bar.x0} x2={bar.x1} y1={bar.thresholdY} y2={bar.thresholdY} className="trp-threshold-halo" />
                        <line x1={bar.x0} x2={bar.x1} y1={bar.thresholdY} y2={bar.thresholdY} className="trp-threshold-line" />
                      </g>
                    )}
                    {/* Cut at the range's left edge: the trial began earlier, and the bar continues from before. */}
                    {bar.clippedLeft && (
                      <path d={`M ${bar.x0 - 1} ${barTop} l -8 ${(bar.baseline - barTop) / 2} l 8 ${(bar.baseline - barTop) / 2} Z`} className="trp-continues-mark" />
                    )}
                    {bar.ongoing && !bar.clippedRight && (
                      <path d={`M ${bar.x1} ${barTop} l 9 ${(bar.baseline - barTop) / 2} l -9 ${(bar.baseline - barTop) / 2} Z`} className="trp-ongoing-arrow" />
                    )}
                    {bar.showOutcomeMark && (
                      <OutcomeMark outcome={bar.trial.outcome} basis={shownOutcomeBasis(bar.trial)} x={bar.marker.x} y={bar.marker.y} />
                    )}
                    {/* Words on a backdrop the size of their box, so no threshold, "today" or grid line crosses them. */}
                    {bar.label && (
                      <text
                        x={bar.labelX}
                        y={bar.marker.y}
                        dy="0.35em"
                        textAnchor={bar.labelAnchor}
                        // Inside a bar, a halo keeps the fill visible around the letters; the box backdrop only
                        // where a threshold line would otherwise cross the words.
                        filter={bar.labelInside && bar.thresholdY === null ? undefined : WORDS_BACKDROP}
                        className={bar.labelInside ? 'trp-outcome-label trp-running-label' : 'trp-outcome-label'}
                      >
                        {bar.label}
                      </text>
                    )}
                    {bar.levelLabel && (
                      <text x={bar.levelLabelX} y={bar.marker.y} dy="0.35em" textAnchor="end" filter={WORDS_BACKDROP} className="trp-level-label">
                        {bar.levelLabel}
                      </text>
                    )}
                  </>,
                  `trp-trial ${adequateClass}`,
                  undefined,
                  [bar.label, bar.levelLabel].filter(Boolean).join(' · ') || null,
                );
              })}
            </g>
          </g>
        );
      })}

      {/* Symptom score charts */}
      {charts.charts.map((chart) => {
        const cursor = Math.min(scoreCursor[chart.instrument] ?? chart.dots.length - 1, chart.dots.length - 1);
        const seriesDetails = (index: number): ItemDetails => {
          const dot = chart.dots[index]!;
          return describeScore(dot.point, derivation.scores.indexOf(dot.point), dot.baseline);
        };
        const move = (instrument: Instrument, to: number) => {
          const next = Math.max(0, Math.min(chart.dots.length - 1, to));
          setScoreCursor((c) => ({ ...c, [instrument]: next }));
          const dot = chart.dots[next]!;
          onActivate(seriesDetails(next), 'focus', { x: dot.x, y: dot.y + 10 });
        };
        const first = chart.dots[0]!;
        const last = chart.dots[chart.dots.length - 1]!;
        const t = chart.thresholds;
        const seriesLabel =
          `${chart.label}: ${chart.dots.length} score${chart.dots.length === 1 ? '' : 's'}, from ${first.point.value} on ${first.point.date.slice(0, 10)} ` +
          `to ${last.point.value} on ${last.point.date.slice(0, 10)}. ` +
          (t ? `${capitalise(remissionText(t))}. ` : chart.flag ? `Threshold: ${chart.flag.text}. ` : 'No thresholds available. ') +
          'Use the left and right arrow keys to step through the scores.';
        const path = chart.dots.map((d, i) => `${i === 0 ? 'M' : 'L'} ${d.x} ${d.y}`).join(' ');
        return (
          <g key={chart.instrument} className="trp-chart">
            <text x={8} y={chart.top + 14} className="trp-section-label">
              {chart.label}
            </text>
            <text x={8} y={chart.top + 30} className="trp-chart-note">
              {t ? remissionText(t) : chart.flag ? chart.flag.text : 'thresholds not available'}
            </text>
            {t && t.responseReduction !== null && (
              <text x={8} y={chart.top + 44} className="trp-chart-note">
                response: ≥ {Math.round(t.responseReduction * 100)}% drop
              </text>
            )}
            {t?.verification === 'U' && (
              <text x={8} y={chart.top + 58} className="trp-chart-note trp-unverified-text">
                thresholds unverified
              </text>
            )}
            <rect x={frame.plotLeft} y={chart.top} width={frame.plotRight - frame.plotLeft} height={chart.height} className="trp-chart-bg" aria-hidden="true" />
            <g aria-hidden="true">
              {chart.yTicks.map((tick) => (
                <g key={tick.value}>
                  <line x1={frame.plotLeft - 4} x2={frame.plotLeft} y1={tick.y} y2={tick.y} className="trp-axis-line" />
                  <text x={frame.plotLeft - 6} y={tick.y} dy="0.35em" textAnchor="end" className="trp-tick">
                    {tick.value}
                  </text>
                </g>
              ))}
            </g>
            <g clipPath="url(#trp-plot-clip)">
              {chart.remission && (
                <g aria-hidden="true">
                  <line x1={frame.plotLeft} x2={frame.plotRight} y1={chart.remission.y} y2={chart.remission.y} className="trp-remission-line" />
                  {/* Below the line: the remission zone is where the fewest points are. */}
                  <text x={frame.plotLeft + 4} y={Math.min(chart.remission.y + 11, chart.top + chart.height - 2)} className="trp-threshold-text">
                    {chart.remission.text}
                  </text>
                </g>
              )}
              {chart.flag && (
                <g aria-hidden="true" className="trp-flag-line-group">
                  <line x1={frame.plotLeft} x2={frame.plotRight} y1={chart.flag.y} y2={chart.flag.y} className="trp-flag-line" />
                  <text x={frame.plotRight - 4} y={chart.flag.y - 4} textAnchor="end" className="trp-flag-text">
                    {chart.flag.text}
                  </text>
                </g>
              )}
              {chart.responses.map((r) => (
                <g key={`${r.trialId}`} aria-hidden="true">
                  <line x1={r.x0} x2={r.x1} y1={r.y} y2={r.y} className="trp-response-line" />
                  {highlighted.has(`trial:${r.trialId}`) && <line x1={r.x0} x2={r.x1} y1={r.y} y2={r.y} className="trp-response-line is-highlighted" />}
                </g>
              ))}
              {item(
                { ...seriesDetails(cursor), id: `series:${chart.instrument}`, title: seriesLabel, lines: [] },
                { x: chart.dots[cursor]!.x, y: chart.dots[cursor]!.y + 10 },
                <>
                  <path d={path} className="trp-score-line" />
                  {chart.dots.map((d, i) => {
                    const dotDetails = seriesDetails(i);
                    const isActive = activeId === dotDetails.id;
                    return (
                      <g key={i} onMouseEnter={() => activate(dotDetails, 'hover', { x: d.x, y: d.y + 10 })} data-item-id={dotDetails.id}>
                        {d.baseline ? (
                          <rect x={d.x - 4.5} y={d.y - 4.5} width={9} height={9} className="trp-score-baseline" />
                        ) : (
                          <circle cx={d.x} cy={d.y} r={3.2} className="trp-score-dot" />
                        )}
                        {isActive && <circle cx={d.x} cy={d.y} r={8} className="trp-score-cursor" />}
                      </g>
                    );
                  })}
                </>,
                'trp-series',
                (e) => {
                  if (e.key === 'ArrowRight') {
                    e.preventDefault();
                    move(chart.instrument, cursor + 1);
                  } else if (e.key === 'ArrowLeft') {
                    e.preventDefault();
                    move(chart.instrument, cursor - 1);
                  } else if (e.key === 'Home') {
                    e.preventDefault();
                    move(chart.instrument, 0);
                  } else if (e.key === 'End') {
                    e.preventDefault();
                    move(chart.instrument, chart.dots.length - 1);
                  }
                },
              )}
            </g>
            <title>{seriesLabel}</title>
          </g>
        );
      })}
    </svg>
    {lanes.hiddenAgents.length > 0 && (
      <p className="trp-muted trp-hidden-agents">
        Not shown in this range (no trial within it): {lanes.hiddenAgents.join(', ')}. Choose “All” to see every agent.
      </p>
    )}
    </>
  );
}

/** Everything the SVG could not place, for the visible note under the timeline. */
/** The label beside a diagnosis, episode or procedure span, where its layout placed one. */
function SpanLabel({ span }: { span: SpanLayout<unknown> }) {
  if (!span.label) return null;
  return (
    <text x={span.labelX} y={span.top + span.height / 2} dy="0.35em" textAnchor={span.labelAnchor} className="trp-span-label">
      {span.label}
    </text>
  );
}

export function unplacedNotes(derivation: Derivation): string[] {
  const notes: string[] = [];
  const asOf = parseDate(derivation.asOf) ?? new Date(0);
  for (const t of derivation.trials) {
    if (!parseDate(t.start)) notes.push(`Trial ${t.ingredient}: no usable start date ("${t.start}"), listed in the table only.`);
    else if (t.end !== null && !parseDate(t.end)) notes.push(`Trial ${t.ingredient}: end date "${t.end}" could not be read; drawn to its start only.`);
    if (parseDate(t.start) && parseDate(t.start)! > asOf) notes.push(`Trial ${t.ingredient} starts after today (${t.start}).`);
  }
  diagnosesForTimeline(derivation.diagnoses).forEach((d) => {
    if (!parseDate(d.onset)) notes.push(`Diagnosis "${d.display}": no onset date, listed in the table only.`);
  });
  for (const e of derivation.episodes) {
    if (!parseDate(e.start)) notes.push(`${CONDITION_LABEL[e.condition]} episode: no start date, listed in the table only.`);
  }
  for (const p of derivation.procedures) {
    if (!parseDate(p.start)) notes.push(`Procedure "${p.display}": no usable date, listed in the table only.`);
  }
  for (const s of derivation.scores) {
    if (!parseDate(s.date)) notes.push(`${INSTRUMENT_LABEL[s.instrument]} score ${s.value}: date "${s.date}" could not be read.`);
  }
  return notes;
}

/** How many dated items fall outside the visible range, so zooming never hides data silently. */
export function countOutside(derivation: Derivation, domain: TimeDomain): number {
  const asOf = parseDate(derivation.asOf) ?? new Date(0);
  const outside = (start: string | null, end: string | null | undefined) => {
    const s = parseDate(start);
    if (!s) return false;
    const e = end === null ? asOf : parseDate(end ?? start) ?? s;
    return e < domain.start || s > domain.end;
  };
  return (
    derivation.trials.filter((t) => outside(t.start, t.end)).length +
    derivation.scores.filter((s) => outside(s.date, s.date)).length +
    derivation.procedures.filter((p) => outside(p.start, p.end ?? p.start)).length
  );
}

