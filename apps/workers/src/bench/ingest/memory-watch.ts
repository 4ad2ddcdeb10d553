/** What DuckDB reports holding (the reader's `observe` hook hands out a sampler of it). */
interface DuckDbMemory {
  readonly memoryBytes: number;
  readonly spillBytes: number;
}

/** Peak memory while a read runs: the process's resident set, and what DuckDB says it holds. */
export class MemoryWatch {
  peakRss = process.memoryUsage.rss();
  peakDuckDb = 0;
  peakSpill = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 20) {
    this.timer = setInterval(() => this.sampleRss(), intervalMs);
  }

  /** For the reader's `observe` hook: polls DuckDB's memory every 100 ms until the read is done. */
  readonly observe = (sampleMemory: () => Promise<DuckDbMemory>) => {
    let stopped = false;
    const polling = (async () => {
      while (!stopped) {
        const { memoryBytes, spillBytes } = await sampleMemory();
        this.peakDuckDb = Math.max(this.peakDuckDb, memoryBytes);
        this.peakSpill = Math.max(this.peakSpill, spillBytes);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    return async () => {
      stopped = true;
      await polling;
    };
  };

  stop(): void {
    clearInterval(this.timer);
    this.sampleRss();
  }

  private sampleRss(): void {
    this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
  }
}
