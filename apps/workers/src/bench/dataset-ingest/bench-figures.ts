import { cpus, loadavg, totalmem } from 'node:os';

/** Two decimals: the precision the benchmarks report. */
export const round = (n: number) => Math.round(n * 100) / 100;

export const loadNow = () => Math.round(loadavg()[0]! * 10) / 10;

export const machine = () => ({ cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 1024 ** 3) });

/**
 * Reads the first page 21 times: the first read of a new version (`cold`), then the median and 95th
 * percentile of the 20 after it, in milliseconds.
 */
export async function firstPageLatency(readFirstPage: () => Promise<unknown>): Promise<{ cold: number; p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    await readFirstPage();
    times.push(performance.now() - t);
  }
  const [cold, ...warm] = times;
  warm.sort((a, b) => a - b);
  return { cold: round(cold!), p50: round(warm[Math.floor(warm.length * 0.5)]!), p95: round(warm[Math.floor(warm.length * 0.95)]!) };
}
