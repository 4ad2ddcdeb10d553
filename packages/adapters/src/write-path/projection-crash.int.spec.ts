import { beforeAll, expect, it } from 'vitest';
import { forEachStack } from './support/test-stacks.int-support';
import {
  crashAtEachPoint,
  expectChainConverged,
  reachedLater,
  type CrashChain,
} from './support/crash-scenario.int-support';

/**
 * Must-pass 3: the object-type projection's process is killed around its two writes (the search document,
 * then the read model with the registry in one transaction) and after both, before the bus has committed the
 * message's offset, each new process starting over what the last kill left. The processes must converge on
 * the event store's state with no duplicate.
 */
forEachStack(
  'projection process killed with SIGKILL',
  (stack) => {
    let chain: CrashChain;
    beforeAll(async () => {
      chain = await crashAtEachPoint(stack, ['before-index', 'after-index', 'after-commit']);
    });

    it('before the search-index write: a later process writes the document', () => {
      const kill = chain.kills.get('before-index')!;
      expect(kill.process.reached('after-index'), 'the killed process never wrote it').not.toContain(
        kill.heldEventId,
      );
      expect(reachedLater(kill, 'after-index')).toContain(kill.heldEventId);
    });

    it('after the search-index write, before the read-model commit: a later process commits it', () => {
      const kill = chain.kills.get('after-index')!;
      expect(kill.process.reached('after-index')).toContain(kill.heldEventId);
      expect(reachedLater(kill, 'after-commit')).toContain(kill.heldEventId);
    });

    it('after the read-model commit, before the offset commit: the redelivered event is skipped as done', () => {
      const kill = chain.kills.get('after-commit')!;
      expect(kill.process.reached('after-commit'), 'the killed process had committed it').toContain(
        kill.heldEventId,
      );
      expect(reachedLater(kill, 'before-apply'), 'no later process applies it again').not.toContain(
        kill.heldEventId,
      );
    });

    it('ends with the read models equal to the event store and no duplicate', async () => {
      await expectChainConverged(stack, chain);
    });
  },
  { concurrently: true },
);
