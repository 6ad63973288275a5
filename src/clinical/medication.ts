/**
 * Medication normalisation: which ingredient (and class) a medication record is about, and its unit strength.
 *
 * Order tried: RxNorm codes (ingredient IN, then SCD/SBD products from the project table), ATC, the
 * referenced or contained Medication resource (its code, then ingredient[].itemCodeableConcept), then text (RxNorm
 * normalized names, brand names, generic names). Nothing is dropped: an unrecognised medication comes back with
 * ingredient null and a note; a recognised non-psychiatric one (e.g. "atorvastatin 20 MG Oral Tablet") comes back with
 * its name, drugClass 'unknown' and a note, so the engine can say "not a psychiatric medication: atorvastatin".
 */
import type { CodeableConcept, Medication, Ratio, Reference, Resource } from 'fhir/r4';
import type { DrugClass, MedicationIdentity, MedicationMatch, RuleRef } from './types';
import {
  ANTIDEPRESSANT_CLASSES,
  BRANDS,
  ingredientByAtc,
  ingredientByName,
  ingredientByRxcui,
  type BrandRow,
  type IngredientRow,
} from './terminology/ingredients';
import {
  escapeRe,
  findIngredientRows,
  isLongActingInjectable,
  LAI_ESTERS,
  parseRxNormName,
  productByRxcui,
  type ParsedProductName,
} from './terminology/products';
import { codingsOf, conceptText, systemKeyOf } from './terminology/systems';
import { MEDICATION_RULES } from './terminology/medication-rules';
import { withFields } from './with-fields';

/** One ingredient of a multi-ingredient product (e.g. Symbyax: olanzapine + fluoxetine). */
export interface MedicationComponent {
  ingredient: string;
  drugClass: DrugClass;
  strengthMg: number | null;
}

/** MedicationIdentity plus what the terminology layer knows beyond the shared contract. */
export interface MedicationIdentityDetail extends MedicationIdentity {
  /** Set for multi-ingredient products; `ingredient` is the leading psychiatric component. */
  components?: MedicationComponent[];
  /** mg per mL for liquids and injectables written per mL (so a dose in mL can be converted). */
  concentrationMgPerMl?: number | null;
  /** The RXCUI that matched, when matched by RxNorm. */
  rxcui?: string;
  /** The rule (table) that identified it. */
  rule?: RuleRef;
}

export function isPsychiatric(identity: MedicationIdentity): boolean {
  return identity.ingredient !== null && identity.drugClass !== 'unknown';
}

// ---------------------------------------------------------------------------------------------
// identifyMedication
// ---------------------------------------------------------------------------------------------

/**
 * What a medication concept (or a Medication resource) is: ingredient, class, strength, how it was recognised. A
 * derivation asks once per distinct concept (pipeline/1-classify/memo.ts keeps the answers for the record).
 */
export function identifyMedication(concept: CodeableConcept | undefined, medication?: Medication): MedicationIdentityDetail {
  const display = conceptText(concept) || (medication ? conceptText(medication.code) : '');

  const coded = identifyByCodes(concept);
  if (coded) return withStrengthFromText(coded, concept);

  if (medication && typeof medication === 'object') {
    const fromResource = identifyFromMedicationResource(medication);
    if (fromResource) return withFields(fromResource, { display: display || fromResource.display });
  }

  const byText = identifyByText(display);
  if (byText) return byText;

  const rxnormCodes = codingsOf(concept).filter((c) => systemKeyOf(c.system) === 'rxnorm').map((c) => c.code);
  const notes = [display ? `medication not recognised: "${display}"` : 'no medication code or text in the record'];
  if (rxnormCodes.length) {
    notes.push(`RxNorm ${rxnormCodes.join(', ')} is not in this app's tables (psychiatric ingredients and their VSAC clinical-drug codes)`);
  }
  return {
    ingredient: null,
    drugClass: 'unknown',
    strengthMg: null,
    longActingInjectable: false,
    matchedBy: 'none',
    display: display || '(no medication code or text)',
    note: notes.join('; '),
  };
}

/** RxNorm (ingredient, then product), then ATC. */
function identifyByCodes(concept: CodeableConcept | undefined): MedicationIdentityDetail | null {
  const codings = codingsOf(concept);
  const display = conceptText(concept);
  for (const c of codings) {
    if (systemKeyOf(c.system) !== 'rxnorm') continue;
    const row = ingredientByRxcui(c.code ?? '');
    if (row) {
      return withFields(fromRow(row, 'rxnorm', display || row.name), {
        rxcui: c.code,
        rule: row.rxcuiTier === 'A' ? MEDICATION_RULES.rxnormTierA : MEDICATION_RULES.rxnormTierB,
      });
    }
    const product = productByRxcui(c.code ?? '');
    if (product) {
      const identity = fromParsed(product.parsed, 'rxnorm', display || product.display);
      if (identity) return withFields(identity, { rxcui: c.code, rule: MEDICATION_RULES.rxnormProduct });
    }
  }
  for (const c of codings) {
    if (systemKeyOf(c.system) !== 'atc') continue;
    const row = ingredientByAtc(c.code ?? '');
    if (row) return withFields(fromRow(row, 'atc', display || row.name), { rule: MEDICATION_RULES.atc });
  }
  return null;
}

function identifyFromMedicationResource(medication: Medication): MedicationIdentityDetail | null {
  const asResource = (identity: MedicationIdentityDetail): MedicationIdentityDetail =>
    withFields(identity, {
      matchedBy: 'medication-resource' as const,
      note: joinNotes(identity.note, `identified from the Medication resource (${identity.matchedBy === 'none' ? 'text' : identity.matchedBy})`),
    });
  const ingredients = Array.isArray(medication.ingredient) ? medication.ingredient : [];
  const strengthFromIngredients = (): { mg: number | null; perMl: number | null } => {
    for (const i of ingredients) {
      const s = ratioToMg(i?.strength);
      if (s.mg !== null || s.perMl !== null) return s;
    }
    return { mg: null, perMl: null };
  };

  const byCode = identifyByCodes(medication.code);
  if (byCode) {
    const withText = withStrengthFromText(byCode, medication.code);
    if (withText.strengthMg === null) {
      const s = strengthFromIngredients();
      return asResource(withFields(withText, { strengthMg: s.mg, concentrationMgPerMl: s.perMl ?? withText.concentrationMgPerMl ?? null }));
    }
    return asResource(withText);
  }
  for (const i of ingredients) {
    const item = i?.itemCodeableConcept;
    const found = identifyByCodes(item) ?? identifyByText(conceptText(item));
    if (found && found.ingredient && found.drugClass !== 'unknown') {
      const s = ratioToMg(i.strength);
      return asResource(
        withFields(found, {
          strengthMg: found.strengthMg ?? s.mg,
          concentrationMgPerMl: found.concentrationMgPerMl ?? s.perMl,
          display: conceptText(medication.code) || found.display,
        }),
      );
    }
  }
  const byText = identifyByText(conceptText(medication.code));
  if (byText) {
    if (byText.strengthMg === null) {
      const s = strengthFromIngredients();
      return asResource(withFields(byText, { strengthMg: s.mg, concentrationMgPerMl: s.perMl }));
    }
    return asResource(byText);
  }
  return null;
}

/** Free text: an RxNorm-style name, a brand, or a generic name anywhere in the text. */
function identifyByText(text: string): MedicationIdentityDetail | null {
  const trimmed = text.trim();
  if (!trimmed) return null;

  const brand = findBrand(trimmed);
  const parsed = parseRxNormName(trimmed);
  if (parsed && parsed.components.some((c) => c.row)) {
    // A generic name written the RxNorm way wins over a bracketed brand ("sertraline 50 MG Oral Tablet [Zoloft]").
    const identity = fromParsed(parsed, 'text', trimmed);
    if (identity) return withFields(identity, { rule: MEDICATION_RULES.rxnormName });
  }
  if (brand) return withFields(fromBrand(brand, trimmed), { rule: MEDICATION_RULES.brand });

  const rows = findIngredientRows(trimmed);
  if (rows.length > 0) {
    const strength = strengthFromText(trimmed);
    const lai = laiFromText(trimmed);
    const components = rows.map((r) => ({ ingredient: r.name, drugClass: r.drugClass, strengthMg: null }));
    const lead = leadingComponent(components);
    const leadRow = rows.find((r) => r.name === lead.ingredient) ?? rows[0]!;
    const base = fromRow(leadRow, 'text', trimmed);
    return withFields(base, {
      strengthMg: rows.length === 1 ? strength.mg : null,
      concentrationMgPerMl: rows.length === 1 ? strength.perMl : null,
      longActingInjectable: lai && leadRow.drugClass === 'antipsychotic',
      ...(rows.length > 1 ? { components, note: combinationNote(components, lead) } : {}),
      rule: MEDICATION_RULES.textName,
    });
  }

  // Not psychiatric, but written like an RxNorm name ("atorvastatin 20 MG Oral Tablet"): keep its name.
  if (parsed) {
    const names = parsed.components.map((c) => c.name).filter((n) => /^[a-z][a-z -]{1,40}$/.test(n));
    if (names.length === parsed.components.length) {
      return {
        ingredient: names.join(' / '),
        drugClass: 'unknown',
        strengthMg: parsed.components.length === 1 ? parsed.components[0]?.strengthMg ?? null : null,
        longActingInjectable: false,
        matchedBy: 'text',
        display: trimmed,
        note: `not a psychiatric medication in this app's tables: ${names.join(' / ')}`,
        rule: MEDICATION_RULES.rxnormName,
      };
    }
  }
  return null;
}

function fromRow(row: IngredientRow, matchedBy: MedicationMatch, display: string): MedicationIdentityDetail {
  return {
    ingredient: row.name,
    drugClass: row.drugClass,
    strengthMg: null,
    longActingInjectable: false,
    matchedBy,
    display,
    ...(row.note ? { note: row.note } : {}),
  };
}

function fromParsed(parsed: ParsedProductName, matchedBy: MedicationMatch, display: string): MedicationIdentityDetail | null {
  const components: MedicationComponent[] = parsed.components.map((c) => ({
    ingredient: c.row?.name ?? c.name,
    drugClass: c.row?.drugClass ?? 'unknown',
    strengthMg: c.perMl ? null : c.strengthMg,
  }));
  const known = parsed.components.filter((c) => c.row);
  if (known.length === 0) return null;
  const lead = leadingComponent(components);
  const leadParsed = parsed.components.find((c) => (c.row?.name ?? c.name) === lead.ingredient) ?? known[0]!;
  const row = leadParsed.row!;
  // A syringe of 0.6 mL at 150 mg/mL is one 90 mg unit; an oral solution at 20 mg/mL is dosed in mL.
  let strengthMg: number | null = leadParsed.strengthMg;
  let concentrationMgPerMl: number | null = null;
  if (leadParsed.perMl) {
    concentrationMgPerMl = leadParsed.strengthMg;
    strengthMg = parsed.volumeMl !== null && leadParsed.strengthMg !== null ? round(parsed.volumeMl * leadParsed.strengthMg) : null;
  }
  const notes: string[] = [];
  if (row.note) notes.push(row.note);
  if (components.length > 1) notes.push(combinationNote(components, lead));
  if (parsed.hours && /transdermal/i.test(parsed.doseForm)) notes.push(`patch strength per ${parsed.hours} h as mg/day`);
  return {
    ingredient: row.name,
    drugClass: row.drugClass,
    strengthMg,
    concentrationMgPerMl,
    longActingInjectable: isLongActingInjectable(leadParsed, parsed.doseForm, parsed.volumeMl),
    matchedBy,
    display,
    ...(components.length > 1 ? { components } : {}),
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}

function fromBrand(brand: BrandRow, display: string): MedicationIdentityDetail {
  const components: MedicationComponent[] = brand.ingredients.map((name) => {
    const row = ingredientByName(name);
    return { ingredient: row?.name ?? name, drugClass: row?.drugClass ?? 'unknown', strengthMg: null };
  });
  const lead = leadingComponent(components);
  const row = ingredientByName(lead.ingredient);
  const strength = components.length === 1 ? strengthFromText(display) : { mg: null, perMl: null };
  return {
    ingredient: row?.name ?? lead.ingredient,
    drugClass: row?.drugClass ?? 'unknown',
    strengthMg: strength.mg,
    concentrationMgPerMl: strength.perMl,
    longActingInjectable: brand.lai === true || (laiFromText(display) && row?.drugClass === 'antipsychotic'),
    matchedBy: 'brand',
    display,
    ...(components.length > 1 ? { components, note: combinationNote(components, lead) } : row?.note ? { note: row.note } : {}),
  };
}

/** Antidepressant first, then antipsychotic, then any other psychiatric class, then whatever comes first. */
const CLASS_PRIORITY: DrugClass[] = [
  ...ANTIDEPRESSANT_CLASSES,
  'antipsychotic',
  'mood-stabilizer',
  'nmda-antagonist',
  'augmentation-agent',
  'other-psychotropic',
];
function leadingComponent(components: MedicationComponent[]): MedicationComponent {
  for (const cls of CLASS_PRIORITY) {
    const hit = components.find((c) => c.drugClass === cls);
    if (hit) return hit;
  }
  return components[0]!;
}

function combinationNote(components: MedicationComponent[], lead: MedicationComponent): string {
  const parts = components.map((c) => (c.strengthMg !== null ? `${c.ingredient} ${c.strengthMg} mg` : c.ingredient));
  const others = components.filter((c) => c !== lead && c.drugClass !== 'unknown').map((c) => c.ingredient);
  return `combination product (${parts.join(' + ')}): counted as ${lead.ingredient}${
    others.length ? `; also contains ${others.join(', ')} (see components)` : ''
  }`;
}

const BRAND_RE = new RegExp(
  String.raw`(?:^|[^a-z])(${[...BRANDS].sort((a, c) => c.brand.length - a.brand.length).map((x) => escapeRe(x.brand)).join('|')})(?![a-z])`,
  'i',
);
function findBrand(text: string): BrandRow | undefined {
  const m = BRAND_RE.exec(text);
  if (!m?.[1]) return undefined;
  const hit = m[1].toLowerCase();
  return BRANDS.find((x) => x.brand.toLowerCase() === hit);
}

const LAI_WORDS = new RegExp(String.raw`\b(${[...LAI_ESTERS, 'depot', String.raw`long[- ]acting inject\w*`, 'lai', 'microspheres'].join('|')})\b`, 'i');
function laiFromText(text: string): boolean {
  return LAI_WORDS.test(text);
}

/** "50 mg", "100mg", "0.5 g", "150 mcg", "20 mg/mL" in free text. */
function strengthFromText(text: string): { mg: number | null; perMl: number | null } {
  const m = /(\d+(?:\.\d+)?)\s*(mg|mcg|µg|ug|g)\b(\s*\/\s*ml\b)?/i.exec(text);
  if (!m) return { mg: null, perMl: null };
  const factor = { mg: 1, mcg: 0.001, µg: 0.001, ug: 0.001, g: 1000 }[m[2]!.toLowerCase() as 'mg'] ?? 1;
  const value = round(Number(m[1]) * factor);
  return m[3] ? { mg: null, perMl: value } : { mg: value, perMl: null };
}

function withStrengthFromText(identity: MedicationIdentityDetail, concept: CodeableConcept | undefined): MedicationIdentityDetail {
  if (identity.strengthMg !== null || identity.concentrationMgPerMl) return identity;
  // An ingredient-level code with a display such as "sertraline 50 MG Oral Tablet" still tells the strength.
  const conceptTextValue = concept && typeof concept === 'object' && typeof concept.text === 'string' ? concept.text : undefined;
  for (const text of [conceptTextValue, ...codingsOf(concept).map((c) => c.display)]) {
    if (!text) continue;
    const parsed = parseRxNormName(text);
    const comp = parsed?.components.find((c) => c.row?.name === identity.ingredient);
    if (parsed && comp) {
      const fromName = fromParsed(parsed, identity.matchedBy, identity.display);
      if (fromName) {
        return withFields(identity, {
          strengthMg: fromName.strengthMg,
          concentrationMgPerMl: fromName.concentrationMgPerMl ?? null,
          longActingInjectable: identity.longActingInjectable || fromName.longActingInjectable,
        });
      }
    }
    const s = strengthFromText(text);
    if (s.mg !== null || s.perMl !== null) return withFields(identity, { strengthMg: s.mg, concentrationMgPerMl: s.perMl });
  }
  return identity;
}

/** Medication.ingredient.strength: "50 mg / 1 tablet" -> 50 mg per unit; "20 mg / 1 mL" -> 20 mg/mL. */
function ratioToMg(ratio: Ratio | undefined): { mg: number | null; perMl: number | null } {
  const num = ratio?.numerator;
  const den = ratio?.denominator;
  if (!num || typeof num.value !== 'number') return { mg: null, perMl: null };
  const unit = String(num.code ?? num.unit ?? '').toLowerCase();
  const factor = unit === 'mg' ? 1 : unit === 'g' ? 1000 : unit === 'ug' || unit === 'mcg' ? 0.001 : null;
  if (factor === null) return { mg: null, perMl: null };
  const denValue = typeof den?.value === 'number' && den.value > 0 ? den.value : 1;
  const denUnit = String(den?.code ?? den?.unit ?? '').toLowerCase();
  const value = round((num.value * factor) / denValue);
  return denUnit === 'ml' ? { mg: null, perMl: value } : { mg: value, perMl: null };
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const list = notes.filter((n): n is string => !!n);
  return list.length ? list.join('; ') : undefined;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// medicationOf
// ---------------------------------------------------------------------------------------------

type MedicationBearing = Resource & {
  medicationCodeableConcept?: CodeableConcept;
  medicationReference?: Reference;
  contained?: Resource[];
};

/**
 * The medication a MedicationStatement/Request/Dispense/Administration is about. Handles medicationCodeableConcept,
 * contained "#id" references and "Medication/id" (or absolute URL) references through `resolve`. A reference that
 * cannot be resolved gives a note and falls back to the reference's display text.
 * `medicationSource` is set when a Medication resource from the record (not a contained one) was used, so the engine
 * can account for that Medication as used.
 */
export function medicationOf(
  resource: Resource,
  resolve: (reference: string) => Resource | undefined,
): { identity: MedicationIdentityDetail; medicationSource?: string; note?: string } {
  const r = resource as MedicationBearing;
  if (r.medicationCodeableConcept && typeof r.medicationCodeableConcept === 'object') {
    return { identity: identifyMedication(r.medicationCodeableConcept) };
  }
  const ref = r.medicationReference;
  const reference = typeof ref?.reference === 'string' ? ref.reference.trim() : '';
  const refDisplay: CodeableConcept | undefined = typeof ref?.display === 'string' ? { text: ref.display } : undefined;
  if (!reference) {
    const identity = identifyMedication(refDisplay);
    return { identity, note: 'no medication code or reference in the record' };
  }
  if (reference.startsWith('#')) {
    const id = reference.slice(1);
    const contained = (Array.isArray(r.contained) ? r.contained : []).find(
      (c) => c && c.resourceType === 'Medication' && c.id === id,
    ) as Medication | undefined;
    if (contained) return { identity: identifyMedication(undefined, contained) };
    return { identity: identifyMedication(refDisplay), note: `contained medication ${reference} not found in the resource` };
  }
  const found = resolve(reference) ?? resolve(relativeReference(reference));
  if (found && found.resourceType === 'Medication') {
    return {
      identity: identifyMedication(undefined, found as Medication),
      medicationSource: `Medication/${found.id ?? relativeReference(reference).split('/')[1]}`,
    };
  }
  const why = found ? `reference ${reference} points to a ${found.resourceType}, not a Medication` : `referenced ${reference} not found in the record (dangling reference)`;
  return { identity: identifyMedication(refDisplay), note: why };
}

/** "https://ehr.example/fhir/Medication/abc/_history/2" -> "Medication/abc". */
function relativeReference(reference: string): string {
  const m = /(?:^|\/)(Medication)\/([^/?#]+)(?:\/_history\/[^/?#]+)?(?:[?#].*)?$/.exec(reference);
  return m ? `${m[1]}/${m[2]}` : reference;
}
