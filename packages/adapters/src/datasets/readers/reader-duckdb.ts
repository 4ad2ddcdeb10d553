import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** DuckDB's share of the machine while it reads one upload. */
export interface ReaderDuckDbSettings {
  /** DuckDB's buffer memory (its own limit; the process also holds its read buffers and Node's heap). */
  readonly memoryLimit: string;
  readonly threads: number;
  /**
   * Called as each read opens its instance, with a way to sample DuckDB's memory (benchmarks watch it); the
   * function it returns is awaited before the instance closes.
   */
  readonly observe?: (sampleMemory: () => Promise<DuckDbMemory>) => () => Promise<void>;
}

/** What DuckDB reports holding: buffer memory, and bytes spilled to its temporary directory. */
export interface DuckDbMemory {
  readonly memoryBytes: number;
  readonly spillBytes: number;
}

/** Samples duckdb_memory() on a connection of its own, opened on the first sample and closed by `close`. */
function memorySampler(instance: DuckDBInstance) {
  let connection: Promise<DuckDBConnection> | undefined;
  return {
    sample: async (): Promise<DuckDbMemory> => {
      connection ??= instance.connect();
      const reader = await (
        await connection
      ).runAndReadAll(
        'SELECT sum(memory_usage_bytes)::DOUBLE, sum(temporary_storage_bytes)::DOUBLE FROM duckdb_memory()',
      );
      const [memory, spill] = reader.getRows()[0] ?? [];
      return { memoryBytes: Number(memory ?? 0), spillBytes: Number(spill ?? 0) };
    },
    close: async () => (await connection)?.closeSync(),
  };
}

/**
 * One thread: reading a 1 GiB CSV took 6.7 CPU-seconds on one thread against 7.6-8.5 on two (which must also
 * keep the rows in file order), and one thread's buffers kept the read's own memory near 160 MiB where two
 * threads' took 280-350 MiB. On a 2-vCPU machine shared with the web server and the workers, one thread already
 * reads well over 50 MiB/s and leaves the other core to them.
 */
export const DEFAULT_READER_DUCKDB: ReaderDuckDbSettings = { memoryLimit: '256MB', threads: 1 };


/**
 * Runs `use` on a fresh in-memory DuckDB that spills to `workDir`. One instance per read keeps each upload's
 * memory limit, spill files and rejects tables to itself, and opening one costs milliseconds.
 */
export async function withReaderDuckDb<T>(
  workDir: string,
  settings: ReaderDuckDbSettings,
  use: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: settings.memoryLimit,
    threads: String(settings.threads),
    temp_directory: join(workDir, 'spill'),
    // Rows keep the file's order: the dataset is what the user uploaded, row for row.
    preserve_insertion_order: 'true',
    // Hand freed memory back to the system sooner than the 128 MB default: ~45 MB less peak RSS reading 1 GiB,
    // at no measurable CPU cost.
    allocator_flush_threshold: '16MB',
  });
  const sampler = settings.observe ? memorySampler(instance) : undefined;
  const stopObserving = sampler && settings.observe?.(sampler.sample);
  try {
    const connection = await instance.connect();
    try {
      return await use(connection);
    } finally {
      connection.closeSync();
    }
  } finally {
    await stopObserving?.();
    await sampler?.close();
    instance.closeSync();
  }
}
