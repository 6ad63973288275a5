/**
 * The main content under the patient banner: summary, timeline, tables, not-used list,
 * copy-to-note, rules and disclaimer, all rendered from one Derivation.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Derivation, RuleRef } from '../../clinical/types';
import { Summary } from './Summary';
import { SafetyStrip } from './SafetyStrip';
import { Timeline, countOutside, unplacedNotes, type ActivateHow, type Anchor } from './Timeline';
import { DiagnosesTable, ProceduresTable, ScoresTable, TrialsTable, UnusedList, readCounts } from './Tables';
import { Legend } from './Legend';
import { RulesPanel } from './RulesPanel';
import { CopyToNote } from './CopyToNote';
import { DISCLAIMER } from './copyText';
import type { ItemDetails } from './details';
import { isConditionKey } from '../../clinical/vocabulary';
import { capitalise } from '../../clinical/vocabulary';
import { plainText } from '../../clinical/plain-text';
import { noteKind, sameKindNoteWords } from './labels';
import { SourcesPanel } from './Sources';
import type { Trial } from '../../clinical/types';
import { terminologyThresholds, type ThresholdLookup } from './scale-thresholds';
import { useContainerWidth } from './useContainerWidth';
import './timeline.css';
import {
  fullDomain,
  pan,
  parseDate,
  opensOnTrialsAssessed,
  rangeButtons,
  rangeDomain,
  unionDomain,
  zoomIn,
  zoomOut,
  type RangeChoice,
  type TimeDomain,
} from './layout/domain';
import { formatMonthYear } from './layout/axis';
import { useAfterFirstPaint } from '../useAfterFirstPaint';

export interface TreatmentResistancePageProps {
  derivation: Derivation;
  /** The rule registry (RULES from src/clinical/all-rules.ts). */
  rules: RuleRef[];
  /** Called with resource references (and the item's name) when the user asks to open an item's records. */
  onSelectSources?: (references: string[], about?: string) => void;
  /** Response/remission thresholds per instrument; defaults to the terminology layer's table. */
  thresholds?: ThresholdLookup;
  /** Opens the options tab (the summary's "next step" link). */
  onOpenOptions?: () => void;
}

const RANGE_LABEL: Record<RangeChoice, string> = {
  'two-years': 'Last 2 years',
  'current-episode': 'Current episode',
  all: 'All',
  trials: 'Trials assessed',
};

/** Trials, assessed conditions, episodes or procedures; a lone screening score or a comorbidity is not a history. */
function hasPsychiatricHistory(d: Derivation): boolean {
  return d.trials.length > 0 || d.assessments.length > 0 || d.episodes.length > 0 || d.procedures.length > 0 || d.diagnoses.some((x) => isConditionKey(x.kind));
}

/** A history the summary names (a diagnosis, an admission, psychotherapy) or a treatment it lists, without a trial. */
function somethingPsychiatric(d: Derivation): boolean {
  return d.diagnoses.length > 0 || (d.otherTreatments ?? []).length > 0 || (d.careEvents ?? []).length > 0 || (d.psychotherapy ?? []).length > 0;
}

/** Anything the timeline could draw at all. */
function hasTimelineContent(d: Derivation): boolean {
  return hasPsychiatricHistory(d) || d.scores.length > 0 || d.diagnoses.length > 0;
}

function initialRange(d: Derivation): RangeChoice {
  // Resistance is judged in the current episode, so that is where the page opens; without one, the whole
  // story unless it is long, then the last two years.
  // A current episode of years (schizophrenia dated from its onset) would draw this year's trials as slivers: the page
  // opens on the trials the verdict rests on and the running one, which is what a psychiatrist reviews first.
  if (d.episodes.some((e) => (e.current || e.endedAtDeath) && parseDate(e.start))) return opensOnTrialsAssessed(d) ? 'trials' : 'current-episode';
  const domain = fullDomain(d);
  const years = (domain.end.getTime() - domain.start.getTime()) / (365.25 * 86_400_000);
  return years > 6 ? 'two-years' : 'all';
}


export function TreatmentResistancePage({ derivation, rules, onSelectSources, thresholds = terminologyThresholds, onOpenOptions }: TreatmentResistancePageProps) {
  const [opening] = useState<RangeChoice>(() => initialRange(derivation));
  const [chosen, setRange] = useState<RangeChoice>(opening);
  const [view, setView] = useState<TimeDomain | null>(null);
  const [details, setDetails] = useState<ItemDetails | null>(null);
  const [anchor, setAnchor] = useState<Anchor>({ x: 0, y: 0 });
  const [pinned, setPinned] = useState(false);
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const timelineRef = useRef<HTMLDivElement>(null);
  const width = useContainerWidth(timelineRef);

  // Choices that would show the same span share one button; the range shown is that button's.
  const buttons = useMemo(() => rangeButtons(derivation, opening), [derivation, opening]);
  const range = buttons.find((b) => b.covers.includes(chosen))?.choice ?? chosen;
  const rangeResult = useMemo(() => rangeDomain(derivation, range), [derivation, range]);
  const limit = useMemo(() => unionDomain(fullDomain(derivation), rangeResult.domain), [derivation, rangeResult]);
  const domain = view ?? rangeResult.domain;
  const outside = countOutside(derivation, domain);
  const notPlaced = useMemo(() => unplacedNotes(derivation), [derivation]);
  // Odd data inside trials (free-text doses, merged duplicates): visible here, not only in the table.
  const trialNotes = useMemo(() => derivation.trials.flatMap((t) => t.notes.map((note) => ({ trial: t, note }))), [derivation]);
  // Notes about the record as a whole (a drug dated before its approval, screenings without a score, MMSE series);
  // one a trial's notes already give is said there.
  const recordNotes = useMemo(() => {
    const said = new Set(trialNotes.map((n) => n.note));
    return (derivation.dataNotes ?? []).map((n) => n.text).filter((text) => !said.has(text));
  }, [derivation, trialNotes]);

  const onActivate = useCallback(
    (next: ItemDetails | null, how: ActivateHow, at?: Anchor) => {
      if (how === 'click' || how === 'focus' || !pinned) {
        setDetails(next);
        if (at) setAnchor(at);
        setPinned(how === 'click' ? true : how === 'focus' ? false : pinned);
      }
    },
    [pinned],
  );

  /** From a summary link: make sure the items are in view, emphasise them and move focus to the first. */
  const showItems = useCallback(
    (itemIds: string[]) => {
      setHighlighted(new Set(itemIds));
      const trialIds = itemIds.filter((id) => id.startsWith('trial:')).map((id) => id.slice('trial:'.length));
      const hidden = derivation.trials.some((t) => {
        if (!trialIds.includes(t.id)) return false;
        const s = parseDate(t.start);
        const e = t.end === null ? parseDate(derivation.asOf) : parseDate(t.end);
        return !!s && !!e && (e < domain.start || s > domain.end);
      });
      if (hidden) {
        setRange('all');
        setView(null);
      }
      // After React has drawn the (possibly re-ranged) timeline.
      requestAnimationFrame(() => {
        const first = itemIds[0];
        const element = first ? timelineRef.current?.querySelector<SVGElement>(`[data-item-id="${first.replace(/["\\]/g, '\\$&')}"]`) : null;
        element?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
        element?.focus();
      });
    },
    [derivation, domain],
  );

  const clearDetails = () => {
    setDetails(null);
    setPinned(false);
    setHighlighted(new Set());
  };

  const chooseRange = (choice: RangeChoice) => {
    setRange(choice);
    setView(null);
  };

  const noHistory = !hasPsychiatricHistory(derivation);
  // What lies under the timeline (the hint, the data notes, the legend: a quarter of the first render's elements) and
  // the tables, the not-used list, the rules and the sources are below the first screen of the EHR's 1024 × 700 frame
  // for every demo patient (the legend's top at 728 px or lower): drawn right after it, so the safety strip, the summary
  // and the timeline reach the screen without waiting for them.
  const restDrawn = useAfterFirstPaint();

  return (
    <div className="trp-page">
      <SafetyStrip derivation={derivation} onSelectSources={onSelectSources} />
      <section className="trp-section trp-summary-section" aria-labelledby="trp-summary-heading">
        <div className="trp-section-head">
          <h2 id="trp-summary-heading">Summary</h2>
          <p className="trp-disclaimer" role="note">
            <strong>Decision support, not a diagnosis.</strong> {capitalise(DISCLAIMER.replace(/^Decision support, not a diagnosis: /, ''))}
          </p>
          <CopyToNote derivation={derivation} />
        </div>
        {noHistory ? (
          <>
          <Summary derivation={derivation} onShowItems={showItems} onOpenOptions={onOpenOptions} />
          <div className="trp-empty">
            <p>
              {derivation.scores.length === 0 && somethingPsychiatric(derivation) ? (
                <strong>No trials or symptom scores to assess for treatment resistance</strong>
              ) : derivation.scores.length === 0 ? (
                <strong>No psychiatric medication trials, diagnoses or scores were found</strong>
              ) : (
                <strong>No psychiatric medication trials or psychiatric diagnoses were found</strong>
              )}{' '}
              in the record as of {derivation.asOf}
              {derivation.scores.length === 1 ? '; the one symptom score found is shown below.' : derivation.scores.length > 1 ? `; the ${derivation.scores.length} symptom scores found are shown below.` : '.'}
            </p>
            <p>What was read:</p>
            <ul>
              {readCounts(derivation).map((c) => (
                <li key={c.type}>
                  {c.type}: {c.used + c.unused} ({c.used} used, {c.unused} not used)
                </li>
              ))}
              {derivation.used.length + derivation.unused.length === 0 && <li>No resources at all.</li>}
            </ul>
          </div>
          </>
        ) : derivation.assessments.length === 0 ? (
          <>
            <p>No condition could be assessed for treatment resistance (no qualifying diagnosis was found); the timeline below shows what was found.</p>
            <Summary derivation={derivation} onShowItems={showItems} onOpenOptions={onOpenOptions} />
          </>
        ) : (
          <Summary derivation={derivation} onShowItems={showItems} onOpenOptions={onOpenOptions} />
        )}
      </section>

      {hasTimelineContent(derivation) && (
        <section className="trp-section trp-timeline-section" aria-labelledby="trp-timeline-heading">
          <div className="trp-sticky" ref={followStickyHeight}>
            <div className="trp-controls">
              <h2 id="trp-timeline-heading">Timeline</h2>
              <fieldset className="trp-range">
                <legend>Time range</legend>
                {buttons.map((button) => (
                  <label key={button.choice}>
                    <input type="radio" name="trp-range" value={button.choice} checked={range === button.choice} onChange={() => chooseRange(button.choice)} />
                    {button.named.map((choice) => (choice === 'current-episode' && derivation.demographics?.deceased ? 'Episode at death' : RANGE_LABEL[choice])).join(' / ')}
                  </label>
                ))}
              </fieldset>
              <div className="trp-zoom" role="group" aria-label="Zoom and move">
                <button type="button" onClick={() => setView(pan(domain, -1, limit))} aria-label="Move earlier">
                  ◀ Earlier
                </button>
                <button type="button" onClick={() => setView(zoomIn(domain, parseDate(derivation.asOf) ?? undefined))} aria-label="Zoom in">
                  + Zoom in
                </button>
                <button type="button" onClick={() => setView(zoomOut(domain, limit))} aria-label="Zoom out">
                  − Zoom out
                </button>
                <button type="button" onClick={() => setView(pan(domain, 1, limit))} aria-label="Move later">
                  Later ▶
                </button>
                <button type="button" onClick={() => setView(null)} disabled={view === null}>
                  Reset
                </button>
              </div>
              <p className="trp-range-text" aria-live="polite">
                Showing {formatMonthYear(domain.start)} – {formatMonthYear(domain.end)}
                {outside > 0 ? `; ${outside} item${outside === 1 ? '' : 's'} outside this range (all are in the tables)` : ''}
                {rangeResult.note ? `. ${rangeResult.note}` : ''}
              </p>
            </div>
          </div>
          <div
            className="trp-timeline"
            ref={timelineRef}
            onKeyDown={(e) => {
              if (e.key === 'Escape') clearDetails();
            }}
            onMouseLeave={() => {
              if (!pinned) setDetails(null);
            }}
          >
            {/* Drawn once the container is measured (before the first paint), so it is laid out once, at its real width. */}
            {width !== null && (
              <Timeline
                derivation={derivation}
                domain={domain}
                width={width}
                thresholds={thresholds}
                activeId={details?.id ?? null}
                highlighted={highlighted}
                onActivate={onActivate}
              />
            )}
            {details && width !== null && (
              <DetailsPanel details={details} pinned={pinned} anchor={anchor} width={width} onClear={clearDetails} onSelectSources={onSelectSources} />
            )}
          </div>
          {restDrawn && (
            <>
              <p className="trp-muted trp-details-hint">
                Point at or tab to any item to see its details and source resources; click or press Enter to pin them, Escape to close.
              </p>
              {(notPlaced.length > 0 || derivation.unused.length > 0 || trialNotes.length > 0 || recordNotes.length > 0) && (
                <DataNotes recordNotes={recordNotes} notPlaced={notPlaced} trialNotes={trialNotes} unusedCount={derivation.unused.length} />
              )}
            </>
          )}
        </section>
      )}
      {/* Without a timeline the record's notes still need a place. */}
      {restDrawn && !hasTimelineContent(derivation) && recordNotes.length > 0 && (
        <section className="trp-section">
          <DataNotes recordNotes={recordNotes} notPlaced={[]} trialNotes={[]} unusedCount={0} />
        </section>
      )}
      {/* After the timeline's section, so its sticky controls have scrolled away before the legend comes up. */}
      {restDrawn && hasTimelineContent(derivation) && <Legend deceased={derivation.demographics?.deceased === true} />}

      {restDrawn && (
        <>
          <section className="trp-section trp-section--below-fold" aria-labelledby="trp-table-heading">
            <h2 id="trp-table-heading">Table view</h2>
            <TrialsTable derivation={derivation} onSelectSources={onSelectSources} />
            <ScoresTable derivation={derivation} onSelectSources={onSelectSources} />
            <DiagnosesTable derivation={derivation} onSelectSources={onSelectSources} />
            <ProceduresTable derivation={derivation} onSelectSources={onSelectSources} />
          </section>

          <section className="trp-section trp-section--below-fold" aria-labelledby="trp-unused-heading">
            <h2 id="trp-unused-heading">Not used, because…</h2>
            <p className="trp-muted">Every resource read that did not contribute to the timeline, with the reason.</p>
            <UnusedList derivation={derivation} onSelectSources={onSelectSources} />
          </section>

          <section className="trp-section trp-no-print-section" aria-label="About the rules">
            <RulesPanel rules={rules} derivation={derivation} />
          </section>

          <section className="trp-section" aria-label="Sources">
            <SourcesPanel />
          </section>
        </>
      )}
    </div>
  );
}

/**
 * Keeps `--trp-sticky-height` on the timeline section equal to the height of its sticky controls (which wrap onto more
 * lines in a narrow frame): the section's items keep that much scroll margin, so an item reached by Tab, Shift+Tab or
 * a link never lands underneath the controls. Written straight to the style, without a render.
 */
function followStickyHeight(sticky: HTMLDivElement | null): (() => void) | undefined {
  const section = sticky?.parentElement;
  if (!sticky || !section || typeof ResizeObserver === 'undefined') return undefined;
  const observer = new ResizeObserver(() => section.style.setProperty('--trp-sticky-height', `${Math.ceil(sticky.getBoundingClientRect().height)}px`));
  observer.observe(sticky);
  return () => observer.disconnect();
}

const PANEL_WIDTH = 360;

function DetailsPanel({
  details,
  pinned,
  anchor,
  width,
  onClear,
  onSelectSources,
}: {
  details: ItemDetails;
  pinned: boolean;
  anchor: Anchor;
  width: number;
  onClear: () => void;
  onSelectSources: ((references: string[], about?: string) => void) | undefined;
}) {
  // Below the item, kept inside the container so it never causes horizontal scrolling.
  const left = Math.max(4, Math.min(anchor.x - 20, width - PANEL_WIDTH - 8));
  return (
    <div className={`trp-details ${pinned ? 'is-pinned' : ''}`} style={{ left, top: anchor.y + 4 }} data-testid="trp-details">
      <div className="trp-details-head">
        <strong>{details.title}</strong>
        {pinned && (
          <button type="button" onClick={onClear} className="trp-link-button">
            Close
          </button>
        )}
      </div>
      {details.lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
      {details.notes.length > 0 && <p className="trp-details-notes">Notes: {details.notes.map(plainText).join('; ')}</p>}
      <p className="trp-details-sources">
        From {details.sources.length === 0 ? 'no source record' : `${details.sources.length} source record${details.sources.length === 1 ? '' : 's'}`}
        {pinned && onSelectSources && details.sources.length > 0 && (
          <button type="button" className="trp-link-button" onClick={() => onSelectSources(details.sources, details.title)}>
            record{details.sources.length === 1 ? '' : 's'}
          </button>
        )}
      </p>
    </div>
  );
}

/** A note as a sentence: capitalised, with its full stop. */
function sentence(text: string): string {
  const t = capitalise(text.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** How many trials a kind of data note names with their own figures beside the first; the rest by drug only. */
const SAID_BESIDE_FIRST = 3;

/**
 * Odd data inside trials and items the timeline could not place: one sentence per kind of note, the first of its kind
 * in full, the next few trials' drugs each with their own figures ("quetiapine: the same, 28 days × 3 fills"); every
 * note (in plain words, no resource ids) behind "show details".
 */
function DataNotes({
  recordNotes,
  notPlaced,
  trialNotes,
  unusedCount,
}: {
  recordNotes: string[];
  notPlaced: string[];
  trialNotes: { trial: Trial; note: string }[];
  unusedCount: number;
}) {
  const [open, setOpen] = useState(false);
  const kinds = new Map<string, { trial: Trial; note: string }[]>();
  for (const n of trialNotes) kinds.set(noteKind(n.note), [...(kinds.get(noteKind(n.note)) ?? []), n]);
  const byKind = [...kinds.values()].sort((a, b) => b.length - a.length || (a[0]!.note < b[0]!.note ? -1 : 1));
  const total = trialNotes.length + notPlaced.length;
  return (
    <div className="trp-unplaced" role="note" aria-labelledby="trp-data-notes-heading">
      <h3 id="trp-data-notes-heading">Data notes</h3>
      <ul className="trp-note-counts">
        {recordNotes.map((n) => (
          <li key={n}>{sentence(plainText(n))}</li>
        ))}
        {byKind.map((group) => {
          const [first, ...others] = group;
          const said = [...new Set(others.slice(0, SAID_BESIDE_FIRST).map((o) => `; ${o.trial.ingredient}: ${sameKindNoteWords(first!.note, o.note)}`))];
          const rest = others.slice(SAID_BESIDE_FIRST);
          const restDrugs = [...new Set(rest.map((o) => o.trial.ingredient))];
          return (
            <li key={first!.note}>
              {capitalise(first!.trial.ingredient)}: {plainText(first!.note)}
              {said.join('')}
              {rest.length > 0 && `; the same kind of note for ${rest.length} more trials (${restDrugs.join(', ')}), each with its figures under "show details"`}.
            </li>
          );
        })}
        {notPlaced.length > 0 && (
          <li>
            {notPlaced.length} item{notPlaced.length === 1 ? ' is' : 's are'} not on the timeline (bad or missing dates) and {notPlaced.length === 1 ? 'is' : 'are'} listed in the tables.
          </li>
        )}
        {unusedCount > 0 && (
          <li>
            {unusedCount} resource{unusedCount === 1 ? ' was' : 's were'} read but not used; each is listed with its reason under{' '}
            <a href="#trp-unused-heading">Not used, because…</a>.
          </li>
        )}
      </ul>
      {total > 0 && (
        <button type="button" className="trp-link-button" aria-expanded={open} aria-controls="trp-data-notes-details" onClick={() => setOpen((o) => !o)}>
          {open ? 'hide details' : `show details (${total})`}
        </button>
      )}
      <ul id="trp-data-notes-details" hidden={!open}>
        {open && notPlaced.map((n, i) => <li key={`p${i}`}>{plainText(n)}</li>)}
        {open &&
          trialNotes.map(({ trial, note }, i) => (
            <li key={`t${i}`}>
              {capitalise(trial.ingredient)} (from {trial.start.slice(0, 10)}): {plainText(note)}
            </li>
          ))}
      </ul>
    </div>
  );
}
