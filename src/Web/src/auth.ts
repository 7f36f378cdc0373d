// Sign-in with OpenID Connect authorization code + PKCE against the node's provider (or any configured one).

export const clientId = 'opentalk-web';

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

export function authorizeUrl(origin: string, redirectUri: string, challenge: string, state: string): string {
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: 'openid profile',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  return `${origin}/connect/authorize?${query}`;
}

/** Exchanges the code from the callback for an access token. */
export async function redeemCode(origin: string, redirectUri: string, code: string, verifier: string): Promise<string> {
  const response = await fetch(`${origin}/connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: redirectUri, code_verifier: verifier }),
  });
  if (!response.ok) throw new Error(`sign-in failed (${response.status})`);
  return (await response.json()).access_token as string;
}
