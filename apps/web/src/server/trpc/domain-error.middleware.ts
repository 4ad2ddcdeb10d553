import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { ErrorKind } from '@spice/domain';
import { asDomainError, inputErrorAsDomainError } from './as-domain-error';
import { t } from './init';

export const TRPC_CODE_BY_KIND = {
  invalid: 'BAD_REQUEST',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  precondition: 'PRECONDITION_FAILED',
  unavailable: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<ErrorKind, TRPC_ERROR_CODE_KEY>;

/**
 * The one place a DomainError becomes a transport error. `next()` resolves to `{ ok: false, error }`
 * rather than throwing, so the result is inspected. tRPC's own input-parse failures are turned into the
 * same invalid-input shape, so the client handles one kind of BAD_REQUEST.
 */
export const domainErrorMiddleware = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const { error } = result;
  const domain = asDomainError(error.cause) ?? (error.code === 'BAD_REQUEST' ? inputErrorAsDomainError(error.cause) : null);
  if (!domain) return result;
  throw new TRPCError({ code: TRPC_CODE_BY_KIND[domain.kind], message: domain.message, cause: domain });
});
