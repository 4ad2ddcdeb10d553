import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { appRouter } from '@/server/routers/app.router';
import { createTRPCContext } from '@/server/trpc/context';
import { MAX_TRPC_BODY_BYTES, withBodyLimit } from '../../trpc/[trpc]/body-limit';

export const dynamic = 'force-dynamic';

/** The REST surface for scripts and other services: the same procedures, described at /api/openapi.json. */
const handler = (req: Request) =>
  createOpenApiFetchHandler({
    endpoint: '/api/v1',
    router: appRouter,
    req: req.method === 'GET' || req.method === 'DELETE' ? req : withBodyLimit(req, MAX_TRPC_BODY_BYTES),
    createContext: () => createTRPCContext({ headers: req.headers }),
  });

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
