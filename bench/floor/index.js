// The benchmark's bare SMART client, redirect page (scripts/bench/launch-rows.ts, "floor" rows; configured by scripts/bench/floor-client.ts). Not part of the app.
// Exchanges the code for a token, then sends the app's own first-page queries (given by the benchmark) side by side,
// follows their next links, parses every page, and marks `app-state:ready` as the app does when its timeline is drawn.
const config = JSON.parse(document.getElementById('floor-config').textContent);
const redirectUri = new URL(config.redirectPath, location.href).href;

async function readAll(base, query, headers) {
  let url = `${base}/${query}`;
  let resources = 0;
  while (url) {
    const page = await (await fetch(url, { headers })).json();
    resources += page.resourceType === 'Bundle' ? (page.entry ?? []).length : 1;
    url = (page.link ?? []).find((link) => link.relation === 'next')?.url;
  }
  return resources;
}

try {
  const params = new URLSearchParams(location.search);
  const saved = JSON.parse(sessionStorage.getItem('floor'));
  if (params.get('state') !== saved.state) throw new Error('state does not match');
  const tokenResponse = await fetch(saved.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri,
      client_id: config.clientId,
      code_verifier: saved.verifier,
    }),
  });
  const token = await tokenResponse.json();
  if (!token.access_token) throw new Error(`no token: ${tokenResponse.status}`);
  const headers = { accept: 'application/fhir+json', authorization: `Bearer ${token.access_token}` };
  const patient = encodeURIComponent(token.patient);
  const counts = await Promise.all(config.queries.map((q) => readAll(saved.iss, q.replaceAll('{patient}', patient), headers)));
  document.getElementById('floor-result').textContent = `${counts.reduce((a, b) => a + b, 0)} resources read`;
  document.documentElement.dataset.appState = 'ready';
  performance.mark('app-state:ready');
} catch (error) {
  document.body.textContent = `floor read failed: ${error}`;
  document.documentElement.dataset.appState = 'error';
  performance.mark('app-state:error');
}
