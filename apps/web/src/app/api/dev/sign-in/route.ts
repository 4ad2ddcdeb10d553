import { NextResponse } from 'next/server';
import { z } from 'zod';
import { ACTOR_COOKIE, actorCookieOptions, encodeActor } from '@/server/session/actor-cookie';

export const dynamic = 'force-dynamic';

const ZSignIn = z.object({
  /** The actor id recorded on every command, usually an e-mail address. */
  actor: z.string().trim().min(1, 'must not be empty').max(200),
  name: z.string().trim().max(200).optional(),
});

/** Development sign-in (the sign-in screen and tests): sets the httpOnly actor cookie. */
export async function POST(req: Request) {
  const parsed = ZSignIn.safeParse(await req.json().catch(() => null));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message, rule: i.code }));
    return NextResponse.json({ error: 'The input is not valid', issues }, { status: 400 });
  }
  const actor = { id: parsed.data.actor, name: parsed.data.name || parsed.data.actor.split('@')[0] || parsed.data.actor };
  const res = NextResponse.json({ actor });
  res.cookies.set(ACTOR_COOKIE, encodeActor(actor), actorCookieOptions);
  return res;
}
