import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { appRouter } from '@/server/routers/app.router';
import { createTRPCContext } from '@/server/trpc/context';
import { bodyLimitFor, withBodyLimit } from '../../trpc/[trpc]/body-limit';

export const dynamic = 'force-dynamic';

/** The REST surface for scripts and other services: the same procedures, described at /api/openapi.json. */
const handler = (req: Request) =>
  createOpenApiFetchHandler({
    endpoint: '/api/v1',
    router: appRouter,
    req: req.method === 'GET' || req.method === 'DELETE' ? req : withBodyLimit(req, bodyLimitFor(req.url)),
    createContext: () => createTRPCContext({ headers: req.headers }),
  });

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
