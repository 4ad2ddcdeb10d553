'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef } from 'react';
import { useTRPC } from '@/trpc/react';
import { entityPath } from './entity-paths';
import { onBranch } from './use-branch';

/** How long the pointer rests on a link before its page is loaded: sweeping over a list loads nothing. */
const INTENT_MS = 60;
/**
 * After a press, how long no route is prefetched. A route prefetched while the click's navigation to it is under
 * way makes Next (15.5) drop that navigation: the click does nothing. It happens when the next page's links land
 * under a resting pointer, which then "enters" them.
 */
const PRESS_QUIET_MS = 3_000;

/** One object type with what its page shows of the rest of the branch (prefetched by the page's server render). */
export function useObjectTypePage(ontologyId: string, branch: string, id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.model.entities.objectType.queryOptions({ ontologyId, branch, id }));
}

/**
 * Starts loading an object type's page when a link to it is pointed at or focused, so opening it shows it at
 * once: the route (its server render, data included) and the data in the client's cache, fresher than a route
 * prefetched a while ago. Neither is fetched again while fresh. Only the last type asked for within a short
 * pause is loaded.
 */
export function usePrefetchObjectType(ontologyId: string, branch: string): (id: string) => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const quietUntil = useRef(0);
  useEffect(() => {
    const pressed = () => {
      clearTimeout(pending.current);
      quietUntil.current = performance.now() + PRESS_QUIET_MS;
    };
    // Keys that open things; ↑/↓ through a list are how the keyboard points at rows.
    const keyPressed = (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ' ? pressed() : undefined);
    document.addEventListener('pointerdown', pressed, true);
    document.addEventListener('keydown', keyPressed, true);
    return () => {
      clearTimeout(pending.current);
      document.removeEventListener('pointerdown', pressed, true);
      document.removeEventListener('keydown', keyPressed, true);
    };
  }, []);
  return useCallback(
    (id: string) => {
      clearTimeout(pending.current);
      pending.current = setTimeout(() => {
        if (performance.now() >= quietUntil.current) router.prefetch(onBranch(entityPath(ontologyId, 'objectType', id), branch));
        void queryClient.prefetchQuery(trpc.model.entities.objectType.queryOptions({ ontologyId, branch, id }));
      }, INTENT_MS);
    },
    [trpc, queryClient, router, ontologyId, branch],
  );
}
