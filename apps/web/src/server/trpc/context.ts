import { actorFromCookieHeader } from '../session/actor-cookie';
import { getSystem } from '../system';

/** Per-request context: who is calling, and a lazy handle on the system (booted once per process). */
export function createTRPCContext(opts: { headers: Headers }) {
  return {
    actor: actorFromCookieHeader(opts.headers.get('cookie')),
    getSystem,
  };
}

export type TRPCContext = ReturnType<typeof createTRPCContext>;
