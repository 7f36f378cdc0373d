// Sign-in with OpenID Connect authorization code + PKCE, against the provider the node names (its own by default).

/** What the node says about signing in (GET /v1/auth/login) and the provider's endpoints from its discovery document. */
export interface Provider {
  clientId: string;
  scope: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
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
  const document = (await discovery.json()) as { authorization_endpoint: string; token_endpoint: string };
  return { clientId: config.client_id, scope: config.scope, authorizationEndpoint: document.authorization_endpoint, tokenEndpoint: document.token_endpoint };
}

export function authorizeUrl(provider: Provider, redirectUri: string, challenge: string, state: string): string {
  const query = new URLSearchParams({
    client_id: provider.clientId,
    response_type: 'code',
    scope: provider.scope,
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  return `${provider.authorizationEndpoint}?${query}`;
}

/** Exchanges the code from the callback for an access token. */
export async function redeemCode(provider: Provider, redirectUri: string, code: string, verifier: string): Promise<string> {
  const response = await fetch(provider.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: provider.clientId, code, redirect_uri: redirectUri, code_verifier: verifier }),
  });
  if (!response.ok) throw new Error(`sign-in failed (${response.status})`);
  return (await response.json()).access_token as string;
}
