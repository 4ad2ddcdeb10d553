/**
 * Reserves stream positions atomically per aggregate. `reserve` locks the aggregate's counter, checks
 * `expectedSeq`, runs `write(firstSeq)` while holding the lock, and commits the new last sequence only if
 * `write` succeeded, so a failed write leaves no hole. It is a cache of the store: `repair` raises it to
 * what the store holds when the two disagree.
 */
export interface SequenceAllocator {
  reserve<T>(
    aggregateType: string,
    aggregateId: string,
    count: number,
    expectedSeq: number,
    write: (firstSeq: number) => Promise<T>,
  ): Promise<T>;
  current(aggregateType: string, aggregateId: string): Promise<number>;
  repair(aggregateType: string, aggregateId: string, lastSeq: number): Promise<void>;
}
