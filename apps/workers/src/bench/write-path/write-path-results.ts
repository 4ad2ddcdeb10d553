import type { AppendFigure } from './append-bench';
import type { BenchMode } from './bench-stack';
import type { CommandToVisibleFigure } from './command-to-visible';
import type { ConsumerFigure } from './consumer-bench';
import type { Probes } from './probes';
import type { RelayFigure } from './relay-bench';

/** One run of `pnpm bench:write` on one stack: what it prints and what docs/benchmarks.md is rendered from. */
export interface WritePathResults {
  readonly mode: BenchMode;
  readonly adapters: string;
  readonly date: string;
  readonly machine: string;
  /** The 1-minute load average when the run started (2 cores: above 2, something else competed for them). */
  readonly loadAtStart: number;
  readonly probes: Probes;
  readonly appends: readonly AppendFigure[];
  readonly relay: RelayFigure;
  readonly consumer: ConsumerFigure;
  readonly commandToVisible: CommandToVisibleFigure;
}

/** The targets for this 2-core machine; throughput targets are for the real stack. */
export const TARGETS = {
  appendsPerSecWith16Writers: 1_000,
  relayEventsPerSec: 10_000,
  projectionEventsPerSec: 5_000,
  commandToVisibleP95Ms: { real: 1_000, embedded: 300 },
} as const;
