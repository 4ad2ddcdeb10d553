import { NextResponse } from 'next/server';
import { ACTOR_COOKIE } from '@/server/session/actor-cookie';

export const dynamic = 'force-dynamic';

export function POST() {
  const res = NextResponse.json({ signedOut: true });
  res.cookies.delete(ACTOR_COOKIE);
  return res;
}
