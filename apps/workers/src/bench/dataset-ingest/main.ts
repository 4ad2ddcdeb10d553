import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, createSystem, loadConfig, receiveUpload } from '@spice/adapters';
import { writeMixedCsv } from '../ingest/mixed-csv';
import { firstPageLatency, loadNow, machine, round } from './bench-figures';

/**
 * The dataset ingest benchmark (issue 5): a generated CSV goes the whole way a browser upload goes — spooled
 * with its hash, stored raw, read into text Parquet, its schema inferred, cast, profiled and committed as a
 * version — then the first page of the preview is read. A command, never a test:
 *   pnpm bench:ingest [embedded|real] [size in MB, default 1024]
 * It prints one JSON line of figures (MB/s, peak RSS, the time of each phase, preview latency).
 */
async function main(): Promise<void> {
  if (process.argv[2] === '--prepare') return prepareDataDir();
  const mode = process.argv[2] === 'real' ? 'real' : 'embedded';
  const megabytes = Number(process.argv[3] ?? 1024);
  const work = await mkdtemp(join(tmpdir(), 'bench-ingest-'));
  const loadAtStart = loadNow();
  try {
    const csv = join(work, 'orders.csv');
    const generated = await writeMixedCsv(csv, megabytes * 1024 * 1024, 'utf-8');
    const env = mode === 'real' ? { ...process.env, SPICE_DATA_DIR: join(work, 'data') } : { SPICE_DATA_DIR: join(work, 'data'), LOG_LEVEL: 'warn' };
    // Each step of the ingest is timed at the service's named checkpoints (receiving, reading, committing, …).
    // Each step's own peak RSS too: the peak since the step before.
    const steps: { step: string; at: number }[] = [];
    const stepPeaks: Record<string, number> = {};
    let stepPeak = 0;
    const checkpoint = async (step: string) => {
      stepPeaks[steps.at(-1)?.step ?? 'spool'] = Math.round(stepPeak / 1024 ** 2);
      stepPeak = 0;
      steps.push({ step, at: performance.now() });
    };
    if (mode === 'embedded') await inChild(['--prepare'], env);
    const system = await createSystem(loadConfig({ ...env, LOG_LEVEL: 'warn' }), createLogger('warn'), { ingest: { checkpoint } });
    const datasetId = `bench-${Date.now().toString(36)}`;
    await system.datasets.createDataset({ datasetId, name: 'Ingest benchmark' }, { id: 'bench' });

    let peakRss = process.memoryUsage.rss();
    const baselineRss = peakRss;
    const sampler = setInterval(() => {
      const rss = process.memoryUsage.rss();
      peakRss = Math.max(peakRss, rss);
      stepPeak = Math.max(stepPeak, rss);
    }, 25);
    const phases: Record<string, number> = {};
    let last = performance.now();
    const started = last;
    const outcome = await receiveUpload(system, createReadStream(csv, { highWaterMark: 1024 * 1024 }), (file) => {
      phases.spoolSeconds = (performance.now() - last) / 1000;
      last = performance.now();
      return system.ingest.ingest({ datasetId, fileName: 'orders.csv', autoCommit: true, badValues: 'skip', message: 'benchmark' }, file, { id: 'bench' });
    });
    await checkpoint('done');
    for (let i = 0; i + 1 < steps.length; i++) phases[`${steps[i]!.step}Seconds`] = (steps[i + 1]!.at - steps[i]!.at) / 1000;
    const totalSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (outcome.kind !== 'job' || outcome.job.phase !== 'committed') throw new Error(`the ingest did not commit: ${JSON.stringify(outcome).slice(0, 2000)}`);

    const previewFirstPageMs = await firstPageLatency(() => system.datasetReads.preview({ userId: 'bench', roles: [] }, { datasetId, ref: 'main', offset: 0, limit: 200 }));
    const version = await system.datasets.version(datasetId, 'main');
    await system.stop();
    console.log(
      JSON.stringify({
        mode,
        machine: machine(),
        loadAtStart,
        loadAtEnd: loadNow(),
        file: { megabytes: Math.round(generated.bytes / 1024 ** 2), rows: generated.rows },
        committed: { rows: version.rowCount, columns: version.schema.map((c) => `${c.name}:${typeof c.dataType === 'string' ? c.dataType : c.dataType.type}`), skippedRows: version.skippedRows },
        ingest: { totalSeconds: round(totalSeconds), megabytesPerSecond: round(generated.bytes / 1024 ** 2 / totalSeconds), ...mapValues(phases, round) },
        memory: { baselineRssMB: Math.round(baselineRss / 1024 ** 2), peakRssMB: Math.round(peakRss / 1024 ** 2), peakRssMBByStep: stepPeaks },
        previewFirstPageMs,
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The embedded store's first start creates its database (PGlite's initdb, ~500 MiB for a moment, not all of it
 * handed back): done once per data directory, so in a process of its own, as every start after a workbench's first.
 */
async function prepareDataDir(): Promise<void> {
  const system = await createSystem(loadConfig({ ...process.env, LOG_LEVEL: 'warn' }), createLogger('warn'));
  await system.stop();
}

async function inChild(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), args, { env, stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${String(code)}`);
}

const mapValues = (o: Record<string, number>, f: (n: number) => number) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
