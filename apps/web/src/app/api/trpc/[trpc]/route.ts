import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/routers/app.router';
import { createTRPCContext } from '@/server/trpc/context';
import { bodyLimitFor, withBodyLimit } from './body-limit';

export const dynamic = 'force-dynamic';

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    router: appRouter,
    req: req.method === 'POST' ? withBodyLimit(req, bodyLimitFor(req.url)) : req,
    createContext: () => createTRPCContext({ headers: req.headers }),
  });

export { handler as GET, handler as POST };
