/**
 * Pauses one consumer handler in every process while a replay rebuilds its read model. While the fence is
 * up, the registry answers each claim of the handler with `busy`, so consumers back off and the bus hands the
 * message over again later. A fence expires by itself, so a replay that died cannot stop a projection for
 * good; its holder renews it while it works.
 */
export interface HandlerFence {
  /**
   * Raises the fence. Once this resolves, every claim of the handler either finished before (and is counted
   * by `inFlight`) or sees the fence. Throws REPLAY.ALREADY_RUNNING (conflict) while another holder's fence is up.
   */
  raise(handler: string, holder: string, ttlMs: number): Promise<void>;
  renew(handler: string, holder: string, ttlMs: number): Promise<void>;
  /** Claims of the handler whose holder is still applying them (claimed, lease not expired). */
  inFlight(handler: string): Promise<number>;
  lift(handler: string, holder: string): Promise<void>;
}
