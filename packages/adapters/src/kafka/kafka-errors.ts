import { DomainError } from '@spice/domain';

/** Errors that mean "the broker could not be reached or kept failing": a later retry may well succeed. */
const UNREACHABLE = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSBrokerNotFound',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSTimeout',
  'KafkaJSLockTimeout',
]);

/** Maps a kafkajs failure to the one error family: unreachable -> BUS.UNAVAILABLE, refused -> BUS.REJECTED. */
export function toBusError(
  error: unknown,
  operation: string,
  context: Record<string, unknown> = {},
): DomainError {
  if (error instanceof DomainError) return error;
  const chain = causeChain(error);
  const detail =
    chain
      .map((e) => e.message)
      .filter(Boolean)
      .join(': ') || String(error);
  if (chain.some((e) => UNREACHABLE.has(e.name) || (e as { retriable?: unknown }).retriable === true)) {
    return new DomainError({
      code: 'BUS.UNAVAILABLE',
      kind: 'unavailable',
      message: `Kafka is unavailable (${operation}): ${detail}`,
      context: { operation, ...context },
      cause: error,
    });
  }
  const kafkaError = chain.map((e) => (e as { type?: unknown }).type).find((t) => typeof t === 'string');
  return new DomainError({
    code: 'BUS.REJECTED',
    kind: 'invalid',
    message: `Kafka refused ${operation}: ${detail}`,
    context: { operation, ...context, ...(kafkaError ? { kafkaError } : {}) },
    cause: error,
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
