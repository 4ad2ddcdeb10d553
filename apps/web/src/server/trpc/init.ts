import { initTRPC } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import superjson from 'superjson';
import type { TRPCContext } from './context';
import { formatError } from './error-formatter';

export const t = initTRPC.context<TRPCContext>().meta<OpenApiMeta>().create({
  transformer: superjson,
  errorFormatter: formatError,
  sse: {
    // Keeps idle live-update streams open through proxies and lets the client notice a dead one.
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
