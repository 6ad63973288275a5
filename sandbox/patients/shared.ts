/** Resources every demo patient refers to: the demo clinician (the launching user, `fhirUser`) and the clinic. */
import type { Organization, Practitioner, Resource } from 'fhir/r4';

export function sharedResources(): Resource[] {
  const clinic: Organization = {
    resourceType: 'Organization',
    id: 'demo-clinic',
    active: true,
    name: 'Demo Community Mental Health Clinic',
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }] }],
  };
  const doctor: Practitioner = {
    resourceType: 'Practitioner',
    id: 'dr-demo',
    active: true,
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '9999999999' }],
    name: [{ use: 'official', family: 'Demo', given: ['Dana'], prefix: ['Dr.'] }],
    qualification: [
      {
        code: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0360', code: 'MD', display: 'Doctor of Medicine' }],
          text: 'Psychiatrist',
        },
        issuer: { reference: 'Organization/demo-clinic' },
      },
    ],
  };
  return [clinic, doctor];
}
