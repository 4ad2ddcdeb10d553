import { cookies } from 'next/headers';
import { ACTOR_COOKIE, decodeActor, type SessionActor } from './actor-cookie';

/** The signed-in actor for server components and layouts. */
export async function currentActor(): Promise<SessionActor | null> {
  return decodeActor((await cookies()).get(ACTOR_COOKIE)?.value);
}
