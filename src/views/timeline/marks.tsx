/** Small SVG symbols shared by the timeline and its legend, so both always look the same. */
import type { Outcome, OutcomeBasis, ProcedureKind } from '../../clinical/types';
import { OUTCOME_MARK_RADIUS } from './layout/lanes';

/** Outcome colours: each at least 4.5:1 on white; shape and glyph carry the meaning without colour. */
const OUTCOME_COLOUR: Record<Outcome, string> = {
  remission: '#11663a',
  response: '#1d6b78',
  partial: '#7a5600',
  nonresponse: '#b3261e',
  'too-short': '#555555',
  intolerance: '#6f3a94',
  ongoing: '#1f4e79',
  unknown: '#555555',
};

const OUTCOME_GLYPH: Record<Outcome, string> = {
  remission: '✓',
  response: '↓',
  partial: '½',
  nonresponse: '✕',
  'too-short': '…',
  intolerance: '!',
  ongoing: '›',
  unknown: '?',
};

function shapePath(outcome: Outcome, r: number): string {
  switch (outcome) {
    case 'remission':
    case 'unknown':
    case 'too-short':
      return `M ${-r} 0 A ${r} ${r} 0 1 0 ${r} 0 A ${r} ${r} 0 1 0 ${-r} 0 Z`;
    case 'response':
      return `M 0 ${-r - 1} L ${r + 1} ${r} L ${-r - 1} ${r} Z`;
    case 'partial':
      return `M 0 ${-r - 1} L ${r + 1} 0 L 0 ${r + 1} L ${-r - 1} 0 Z`;
    case 'nonresponse':
      return `M ${-r} ${-r} H ${r} V ${r} H ${-r} Z`;
    case 'intolerance':
      return `M ${-r - 1} ${-r} L ${r + 1} ${-r} L 0 ${r + 1} Z`;
    case 'ongoing':
      return `M ${-r} ${-r} L ${r + 2} 0 L ${-r} ${r} Z`;
  }
}

/**
 * Measured outcomes are filled, recorded ones outlined, inferred ones dashed and hollow: the less direct the evidence,
 * the lighter the mark. `basis` null (vocabulary's shownOutcomeBasis: an unknown outcome, an ongoing trial without
 * scores): a thin plain outline, claiming no evidence.
 */
export function OutcomeMark({ outcome, basis, x, y, r = OUTCOME_MARK_RADIUS }: { outcome: Outcome; basis: OutcomeBasis | null; x: number; y: number; r?: number }) {
  const colour = OUTCOME_COLOUR[outcome];
  const filled = basis === 'measured';
  return (
    <g transform={`translate(${x},${y})`} className={`trp-outcome trp-outcome-${outcome} trp-basis-${basis ?? 'none'}`} aria-hidden="true">
      <path
        d={shapePath(outcome, r)}
        fill={filled ? colour : '#ffffff'}
        stroke={colour}
        strokeWidth={basis === 'inferred' ? 1.6 : basis === null ? 1 : 2}
        strokeDasharray={basis === 'inferred' ? '2.5 1.5' : undefined}
      />
      <text
        x={outcome === 'ongoing' ? -1 : 0}
        y={outcome === 'response' ? 2 : outcome === 'intolerance' ? -1 : 0}
        dy="0.35em"
        textAnchor="middle"
        fontSize={Math.max(12, r * 1.5)}
        fontWeight={700}
        fill={filled ? '#ffffff' : colour}
      >
        {OUTCOME_GLYPH[outcome]}
      </text>
    </g>
  );
}

const PROCEDURE_GLYPH: Record<ProcedureKind, string> = {
  ect: 'E',
  tms: 'T',
  esketamine: 'K',
  ketamine: 'K',
  vns: 'V',
  dbs: 'D',
  psychotherapy: 'P',
  other: '•',
};

/**
 * A diamond with the procedure's letter. `withLetter` is false beside a written label: the label already names it,
 * and the letter glued to the label would no longer match the item's accessible name (WCAG 2.5.3).
 */
export function ProcedureMarkSymbol({ kind, x, y, withLetter = true }: { kind: ProcedureKind; x: number; y: number; withLetter?: boolean }) {
  return (
    <g transform={`translate(${x},${y})`} aria-hidden="true" className="trp-procedure-mark">
      <path d="M 0 -9 L 9 0 L 0 9 L -9 0 Z" fill="#ffffff" stroke="#3b3b3b" strokeWidth={1.5} />
      {withLetter && (
        <text dy="0.35em" textAnchor="middle" fontSize={12} fontWeight={700} fill="#1a1a1a">
          {PROCEDURE_GLYPH[kind]}
        </text>
      )}
    </g>
  );
}

/** Patterns used by dose bars; ids are fixed because one page holds one timeline. */
export function TimelineDefs() {
  return (
    <defs>
      <pattern id="trp-hatch-below" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#dce7f3" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#1f4e79" strokeWidth="2" />
      </pattern>
      {/* A white backdrop filling the box of the words it is applied to (and a little around it). */}
      <filter id="trp-words-backdrop" x="-0.03" y="-0.1" width="1.06" height="1.2">
        <feFlood floodColor="#ffffff" />
        <feComposite in="SourceGraphic" operator="over" />
      </filter>
      <pattern id="trp-stripes-level-unmeasured" width="6" height="4" patternUnits="userSpaceOnUse">
        <rect width="6" height="4" fill="#e6eef7" />
        <line x1="0" y1="1" x2="6" y2="1" stroke="#1f4e79" strokeWidth="1.2" />
      </pattern>
      <pattern id="trp-dots-unknown" width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill="#f2f2f2" />
        <circle cx="2.5" cy="2.5" r="1.1" fill="#444444" />
      </pattern>
    </defs>
  );
}

/** The `filter` that sets a bar's words on their backdrop. */
export const WORDS_BACKDROP = 'url(#trp-words-backdrop)';

export const DOSE_FILL = {
  'at-or-above': '#1f4e79',
  below: 'url(#trp-hatch-below)',
  unknown: 'url(#trp-dots-unknown)',
  'no-threshold': '#6b8db3',
  'level-unmeasured': 'url(#trp-stripes-level-unmeasured)',
} as const;
