import { DomainError } from '@spice/domain';

export const RELATIONAL_UNAVAILABLE = 'RELATIONAL.UNAVAILABLE';

/** Socket failures: the server is not there, or went away mid-conversation. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** SQLSTATEs of a server that is shutting down, starting up or full: a later try may well succeed. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres reports a lost connection by message only. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/** True when `error` (or what it wraps) says the database could not be reached, rather than that it refused. */
export function isConnectionFailure(error: unknown): boolean {
  return causeChain(error).some((e) => {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
    return DRIVER_MESSAGES.some((m) => e.message.startsWith(m));
  });
}

/** A connection failure as the one error family (RELATIONAL.UNAVAILABLE, retryable); anything else as it was. */
export function toRelationalError(error: unknown, operation: string): unknown {
  if (!isConnectionFailure(error)) return error;
  const root = causeChain(error).at(-1);
  return new DomainError({
    code: RELATIONAL_UNAVAILABLE,
    kind: 'unavailable',
    message: `The relational store is unavailable (${operation}): ${root?.message || String(error)}`,
    context: { operation },
    cause: error,
  });
}

/**
 * Wraps a repository so that its methods reject with RELATIONAL.UNAVAILABLE when the database is away. The
 * query builder wraps driver errors in its own error type, so without this a caller (and the API's error
 * mapping) would see an unclassified failure and could not tell the client that a retry will help.
 */
export function reportingOutages<T extends object>(repository: T): T {
  const name = repository.constructor.name;
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((e: unknown) => {
          throw toRelationalError(e, `${name}.${String(property)}`);
        });
      };
    },
  });
}

function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let e: unknown = error; e instanceof Error && chain.length < 10; e = e.cause) {
    chain.push(e);
    const nested = (e as { errors?: unknown }).errors;
    if (Array.isArray(nested)) chain.push(...nested.filter((n): n is Error => n instanceof Error));
  }
  return chain;
}
