/**
 * Rows without overlap for intervals, and text fitted to the room it has.
 */

// ---------------------------------------------------------------------------------------------
// Generic interval packing (rows without overlap)
// ---------------------------------------------------------------------------------------------

/** Greedy first-fit: each interval goes into the first row whose last interval ends before it starts. */
export function packRows<T>(items: T[], x0: (item: T) => number, x1: (item: T) => number, gap = 2): number[] {
  const order = items.map((_, i) => i).sort((a, b) => x0(items[a]!) - x0(items[b]!));
  const rowEnds: number[] = [];
  const rows = new Array<number>(items.length).fill(0);
  for (const i of order) {
    const start = x0(items[i]!);
    let row = rowEnds.findIndex((end) => end + gap <= start);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(x1(items[i]!));
    } else {
      rowEnds[row] = x1(items[i]!);
    }
    rows[i] = row;
  }
  return rows;
}

/** Average glyph width of the system font, as a fraction of its size: rough, good enough to decide what fits. */
const GLYPH_WIDTH_PER_PX = 0.56;

/** Rough width of a label in the 12px system font; good enough to decide whether it fits. */
export function estimateTextWidth(text: string, fontPx = 12): number {
  return text.length * fontPx * GLYPH_WIDTH_PER_PX + 4;
}

/** How many characters fit in `roomPx`, by the same estimate. */
export function charsThatFit(roomPx: number, fontPx = 12): number {
  return Math.floor((roomPx - 4) / (fontPx * GLYPH_WIDTH_PER_PX));
}

/**
 * The label whole when it fits in `roomPx`, else cut after its last whole word that fits, with an ellipsis, or
 * nothing when not even one word fits (never "Pregnan"). The item's details and accessible name keep the full text;
 * whole words keep the visible text part of that name (WCAG 2.5.3).
 */
export function fitText(text: string, roomPx: number, fontPx = 12): string {
  if (estimateTextWidth(text, fontPx) <= roomPx) return text;
  const chars = charsThatFit(roomPx, fontPx) - 1;
  const cut = text.slice(0, Math.max(0, chars + 1));
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace <= 0 ? '' : `${cut.slice(0, lastSpace).replace(/[\s,;:(]+$/, '')}…`;
}
