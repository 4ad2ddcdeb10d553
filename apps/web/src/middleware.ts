import { NextResponse, type NextRequest } from 'next/server';
import { ACTOR_COOKIE } from './server/session/actor-cookie';

/** Sends signed-out visitors of workbench pages to the sign-in screen, remembering where they were going. */
export function middleware(req: NextRequest) {
  if (req.cookies.has(ACTOR_COOKIE)) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = `?next=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: APIs answer 401 themselves, and assets are public.
  matcher: ['/((?!api|_next|sign-in|favicon.ico).*)'],
};
