'use client';

import type { useRouter } from 'next/navigation';

/** How long the router gets before the page is loaded by address instead. */
const ROUTER_GRACE_MS = 2_000;

/**
 * Opens what a command just made (a proposal, say). Next 15.5's router sometimes drops a push made while it is
 * busy with the refetches a command sets off (seen in CI: the command applied, the page stayed); a page that
 * has not moved after a grace period is then loaded by address, so the user always lands where the action
 * promised.
 */
export function navigateAfterCommand(router: ReturnType<typeof useRouter>, href: string): void {
  router.push(href);
  const target = new URL(href, window.location.href).pathname;
  setTimeout(() => {
    if (window.location.pathname !== target) window.location.assign(href);
  }, ROUTER_GRACE_MS);
}
