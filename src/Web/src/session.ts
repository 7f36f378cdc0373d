// Who is signed in in this tab: the access token from the OIDC code flow, and where to go back to afterwards.

import { authorizeUrl, challengeOf, discover, endSessionUrl, newVerifier, redeemCode, type Provider } from './auth';

const redirectUri = () => `${window.location.origin}/auth/callback`;

/** Starts sign-in at the provider; `language` asks its pages for the app's language (`ui_locales`). */
export async function signIn(returnTo = window.location.pathname, language?: string): Promise<void> {
  const verifier = newVerifier();
  const state = newVerifier();
  const provider = await discover();
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state, returnTo, provider }));
  window.location.assign(authorizeUrl(provider, redirectUri(), await challengeOf(verifier), state, language));
}

/** Finishes sign-in on /auth/callback: keeps the token and returns the path the user started from. */
export async function finishSignIn(): Promise<string> {
  const params = new URLSearchParams(window.location.search);
  const saved = sessionStorage.getItem('pkce');
  if (!params.get('code') || !saved) return '/';
  const { verifier, state, returnTo, provider } = JSON.parse(saved) as { verifier: string; state: string; returnTo: string; provider: Provider };
  if (params.get('state') !== state) throw new Error('sign-in state does not match');
  const { accessToken, idToken } = await redeemCode(provider, redirectUri(), params.get('code')!, verifier);
  sessionStorage.setItem('token', accessToken);
  // Kept for signing out: the provider's end-session endpoint and the ID token as the hint of whose session ends.
  sessionStorage.setItem('provider', JSON.stringify({ provider, idToken }));
  sessionStorage.removeItem('pkce');
  return returnTo.startsWith('/') && !returnTo.startsWith('/auth/') ? returnTo : '/';
}

export const currentToken = (): string | null => sessionStorage.getItem('token');

/**
 * Forgets the token in this tab and returns where to send the browser so the provider's session ends too (else
 * "Sign in" would sign the same person straight back in); null when the provider has no end-session endpoint.
 * The provider sends the browser back to the app's welcome page, which must be registered for the client.
 */
export function signOut(): string | null {
  const saved = sessionStorage.getItem('provider');
  // The meetings this tab was in belong to the person signing out: the next one must not come back into them.
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('participation:')) sessionStorage.removeItem(key);
  sessionStorage.removeItem('token');
  sessionStorage.removeItem('provider');
  if (!saved) return null;
  const { provider, idToken } = JSON.parse(saved) as { provider: Provider; idToken: string | null };
  return endSessionUrl(provider, idToken, `${window.location.origin}/`);
}
