/**
 * Escaping of text written to the chart. Record-derived text (a condition's display, a medication's name, a reason
 * built from them) and the clinician's own words are data, never markup: an EHR that renders FHIR `markdown` with
 * HTML or links allowed, or shows a narrative, must show them as the characters they are.
 *
 * - `markdown` elements (Annotation.text in R4): `escapeMarkdown` backslash-escapes every character CommonMark or GFM
 *   could read as markup (HTML, links, images, emphasis, code, autolinks), drops control characters and folds line
 *   breaks, so one note line stays one paragraph of plain text.
 * - `string` elements (CodeableConcept.text, description, title) are plain text by definition and are written as they are.
 * - Narrative (`text.div`): `narrativeXhtml` builds the XHTML from escaped text only, with the elements FHIR's narrative
 *   rules allow (txt-1: a div in the XHTML namespace, basic formatting, no scripts, forms, event or style attributes;
 *   txt-2: some non-whitespace content).
 */
import type { Narrative } from 'fhir/r4';

/** C0 controls except tab, line feed and carriage return, DEL, and the code points XML forbids. */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
/** Unpaired UTF-16 surrogates: not characters, and not allowed in XML. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * ASCII punctuation that CommonMark or GFM may read as markup anywhere in a line: backslash, code, emphasis, links and
 * images, raw HTML and autolinks, entity references, strikethrough, tables.
 */
const MARKDOWN_INLINE = /[\\`*_[\]<>!&~|]/g;

/** Text without control characters or lone surrogates, line breaks folded into single spaces. */
export function plainText(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

/**
 * Text for a FHIR `markdown` element that every CommonMark/GFM renderer shows literally: no HTML, no link, no image,
 * no emphasis, no autolink, no block structure. A renderer shows exactly `plainText(text)`.
 */
export function escapeMarkdown(text: string): string {
  return (
    plainText(text)
      .replace(MARKDOWN_INLINE, '\\$&')
      // GFM autolinks need no brackets: "https://…" and "www.…" become links unless their punctuation is escaped.
      .replace(/:\/\//g, '\\://')
      .replace(/\b(www)\./gi, '$1\\.')
      // Block structure at the start of the line: heading, list, quote, setext/thematic break, ordered list.
      .replace(/^([#+\-=>])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** Text for XHTML content (element text or attribute value). */
export function escapeXhtml(text: string): string {
  return plainText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A generated narrative: one paragraph per line (empty lines dropped), every line escaped. Only `div` and `p` are
 * used, both allowed by FHIR's narrative rules; the only attribute is the XHTML namespace.
 */
export function narrativeXhtml(lines: readonly string[]): Narrative {
  const paragraphs = lines.map(escapeXhtml).filter((line) => line.length > 0);
  // txt-2: a narrative must hold some text.
  const body = paragraphs.length ? paragraphs.map((line) => `<p>${line}</p>`).join('') : '<p>(no text)</p>';
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${body}</div>` };
}
