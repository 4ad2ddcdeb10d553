import { z } from 'zod';

/**
 * Development sign-in: the signed-in actor lives in an httpOnly cookie. It is not authentication —
 * it gives every command an identity until real auth exists, so the audit trail has a "who" from day one.
 */
export const ACTOR_COOKIE = 'spice_actor';

export const ZSessionActor = z.object({
  id: z.string().trim().min(1, 'must not be empty').max(200),
  name: z.string().trim().min(1, 'must not be empty').max(200),
});
export type SessionActor = z.infer<typeof ZSessionActor>;

export function encodeActor(actor: SessionActor): string {
  return Buffer.from(JSON.stringify(actor), 'utf8').toString('base64url');
}

/** The actor in a cookie value, or null when it is absent or not one of ours. */
export function decodeActor(value: string | undefined): SessionActor | null {
  if (!value) return null;
  try {
    const parsed = ZSessionActor.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads the actor cookie out of a raw `Cookie` header (route handlers that only have headers). */
export function actorFromCookieHeader(header: string | null): SessionActor | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === ACTOR_COOKIE) return decodeActor(decodeURIComponent(rest.join('=')));
  }
  return null;
}

export const actorCookieOptions = {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  maxAge: 60 * 60 * 24 * 30,
} as const;
