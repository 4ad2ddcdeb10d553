import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The one logger factory. Components take a child logger; nothing calls console directly. `fd` 2 sends the
 * lines to stderr, for programs whose stdout is their output (the CLI).
 */
export function createLogger(level: string, name = 'spice', fd: 1 | 2 = 1): Logger {
  return fd === 1 ? pino({ name, level }) : pino({ name, level }, pino.destination({ fd, sync: true }));
}
