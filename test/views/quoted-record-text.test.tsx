/**
 * A record's own words quoted inside a quoted phrase read with inner single quotes (‘not working’), never as nested
 * double quotes, wherever they are written: the page, the copied note, the trial's outcome. One helper of the
 * vocabulary (quotedRecordText) quotes them for every writer.
 */
import { describe, expect, it } from 'vitest';
import { quotedRecordText } from '../../src/clinical/vocabulary';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation, pageText } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');

describe('quotedRecordText', () => {
  it('puts the text in double quotes and turns its own double quotes, straight or curly, into single ones', () => {
    expect(quotedRecordText('Patient stopped after 3 weeks: "not working"')).toBe('"Patient stopped after 3 weeks: ‘not working’"');
    expect(quotedRecordText('said “no change” twice')).toBe('"said ‘no change’ twice"');
    expect(quotedRecordText('No improvement')).toBe('"No improvement"');
  });
});

describe('pseudo-resistance: sertraline stopped with "Patient stopped after 3 weeks: "not working""', () => {
  const d = demoDerivation('pseudo-resistance', TODAY);
  const quoted = '"Patient stopped after 3 weeks: ‘not working’"';

  it('the copied note quotes the stop reason with inner single quotes', () => {
    const note = copyToNoteText(d);
    expect(note).toContain(`stop reason: ${quoted} (stopped for lack of effect)`);
    expect(note).not.toContain('"not working""');
  });

  it('the page quotes it the same way', () => {
    const text = pageText(d);
    expect(text).toContain(`Stop reason: ${quoted} (stopped for lack of effect)`);
    expect(text).not.toContain('"not working""');
  });
});
