import { afterAll, beforeAll } from 'vitest';
import type { Logger } from 'pino';
import { createSystem, type System } from '../../composition/composition-root';
import { createLogger } from '../../logging/logger';
import type { StackUnderTest, TestBed } from './stacks.int-support';

/**
 * A system on `stack` with its relay and projection running, for the enclosing describe: built before its tests,
 * stopped and its test bed cleaned up after them. Call it in the describe body; read the system in the tests.
 */
export function systemOnStack(stack: StackUnderTest, logger: Logger = createLogger('error')): () => System {
  let system: System | undefined;
  let bed: TestBed | undefined;
  beforeAll(async () => {
    bed = await stack.prepare();
    system = await createSystem(bed.config, logger);
    await system.startWorkers(bed.route);
  });
  afterAll(async () => {
    await system?.stop();
    await bed?.cleanup();
  });
  return () => {
    if (!system) throw new Error('the system is built in beforeAll: read it inside a test');
    return system;
  };
}
