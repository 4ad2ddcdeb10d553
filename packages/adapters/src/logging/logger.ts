import { pino, type Logger } from 'pino';

export type { Logger };

/** The one logger factory. Components take a child logger; nothing calls console directly. */
export function createLogger(level: string, name = 'spice'): Logger {
  return pino({ name, level });
}
