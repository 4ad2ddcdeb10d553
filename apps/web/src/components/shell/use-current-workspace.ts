'use client';

import { useParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { rememberWorkspace } from '@/lib/workspace-cookie';

/**
 * The workspace the top bar shows: the ontology of the current route, or outside one the ontology opened last
 * (`remembered` is what the server read from the cookie on the first load; later visits update it here).
 */
export function useCurrentWorkspace(remembered: string | null): string | null {
  // Ontology ids are lower-case letters, digits and dashes: nothing in them is URL-encoded.
  const onRoute = useParams<{ ontologyId?: string }>().ontologyId ?? null;
  const [last, setLast] = useState(remembered);
  useEffect(() => {
    if (!onRoute) return;
    setLast(onRoute);
    rememberWorkspace(onRoute);
  }, [onRoute]);
  return onRoute ?? last;
}
