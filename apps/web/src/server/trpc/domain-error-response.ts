import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { isDomainError } from '@spice/domain';
import { TRPC_CODE_BY_KIND } from './domain-error.middleware';

/**
 * A DomainError as the REST surface answers it, for the few route handlers outside tRPC (file uploads): the
 * same status and body shape as the tRPC procedures' errors under /api/v1.
 */
export function domainErrorResponse(e: unknown): Response {
  if (!isDomainError(e)) throw e;
  const status = getHTTPStatusCodeFromError(new TRPCError({ code: TRPC_CODE_BY_KIND[e.kind], message: e.message }));
  return Response.json(
    { message: e.message, code: TRPC_CODE_BY_KIND[e.kind], domainCode: e.code, issues: e.issues, context: e.context },
    { status },
  );
}
