import { cookies } from 'next/headers';
import { WORKSPACE_COOKIE } from './workspace-cookie';

/** The ontology this browser opened last (the top bar's workspace), or null before it opened any. */
export async function lastOpenedOntology(): Promise<string | null> {
  return (await cookies()).get(WORKSPACE_COOKIE)?.value || null;
}
