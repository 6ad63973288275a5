/**
 * What the chart record says of an option that a high-risk condition makes one to consider is the clinical reason,
 * not the app's ranking: the tms-contraindicated ECT referral says the implant team and the device maker are consulted
 * first and points at the line headed "High risk"; a citation carries no aside on what the app's authors did not read.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from 'fhir/r4';
import { demoPatients } from '../../sandbox/patients';
import { CATALOG } from '../../src/clinical/suggestions/catalog';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = '2026-12-05';
const ECT_REASON = 'Reason: Implant in or near the head: ECT only after the implant team and the device maker are consulted (see High risk).';

/** The narrative's paragraphs as the chart shows them (entities decoded). */
function narrativeParagraphs(div: string): string[] {
  const doc = new DOMParser().parseFromString(div, 'application/xhtml+xml');
  return [...doc.getElementsByTagName('p')].map((p) => p.textContent ?? '');
}

describe('tms-contraindicated, ECT ticked: the CarePlan and the referral give the reason in clinical words', () => {
  const d = demoDerivation('tms-contraindicated', TODAY);
  const draft = demoDraft(d, ['ect'], AS_OF);
  const referral = draft.bundle.entry!.map((e) => e.resource).find((r): r is ServiceRequest => r?.resourceType === 'ServiceRequest')!;
  const notes = referral.note!.map((n) => n.text);

  it('the referral, the preview, the plan text and the narrative say what comes first and point at the "High risk" line', () => {
    expect(notes.filter((n) => n.startsWith('Reason: Implant'))).toEqual([ECT_REASON]);
    expect(draft.preview.map((l) => l.trim()).filter((l) => l.startsWith('Reason: Implant'))).toEqual([ECT_REASON]);
    expect(draft.text.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('Reason: Implant'))).toEqual([ECT_REASON]);
    expect(narrativeParagraphs(draft.carePlan.text!.div).filter((l) => l.startsWith('Reason: Implant'))).toEqual([ECT_REASON]);
    expect(notes.filter((n) => n.startsWith('High risk: '))).toHaveLength(1);
  });

  it('the High risk line cites the reports that the makers contraindicate ECT, without an aside on what was not read', () => {
    expect(notes.find((n) => n.startsWith('High risk: '))).toBe(
      'High risk: Cochlear implant status, since 2015-12-23; Cochlear implant, onset date not recorded: the cochlear-implant makers contraindicate ECT (tissue or implant damage from the induced current); for this or any active implant in or near the head, ECT only with the implant team and the device maker consulted first, with the ECT service and the anaesthetist (external processor off and removed, electrode placement planned away from the implant) (J ECT 2025 (ECT in cochlear implant users); Rivas 2011: manufacturers contraindicate ECT in cochlear implant users, as these reports state; the reported courses were planned with a multidisciplinary team)',
    );
  });
});

describe('every demo patient, every offered option ticked: no ranking words and no "not read" aside in what is written', () => {
  for (const demo of demoPatients) {
    it(`${demo.id}: the preview, the plan text and the records carry no "Lowered to", "see cautions" or "not read"`, () => {
      const d = demoDerivation(demo.id, TODAY);
      const ids = d.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider').map((s) => s.intervention);
      const draft = demoDraft(d, ids, AS_OF);
      const written = [...draft.preview, draft.text, JSON.stringify(draft.bundle)].join('\n');
      expect(written.match(/Lowered to|see cautions|not read\b[^)]*\)/g) ?? []).toEqual([]);
    });
  }
});

describe('the catalog: every high-risk row says, in clinical words, what must come first', () => {
  it('no high-risk row lacks its "only after" line, and each opens with the condition and names the option', () => {
    const rows = CATALOG.flatMap((o) => o.risks.filter((r) => r.severity === 'high-risk').map((r) => ({ id: r.id, onlyAfter: r.onlyAfter })));
    expect(rows.filter((r) => !r.onlyAfter).map((r) => r.id)).toEqual([]);
    expect(rows.filter((r) => !/^[A-Z][^:]+: (TMS|ECT|refer to a psilocybin trial) only /.test(r.onlyAfter ?? '')).map((r) => r.id)).toEqual([]);
  });
});
