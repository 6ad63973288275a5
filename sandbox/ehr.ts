/**
 * The "EHR" at /ehr: lists the demo patients; Launch mints a launch id bound to {patient, user, need_patient_banner}
 * and sends the browser to `${APP_URL}/launch.html?iss=<FHIR base>&launch=<id>`, as an EHR does for a SMART EHR launch.
 * "Launch in frame" shows the same launch inside a 1024x700 iframe, as many EHRs embed apps.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_USER, type PickablePatient } from './auth-server';
import { escapeHtml, page, sendHtml } from './html';
import { readBody, sendJson } from './http-util';
import type { LaunchStore } from './launches';

export interface EhrOptions {
  origin: string;
  fhirBaseUrl: string;
  appUrl: string;
  launches: LaunchStore;
  patients: () => PickablePatient[];
}

export function createEhr(options: EhrOptions) {
  const appRoot = options.appUrl.replace(/\/$/, '');
  const launchUrl = (launch?: string) => {
    const params = new URLSearchParams({ iss: options.fhirBaseUrl });
    if (launch) params.set('launch', launch);
    return `${appRoot}/launch.html?${params.toString()}`;
  };

  function listPage(): string {
    const rows = options.patients().map((p) => `<tr data-patient-id="${escapeHtml(p.id)}">
<td><strong>${escapeHtml(p.name)}</strong><br><span class="muted">${escapeHtml(p.id)}</span></td>
<td class="muted">${escapeHtml(p.summary)}</td>
<td><form method="post" action="/ehr/launch">
<input type="hidden" name="patient" value="${escapeHtml(p.id)}">
<label><input type="checkbox" name="need_patient_banner" value="true" checked> app shows patient banner</label><br>
<button type="submit" name="mode" value="window">Launch</button>
<button type="submit" name="mode" value="frame">Launch in frame</button>
</form></td></tr>`).join('\n');
    return page('Sandbox EHR', `<h1>Sandbox EHR: demo patients</h1>
<p>Signed in as Dr Demo (<code>${escapeHtml(DEMO_USER)}</code>). Launch opens the app through a SMART EHR launch
(launch id, authorization with PKCE, token) against the FHIR server <code>${escapeHtml(options.fhirBaseUrl)}</code>.</p>
<p>Standalone launch (the app asks which patient): <a href="${escapeHtml(launchUrl())}">${escapeHtml(launchUrl())}</a></p>
<table><thead><tr><th>Patient</th><th>What the record shows</th><th></th></tr></thead><tbody>
${rows}
</tbody></table>`);
  }

  function framePage(url: string, patientName: string): string {
    return page('Sandbox EHR: app in frame', `<h1>Sandbox EHR: ${escapeHtml(patientName)}</h1>
<p><a href="/ehr">Back to the patient list</a></p>
<iframe title="TRD timeline app" src="${escapeHtml(url)}" width="1024" height="700"></iframe>`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', options.origin);
    if (url.pathname === '/' ) {
      res.writeHead(302, { location: '/ehr' });
      res.end();
      return true;
    }
    if (url.pathname === '/ehr' || url.pathname === '/ehr/') {
      sendHtml(res, 200, listPage());
      return true;
    }
    if (url.pathname === '/ehr/smart-style.json') {
      sendJson(res, 200, { color_background: '#ffffff', color_highlight: '#0b5cad', font_family_body: 'system-ui, sans-serif' });
      return true;
    }
    if (url.pathname === '/ehr/launch' && (req.method === 'POST' || req.method === 'GET')) {
      // GET (query string) serves scripts and benchmarks; the page itself posts the form.
      const form = req.method === 'POST' ? new URLSearchParams(await readBody(req, 16 * 1024)) : url.searchParams;
      const patientId = form.get('patient') ?? '';
      const patient = options.patients().find((p) => p.id === patientId);
      if (!patient) {
        sendHtml(res, 400, page('Unknown patient', '<h1>Unknown patient</h1><p><a href="/ehr">Back to the patient list</a></p>'));
        return true;
      }
      // An unticked checkbox is absent from a posted form; the GET form states it explicitly.
      const banner = req.method === 'POST' ? form.get('need_patient_banner') === 'true' : form.get('need_patient_banner') !== 'false';
      const launch = options.launches.mint({ patient: patient.id, user: DEMO_USER, needPatientBanner: banner });
      if (form.get('mode') === 'frame') {
        sendHtml(res, 200, framePage(launchUrl(launch), patient.name));
      } else {
        res.writeHead(303, { location: launchUrl(launch), 'cache-control': 'no-store' });
        res.end();
      }
      return true;
    }
    return false;
  }

  return { handle, launchUrl };
}
