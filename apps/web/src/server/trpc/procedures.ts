import { TRPCError } from '@trpc/server';
import { unavailable } from '@spice/domain';
import { domainErrorMiddleware } from './domain-error.middleware';
import { t } from './init';

const requireActor = t.middleware(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return next({ ctx: { actor: ctx.actor } });
});

const withSystem = t.middleware(async ({ ctx, next }) => {
  const system = await ctx.getSystem().catch((e: unknown) => {
    throw unavailable('SYSTEM.UNAVAILABLE', `The workbench backend did not start: ${e instanceof Error ? e.message : String(e)}`, e);
  });
  return next({ ctx: { system } });
});

/** Every procedure runs as a signed-in actor, against the one system of this process. */
export const actorProcedure = t.procedure.use(domainErrorMiddleware).use(requireActor).use(withSystem);
