/**
 * Seeds dead letters of the object-type projection (see dead-letter-fixture.ts) into the system the
 * environment configures, and writes what it made as JSON to the file named by the first argument. For the
 * e2e journey: run before any server opens the data (PGlite serves one process; running workers would apply
 * the events before they can fail).
 *
 *   pnpm --filter @spice/adapters exec tsx src/testing/seed-dead-letters.script.ts <out.json>
 */
import { writeFileSync } from 'node:fs';
import { OBJECT_TYPE_PROJECTION } from '@spice/domain';
import { loadConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import { createSystem } from '../composition/composition-root';
import { seedDeadLetters } from './dead-letter-fixture';

const out = process.argv[2];
if (!out) throw new Error('usage: seed-dead-letters.script.ts <out.json>');
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const system = await createSystem(loadConfig(process.env), createLogger('warn', 'seed-dead-letters', 2));
try {
  const stream = { ontologyId: `e2e-dlq-${run}`, objectTypes: ['Vessel', 'Berth'] };
  const other = { ontologyId: `e2e-dlq-${run}-b`, objectTypes: ['Crane'] };
  const streamLetters = await seedDeadLetters(system, stream);
  const otherLetters = await seedDeadLetters(system, other);
  const ids = (letters: readonly { eventId: string }[]) => letters.map((l) => l.eventId);
  writeFileSync(
    out,
    JSON.stringify({ handler: OBJECT_TYPE_PROJECTION, stream: { ...stream, eventIds: ids(streamLetters) }, other: { ...other, eventIds: ids(otherLetters) } }, null, 2),
  );
} finally {
  await system.stop();
}
process.exit(0);
