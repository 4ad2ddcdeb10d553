import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from '../logging/logger';

/** Namespaces whose complaints kafkajs retries by itself; what still fails surfaces as a thrown error. */
const RETRIED_INTERNALLY = new Set(['Connection', 'BrokerPool']);

/**
 * Routes kafkajs logs to our logger, quietly: WARN and above only, and never at error level, since the
 * failures that matter reach us as thrown errors (mapped to DomainError) or as a consumer crash that
 * KafkaSubscription reports. The warning about bounded producer retries is dropped to debug because
 * KafkaBus bounds them on purpose (see publishRetries).
 */
export function kafkaLogCreator(logger: Logger | undefined): { logLevel: logLevel; logCreator: logCreator } {
  if (!logger) return { logLevel: logLevel.NOTHING, logCreator: () => () => undefined };
  return {
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ namespace, log }) => {
        const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
        const entry = { kafkajs: namespace, ...fields };
        if (RETRIED_INTERNALLY.has(namespace) || message.startsWith('Limiting retries'))
          logger.debug(entry, message);
        else logger.warn(entry, message);
      },
  };
}
