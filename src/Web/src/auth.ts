// Sign-in with OpenID Connect authorization code + PKCE, against the provider the node names (its own by default).

/** What the node says about signing in (GET /v1/auth/login) and the provider's endpoints from its discovery document. */
export interface Provider {
  clientId: string;
  scope: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Where signing out ends the provider's session too (RP-initiated logout), when the provider has one. */
  endSessionEndpoint?: string;
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh code verifier: 32 random bytes, base64url (43 characters, as RFC 7636 asks). */
export function newVerifier(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return base64Url(random(new Uint8Array(32)));
}

/** S256 challenge of a verifier. */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export async function discover(fetcher: typeof fetch = fetch): Promise<Provider> {
  const { oidc: config } = (await (await fetcher('/v1/auth/login')).json()) as { oidc: { url: string; client_id: string; scope: string } };
  const discovery = await fetcher(`${config.url.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!discovery.ok) throw new Error(`the sign-in provider did not answer (${discovery.status})`);
  const document = (await discovery.json()) as { authorization_endpoint: string; token_endpoint: string; end_session_endpoint?: string };
  return {
    clientId: config.client_id, scope: config.scope, authorizationEndpoint: document.authorization_endpoint, tokenEndpoint: document.token_endpoint,
    endSessionEndpoint: document.end_session_endpoint,
  };
}

/** The authorization request; `uiLocales` asks the provider's pages for the app's language. */
export function authorizeUrl(provider: Provider, redirectUri: string, challenge: string, state: string, uiLocales?: string): string {
  const query = new URLSearchParams({
    client_id: provider.clientId,
    response_type: 'code',
    scope: provider.scope,
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  if (uiLocales) query.set('ui_locales', uiLocales);
  return `${provider.authorizationEndpoint}?${query}`;
}

/**
 * Where to send the browser to end the provider's session too (RP-initiated logout), coming back to
 * `postLogoutRedirectUri` (which must be registered for the client); null when the provider has no such endpoint.
 */
export function endSessionUrl(provider: Provider, idToken: string | null, postLogoutRedirectUri: string): string | null {
  if (!provider.endSessionEndpoint) return null;
  const query = new URLSearchParams({ client_id: provider.clientId, post_logout_redirect_uri: postLogoutRedirectUri });
  if (idToken) query.set('id_token_hint', idToken);
  return `${provider.endSessionEndpoint}${provider.endSessionEndpoint.includes('?') ? '&' : '?'}${query}`;
}

/** Exchanges the code from the callback for the access token (and the ID token, kept as the hint for signing out). */
export async function redeemCode(provider: Provider, redirectUri: string, code: string, verifier: string): Promise<{ accessToken: string; idToken: string | null }> {
  const response = await fetch(provider.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: provider.clientId, code, redirect_uri: redirectUri, code_verifier: verifier }),
  });
  if (!response.ok) throw new Error(`sign-in failed (${response.status})`);
  const tokens = (await response.json()) as { access_token: string; id_token?: string };
  return { accessToken: tokens.access_token, idToken: tokens.id_token ?? null };
}
