// OpenID Connect authorization code flow with PKCE (RFC 7636, S256). Only the verifier, the state and the
// language cross the redirect (sessionStorage, removed on return); the tokens are kept in memory and are gone on reload.
import { language } from './i18n.mjs';

const PENDING = 'sms-console-sign-in';

const b64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = n => b64url(crypto.getRandomValues(new Uint8Array(n)));
const redirectUri = () => location.origin + location.pathname;

async function discovery(config) {
  const res = await fetch(config.discovery);
  if (!res.ok) throw new Error('discovery ' + res.status);
  return res.json();
}

export async function signIn(config) {
  const provider = await discovery(config);
  const verifier = random(32);
  const state = random(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, back: location.hash, lang: language() }));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), state,
    scope: 'openid sms/send sms/reviewer', code_challenge: challenge, code_challenge_method: 'S256',
    // OIDC Core 3.1.2.1: the sign-in page in the console's language (https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest).
    ui_locales: language(),
  });
  location.assign(provider.authorization_endpoint + '?' + query);
}

function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0))));
}

// The session when this page is the redirect back from the issuer, else null.
export async function completeSignIn(config) {
  const query = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  if (!query.has('code') && !query.has('error')) return null;
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname + (pending ? pending.back : ''));
  if (!pending || query.get('state') !== pending.state || !query.has('code')) {
    throw new Error(query.get('error_description') || 'the sign-in did not come back as it left');
  }
  const provider = await discovery(config);
  const res = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: query.get('code'),
      redirect_uri: redirectUri(), client_id: config.clientId, code_verifier: pending.verifier }),
  });
  const tokens = await res.json();
  if (!res.ok) throw new Error(tokens.error_description || tokens.error);
  const c = claims(tokens.access_token);
  return { accessToken: tokens.access_token, account: c.account_id, type: c.account_type,
    reviewer: (c.scope || '').split(' ').includes('sms/reviewer'), lang: pending.lang };
}
