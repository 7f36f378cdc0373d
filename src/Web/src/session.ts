// Who is signed in in this tab: the access token from the OIDC code flow, and where to go back to afterwards.

import { authorizeUrl, challengeOf, newVerifier, redeemCode } from './auth';

const redirectUri = () => `${window.location.origin}/auth/callback`;

export async function signIn(returnTo = window.location.pathname): Promise<void> {
  const verifier = newVerifier();
  const state = newVerifier();
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state, returnTo }));
  window.location.assign(authorizeUrl(window.location.origin, redirectUri(), await challengeOf(verifier), state));
}

/** Finishes sign-in on /auth/callback: keeps the token and returns the path the user started from. */
export async function finishSignIn(): Promise<string> {
  const params = new URLSearchParams(window.location.search);
  const saved = sessionStorage.getItem('pkce');
  if (!params.get('code') || !saved) return '/';
  const { verifier, state, returnTo } = JSON.parse(saved) as { verifier: string; state: string; returnTo: string };
  if (params.get('state') !== state) throw new Error('sign-in state does not match');
  sessionStorage.setItem('token', await redeemCode(window.location.origin, redirectUri(), params.get('code')!, verifier));
  sessionStorage.removeItem('pkce');
  return returnTo.startsWith('/') && !returnTo.startsWith('/auth/') ? returnTo : '/';
}

export const currentToken = (): string | null => sessionStorage.getItem('token');

export function signOut(): void {
  sessionStorage.removeItem('token');
}
