/**
 * `pnpm bench:ingest-read [MiB] [runs] [utf-8|cp949]`: generates a CSV of realistic mixed columns (default 1024
 * MiB of UTF-8; cp949 writes the same table as a Korean Windows export, which the reader transcodes; kept under
 * the temp folder and reused by later runs), then reads it through the upload reader (detect, then read to a
 * text Parquet file) `runs` times (default 3), each in a fresh process so that one run's memory does not count
 * in the next one's peak RSS, watching peak RSS and DuckDB's own memory. Prints a markdown table for
 * docs/benchmarks.md ("Dataset ingest (reading)").
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { TabularSourceReaderAdapter } from '@spice/adapters';
import { MemoryWatch } from './memory-watch';
import { writeMixedCsv } from './mixed-csv';

const MIB = 2 ** 20;

type Encoding = 'utf-8' | 'cp949';

async function sourceFile(sizeMiB: number, encoding: Encoding): Promise<string> {
  const folder = join(tmpdir(), 'spice-bench-ingest');
  await mkdir(folder, { recursive: true });
  const path = join(folder, `orders-${sizeMiB}MiB-${encoding}.csv`);
  const existing = await stat(path).catch(() => null);
  if (existing && existing.size >= sizeMiB * MIB) return path;
  console.error(`generating ${path} …`);
  const { rows } = await writeMixedCsv(path, sizeMiB * MIB, encoding);
  console.error(`… ${rows.toLocaleString('en')} rows`);
  return path;
}

interface Run {
  readonly detectMs: number;
  readonly readSeconds: number;
  /** CPU time (user + system, all threads) the read took: what it costs when the machine is not shared. */
  readonly readCpuSeconds: number;
  readonly rows: number;
  /** The process before the read (Node, tsx, the DuckDB library): the rest of the peak is the read's. */
  readonly startRssMiB: number;
  readonly peakRssMiB: number;
  readonly peakDuckDbMiB: number;
  readonly spillMiB: number;
}

async function readOnce(path: string, outputPath: string): Promise<Run> {
  const startRss = process.memoryUsage.rss();
  const watch = new MemoryWatch();
  const reader = new TabularSourceReaderAdapter({
    delimitedText: { duckdb: { observe: watch.observe } },
  });
  try {
    const started = performance.now();
    await reader.detect(path, 'orders.csv');
    const detected = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await reader.read(path, 'orders.csv', { badRows: 'fail' }, outputPath);
    const cpu = process.cpuUsage(cpuBefore);
    const done = performance.now();
    watch.stop();
    return {
      detectMs: detected - started,
      readSeconds: (done - detected) / 1000,
      readCpuSeconds: (cpu.user + cpu.system) / 1e6,
      rows: result.rowCount,
      startRssMiB: startRss / MIB,
      peakRssMiB: watch.peakRss / MIB,
      peakDuckDbMiB: watch.peakDuckDb / MIB,
      spillMiB: watch.peakSpill / MIB,
    };
  } finally {
    watch.stop();
    await rm(outputPath, { force: true });
  }
}

/** Runs one read in a child process (this script with `--run`) and returns what it measured. */
async function readInChild(path: string, outputPath: string): Promise<Run> {
  const child = fork(fileURLToPath(import.meta.url), ['--run', path, outputPath], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [[message], [code]] = await Promise.all([once(child, 'message'), once(child, 'exit')]);
  if (code !== 0) throw new Error(`the read run exited with code ${String(code)}`);
  return message as Run;
}

async function main() {
  if (process.argv[2] === '--run') {
    process.send!(await readOnce(process.argv[3]!, process.argv[4]!));
    return;
  }
  const sizeMiB = Number(process.argv[2] ?? 1024);
  const runs = Number(process.argv[3] ?? 3);
  const encoding: Encoding = process.argv[4] === 'cp949' ? 'cp949' : 'utf-8';
  const path = await sourceFile(sizeMiB, encoding);
  const { size } = await stat(path);
  const outputPath = join(tmpdir(), 'spice-bench-ingest', 'orders.parquet');
  const loadBefore = loadavg()[0]!.toFixed(1);
  const results: Run[] = [];
  for (let i = 0; i < runs; i += 1) {
    const run = await readInChild(path, outputPath);
    console.error(
      `run ${i + 1}: ${(size / MIB / run.readSeconds).toFixed(1)} MiB/s, peak RSS ${run.peakRssMiB.toFixed(0)} MiB`,
    );
    results.push(run);
  }
  const loadAfter = loadavg()[0]!.toFixed(1);
  const machine = `${cpus().length} vCPU ${cpus()[0]?.model.trim() ?? ''}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, ${machine}, load ${loadBefore} before / ${loadAfter} after\n`,
  );
  console.log(
    `File: ${(size / MIB).toFixed(0)} MiB of ${encoding}, ${results[0]!.rows.toLocaleString('en')} rows × 14 columns.\n`,
  );
  console.log(
    '| run | detect | read | throughput | CPU time (MiB per CPU-second) | peak RSS (before the read) | peak DuckDB memory | DuckDB spill |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  results.forEach((run, i) => {
    console.log(
      `| ${i + 1} | ${run.detectMs.toFixed(0)} ms | ${run.readSeconds.toFixed(1)} s | ${(size / MIB / run.readSeconds).toFixed(1)} MiB/s | ${run.readCpuSeconds.toFixed(1)} s (${(size / MIB / run.readCpuSeconds).toFixed(1)}) | ${run.peakRssMiB.toFixed(0)} MiB (${run.startRssMiB.toFixed(0)}) | ${run.peakDuckDbMiB.toFixed(0)} MiB | ${run.spillMiB.toFixed(0)} MiB |`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
