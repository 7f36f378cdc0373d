// Who is signed in in this tab: the access token from the OIDC code flow, and where to go back to afterwards.

import { authorizeUrl, challengeOf, discover, newVerifier, redeemCode, type Provider } from './auth';

const redirectUri = () => `${window.location.origin}/auth/callback`;

export async function signIn(returnTo = window.location.pathname): Promise<void> {
  const verifier = newVerifier();
  const state = newVerifier();
  const provider = await discover();
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state, returnTo, provider }));
  window.location.assign(authorizeUrl(provider, redirectUri(), await challengeOf(verifier), state));
}

/** Finishes sign-in on /auth/callback: keeps the token and returns the path the user started from. */
export async function finishSignIn(): Promise<string> {
  const params = new URLSearchParams(window.location.search);
  const saved = sessionStorage.getItem('pkce');
  if (!params.get('code') || !saved) return '/';
  const { verifier, state, returnTo, provider } = JSON.parse(saved) as { verifier: string; state: string; returnTo: string; provider: Provider };
  if (params.get('state') !== state) throw new Error('sign-in state does not match');
  sessionStorage.setItem('token', await redeemCode(provider, redirectUri(), params.get('code')!, verifier));
  sessionStorage.removeItem('pkce');
  return returnTo.startsWith('/') && !returnTo.startsWith('/auth/') ? returnTo : '/';
}

export const currentToken = (): string | null => sessionStorage.getItem('token');

export function signOut(): void {
  sessionStorage.removeItem('token');
}
