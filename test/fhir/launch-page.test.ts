/**
 * launch.html + src/launch.ts in jsdom: the client entry is picked from smart-config.json by
 * `iss`, v1/v2 scopes follow the server's smart-configuration, `iss` is not passed on an EHR launch, and
 * every failure (no iss, no config entry, server unreachable) ends in a plain-words message.
 * fhirclient's authorize() is replaced by a spy (it would redirect the page).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { developmentSmartConfig } from '../../sandbox/dev-smart-config';
import type { AuthorizeOptions } from '../../src/fhir/fhirclient-adapter';

const authorize = vi.fn(async (_options: AuthorizeOptions) => {});
// Only the redirect is replaced: the SMART configuration is fetched for real (through the stubbed global fetch).
vi.mock('../../src/fhir/fhirclient-adapter', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/fhir/fhirclient-adapter')>()),
  startAuthorization: authorize,
}));

const launchHtml = readFileSync(resolve(__dirname, '../../launch.html'), 'utf8');
const ISS = 'http://127.0.0.1:4010/fhir';
// What npm start and the tests serve as smart-config.json (the shipped file is a template without development servers).
const smartConfig = JSON.stringify(developmentSmartConfig({ sandboxFhirBaseUrl: ISS }));

type Route = (url: string) => Response | Promise<Response>;
let smartConfiguration: Route;
const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : String(input));
const fetchSpy = vi.fn(async (input: RequestInfo | URL) => {
  const url = urlOf(input);
  if (url.endsWith('/smart-config.json')) return new Response(smartConfig, { headers: { 'content-type': 'application/json' } });
  if (url.endsWith('/.well-known/smart-configuration')) return smartConfiguration(url);
  throw new TypeError('unexpected request');
});

async function openLaunchPage(search: string) {
  document.documentElement.innerHTML = launchHtml.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/, '');
  document.documentElement.dataset.appState = 'launching';
  window.history.replaceState(null, '', `/launch.html${search}`);
  vi.resetModules();
  await import('../../src/launch');
  await vi.waitFor(() => {
    if (!authorize.mock.calls.length && document.documentElement.dataset.appState !== 'error') throw new Error('still launching');
  });
}

const text = (id: string) => document.getElementById(id)?.textContent ?? '';

beforeEach(() => {
  authorize.mockClear();
  fetchSpy.mockClear();
  vi.stubGlobal('fetch', fetchSpy);
  smartConfiguration = () =>
    Response.json({ capabilities: ['launch-ehr', 'launch-standalone', 'permission-v1', 'permission-v2'], code_challenge_methods_supported: ['S256'] });
});
afterEach(() => vi.unstubAllGlobals());

describe('EHR launch', () => {
  it('uses the sandbox entry, v2 scopes with "launch", PKCE required, redirect to index.html, and no iss', async () => {
    await openLaunchPage(`?iss=${encodeURIComponent(ISS)}&launch=opaque-1`);
    expect(authorize).toHaveBeenCalledTimes(1);
    const options = authorize.mock.calls[0]![0];
    expect(options.clientId).toBe('trd-timeline-local');
    expect(options.scope.split(' ')[0]).toBe('launch');
    expect(options.scope).toContain('patient/MedicationRequest.rs');
    expect(options.scope).not.toContain('launch/patient');
    expect(options).toMatchObject({ redirectUri: 'index.html', pkceMode: 'required' });
    expect(options).not.toHaveProperty('iss');
  });

  it('falls back to v1 scopes when the server does not announce permission-v2', async () => {
    smartConfiguration = () => Response.json({ capabilities: ['launch-ehr', 'permission-v1'] });
    await openLaunchPage(`?iss=${encodeURIComponent(ISS)}&launch=opaque-1`);
    expect(authorize.mock.calls[0]![0].scope).toContain('patient/MedicationRequest.read');
  });

  it('a server without smart-configuration (404) still launches with v1 scopes', async () => {
    smartConfiguration = () => new Response('not found', { status: 404 });
    await openLaunchPage(`?iss=${encodeURIComponent(ISS)}&launch=opaque-1`);
    expect(authorize.mock.calls[0]![0].scope).toContain('.read');
  });
});

describe('standalone launch', () => {
  it('iss only: launch/patient and iss passed to authorize', async () => {
    await openLaunchPage(`?iss=${encodeURIComponent(ISS)}`);
    const options = authorize.mock.calls[0]![0];
    expect(options.scope.split(' ')[0]).toBe('launch/patient');
    expect(options.iss).toBe(ISS);
  });

  it('no iss at all: explains, and offers the form that asks for the FHIR base URL', async () => {
    await openLaunchPage('');
    expect(document.documentElement.dataset.appState).toBe('error');
    expect(text('launch-title')).toBe('No FHIR server given');
    expect(document.getElementById('standalone-form')!.hidden).toBe(false);
    expect(document.querySelector('#standalone-form input')!.getAttribute('name')).toBe('iss');
    expect(authorize).not.toHaveBeenCalled();
  });
});

describe('launch failures in plain words', () => {
  it('no config entry for this server', async () => {
    await openLaunchPage(`?iss=${encodeURIComponent('https://fhir.unknown.example/r4')}&launch=x`);
    expect(text('launch-title')).toBe('This FHIR server is not configured for the app');
    expect(text('launch-detail')).toBe('Server: https://fhir.unknown.example/r4');
    expect(authorize).not.toHaveBeenCalled();
    // A server the deployment does not know is never contacted.
    expect(fetchSpy.mock.calls.map(([url]) => urlOf(url)).filter((url) => url.includes('unknown.example'))).toEqual([]);
  });

  it('server unreachable', async () => {
    smartConfiguration = () => {
      throw new TypeError('Failed to fetch');
    };
    await openLaunchPage(`?iss=${encodeURIComponent(ISS)}&launch=x`);
    expect(text('launch-title')).toBe('The FHIR server could not be reached');
    expect(document.documentElement.dataset.appState).toBe('error');
  });

  it('markup in the iss is shown as text, never as HTML', async () => {
    const iss = 'https://x.example/<img src=x onerror=alert(1)>';
    await openLaunchPage(`?iss=${encodeURIComponent(iss)}&launch=x`);
    expect(document.querySelector('img')).toBeNull();
    expect(text('launch-detail')).toContain('<img');
  });

  it('a server that no longer announces PKCE S256 is refused, not downgraded (fhirclient’s required mode throws)', async () => {
    authorize.mockImplementationOnce(async () => {
      throw new Error("Required PKCE code challenge method (`S256`) was not found in the server's codeChallengeMethods declaration.");
    });
    await openLaunchPage(`?iss=${encodeURIComponent(ISS)}&launch=x`);
    await vi.waitFor(() => expect(document.documentElement.dataset.appState).toBe('error'));
    expect(text('launch-title')).toBe('The EHR does not offer PKCE');
    expect(text('launch-message')).toMatch(/stopped rather than continued without that protection/);
  });

  it('any other authorize failure is explained', async () => {
    authorize.mockImplementationOnce(async () => {
      throw new Error('Something else\n    at x (y.js:1)');
    });
    await openLaunchPage(`?iss=${encodeURIComponent(ISS)}&launch=x`);
    await vi.waitFor(() => expect(document.documentElement.dataset.appState).toBe('error'));
    expect(text('launch-title')).toBe('The launch could not start');
    expect(text('launch-detail')).toBe('Something else');
  });
});

describe('only iss and launch are taken from the launch URL', () => {
  it.each([
    ['clientId', '&clientId=someone-else'],
    ['patientId', '&patientId=another-patient'],
    ['fhirServiceUrl', `&fhirServiceUrl=${encodeURIComponent('https://evil.example/fhir')}`],
    ['client_id, redirect_uri and scope', '&client_id=x&redirect_uri=https%3A%2F%2Fevil.example%2F&scope=user%2F*.*'],
  ])('a launch URL carrying %s is refused before the configuration or the server is contacted', async (_name, extra) => {
    await openLaunchPage(`?iss=${encodeURIComponent(ISS)}&launch=opaque-1${extra}`);
    expect(document.documentElement.dataset.appState).toBe('error');
    expect(text('launch-title')).toBe('The launch address is not one the EHR makes');
    expect(text('launch-detail')).toMatch(/^Refused: /);
    expect(authorize).not.toHaveBeenCalled();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('fhirclient’s authorize() sees a page URL holding only iss and launch, whatever else the URL carries', async () => {
    const { launchUrlSeenByFhirclient } = await import('../../src/fhir/fhirclient-adapter');
    expect(launchUrlSeenByFhirclient('https://app.example/launch.html?iss=https%3A%2F%2Fehr.example%2Ffhir&launch=L1&clientId=evil&patientId=p2&fhirServiceUrl=x&other=1#h'))
      .toBe('https://app.example/launch.html?iss=https%3A%2F%2Fehr.example%2Ffhir&launch=L1');
    expect(launchUrlSeenByFhirclient('https://app.example/launch.html?fhirServiceUrl=https%3A%2F%2Fevil.example&iss=https%3A%2F%2Fehr.example%2Ffhir'))
      .toBe('https://app.example/launch.html?iss=https%3A%2F%2Fehr.example%2Ffhir');
  });
});
