import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureAppends, type AppendFigure, type AppendPhase } from './append-bench';
import { openBenchStack, type BenchMode } from './bench-stack';
import { updateBenchmarksDoc, updateProjectionInDoc } from './benchmarks-doc';
import { measureCommandToVisible, type CommandToVisibleFigure } from './command-to-visible';
import { seedBacklog } from './backlog';
import { measureConsumer } from './consumer-bench';
import { measureProbes } from './probes';
import { measureRelay } from './relay-bench';
import type { WritePathResults } from './write-path-results';

/**
 * The write-path benchmark (issue 3, item 9). A command, never a test: it prints a JSON summary and refreshes
 * the write-path section of docs/benchmarks.md.
 *   eval "$(bash scripts/stack env)" && pnpm bench:write      (real stack)
 *   pnpm bench:write embedded                                   (embedded default)
 *   pnpm bench:write real projection                            (the projection alone, on a seeded backlog)
 */
const PHASE_SECONDS = 10;
const PHASES: readonly AppendPhase[] = [
  { writers: 1, aggregates: 1, seconds: PHASE_SECONDS },
  { writers: 16, aggregates: 16, seconds: PHASE_SECONDS },
  { writers: 64, aggregates: 64, seconds: PHASE_SECONDS },
  { writers: 16, aggregates: 4, seconds: PHASE_SECONDS },
];
const WITHOUT_S3_PHASE: AppendPhase = { writers: 16, aggregates: 16, seconds: PHASE_SECONDS };
/** Bounds the consumer phase, should a slow stack not drain the topic. */
const CONSUMER_MAX_SECONDS = 60;
const PROJECTION_BACKLOG_EVENTS = 40_000;
const SLICE_COMMANDS = 200;
const docsPath = join(dirname(fileURLToPath(import.meta.url)), '../../../../../docs/benchmarks.md');

async function main(): Promise<void> {
  const mode = parseMode(process.argv[2]);
  if (process.argv[3] === 'projection') return projectionOnly(mode);
  if (process.argv[3] !== undefined) throw new Error(`Unknown part "${process.argv[3]}": the only part that runs alone is \`projection\``);
  // The services share the machine's 2 cores with whatever else runs: a busy machine shows in every figure.
  const loadAtStart = Math.round(loadavg()[0]! * 10) / 10;
  const progress = (what: string) => console.error(`[bench:write ${mode}] ${what}`);
  // First, on a stack of its own: the command path lists the stream's objects, which is slower on a bucket
  // the append phases have filled (moto scans the whole bucket for a prefix).
  progress(`command-to-visible: ${SLICE_COMMANDS} commands`);
  const visibleStack = await openBenchStack(mode);
  let commandToVisible: CommandToVisibleFigure;
  try {
    commandToVisible = await measureCommandToVisible(visibleStack, SLICE_COMMANDS);
  } finally {
    await visibleStack.close();
  }

  const stack = await openBenchStack(mode);
  let complete: WritePathResults;
  try {
    progress(`probing the services (${stack.adapters})`);
    const probes = await measureProbes(stack);
    const appends: AppendFigure[] = [];
    for (const phase of PHASES) {
      progress(
        `appending: ${phase.writers} writers on ${phase.aggregates} aggregates for ${phase.seconds} s`,
      );
      appends.push(await measureAppends(stack.system, stack.runId, phase));
    }
    if (mode === 'real') {
      progress('appending: 16 writers, local directory instead of the S3 server');
      appends.push(await measureAppends(await stack.withoutS3(), stack.runId, WITHOUT_S3_PHASE));
    }
    progress('relaying the backlog into the bus');
    const relay = await measureRelay(stack);
    progress(`projecting for up to ${CONSUMER_MAX_SECONDS} s`);
    const consumer = await measureConsumer(stack, CONSUMER_MAX_SECONDS);
    const date = new Date().toISOString().slice(0, 10);
    complete = {
      mode,
      adapters: stack.adapters,
      date,
      machine: machine(),
      loadAtStart,
      probes,
      appends,
      relay,
      consumer,
      commandToVisible,
    };
  } finally {
    await stack.close();
  }
  console.log(JSON.stringify(complete, null, 2));
  updateBenchmarksDoc(docsPath, complete);
  progress(`docs/benchmarks.md updated`);
}

/** The projection on a backlog seeded for it; only the projection's figures in docs/benchmarks.md change. */
async function projectionOnly(mode: BenchMode): Promise<void> {
  const progress = (what: string) => console.error(`[bench:write ${mode} projection] ${what}`);
  const stack = await openBenchStack(mode);
  try {
    progress(`seeding ${PROJECTION_BACKLOG_EVENTS} events (${stack.adapters})`);
    await seedBacklog(stack, PROJECTION_BACKLOG_EVENTS);
    progress('relaying the backlog into the bus');
    await measureRelay(stack);
    progress(`projecting for up to ${CONSUMER_MAX_SECONDS} s`);
    const consumer = await measureConsumer(stack, CONSUMER_MAX_SECONDS);
    console.log(JSON.stringify(consumer, null, 2));
    updateProjectionInDoc(docsPath, mode, consumer);
    progress('docs/benchmarks.md updated (projection figures)');
  } finally {
    await stack.close();
  }
}

function parseMode(arg: string | undefined): BenchMode {
  if (arg === undefined || arg === 'real') return 'real';
  if (arg === 'embedded') return 'embedded';
  throw new Error(`Unknown stack "${arg}": use \`pnpm bench:write\` (real) or \`pnpm bench:write embedded\``);
}

function machine(): string {
  const cores = cpus();
  const gib = Math.round(totalmem() / 2 ** 30);
  return `${cores.length} vCPU ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${gib} GiB, Node ${process.version}, services on the same machine`;
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
