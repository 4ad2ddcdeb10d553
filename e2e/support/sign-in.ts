import { expect, type APIRequestContext } from '@playwright/test';

export const E2E_ACTOR = { actor: 'e2e@spice.local', name: 'E2E Runner' };

/** Signs in through the dev API; the cookie lands in the browser context that owns `request`. */
export async function signIn(request: APIRequestContext): Promise<void> {
  const res = await request.post('/api/dev/sign-in', { data: E2E_ACTOR });
  expect(res.status(), `sign-in answered ${res.status()}: ${await res.text()}`).toBe(200);
}
