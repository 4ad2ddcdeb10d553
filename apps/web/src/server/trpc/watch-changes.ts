import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 500;

/**
 * What a live subscription yields: `read()` on connect and again whenever its answer changes. It polls rather
 * than listens, because the reads go to the stores: an append made by another process (a worker, another web
 * server on the real stack) shows up as surely as one made in this process. Ends when the client goes away.
 */
export async function* watchChanges<T extends string | number>(
  read: () => Promise<T>,
  signal: AbortSignal | undefined,
): AsyncGenerator<T> {
  let seen = await read();
  yield seen;
  while (!signal?.aborted) {
    try {
      await sleep(POLL_MS, undefined, { signal });
    } catch {
      return; // aborted: the client went away
    }
    const now = await read();
    if (now !== seen) {
      seen = now;
      yield now;
    }
  }
}
