import { pino, type Logger } from 'pino';

/** A logger that keeps its lines, so a test can show what the workers reported during an outage. */
export function recordingLogger(level = 'warn'): { logger: Logger; messages(): string[] } {
  const lines: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(line) });
  return { logger, messages: () => lines.map((l) => String((JSON.parse(l) as { msg?: unknown }).msg ?? '')) };
}
