// The benchmark's bare SMART client, launch page (scripts/bench/launch-rows.ts, "floor" rows; configured by scripts/bench/floor-client.ts). Not part of the app.
// It does what any browser app must do in an EHR launch, and nothing else: read the SMART configuration, make a PKCE
// pair, keep it in sessionStorage and send the browser to the authorization endpoint. No library, no framework, no
// rendering, no error handling beyond a visible state: its time is the least this machine, browser and sandbox allow.
const config = JSON.parse(document.getElementById('floor-config').textContent);
const redirectUri = new URL(config.redirectPath, location.href).href;

function base64url(bytes) {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

try {
  const params = new URLSearchParams(location.search);
  const iss = params.get('iss').replace(/\/+$/, '');
  const response = await fetch(`${iss}/.well-known/smart-configuration`, { headers: { accept: 'application/json' } });
  const smart = await response.json();
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('floor', JSON.stringify({ iss, state, verifier, tokenEndpoint: smart.token_endpoint }));
  const authorize = new URL(smart.authorization_endpoint);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    scope: config.scope,
    redirect_uri: redirectUri,
    aud: iss,
    launch: params.get('launch'),
    state,
    code_challenge: base64url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  }).toString();
  location.href = authorize.href;
} catch (error) {
  document.body.textContent = `floor launch failed: ${error}`;
  document.documentElement.dataset.appState = 'error';
  performance.mark('app-state:error');
}
