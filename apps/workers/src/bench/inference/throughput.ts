import { createTableInference, describeDataType, type TableProposal } from '@spice/domain';
import { GENERATED_COLUMNS, generatedRows } from './generated-table';

export interface ThroughputReport {
  readonly rows: number;
  readonly columns: number;
  /** Generating the rows and feeding them to inference. */
  readonly totalMs: number;
  /** Generating the rows alone (a second pass), to subtract. */
  readonly generationMs: number;
  /** CPU time of this process for the same two passes: the wall time includes waiting for the CPU on a busy machine. */
  readonly totalCpuMs: number;
  readonly generationCpuMs: number;
  readonly concludeMs: number;
  /** Heap in use after 10% of the rows and after all of them: bounded memory means these stay close. */
  readonly heapAtTenthMiB: number;
  readonly heapAtEndMiB: number;
  readonly peakRssMiB: number;
  readonly proposal: TableProposal;
}

const MiB = 2 ** 20;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function measureThroughput(rows: number): ThroughputReport {
  globalThis.gc?.();
  const table = createTableInference(GENERATED_COLUMNS);
  let peakRss = process.memoryUsage().rss;
  let heapAtTenth = 0;
  const start = performance.now();
  const startCpu = cpuMs();
  let i = 0;
  for (const row of generatedRows(rows)) {
    table.addRow(row);
    if (++i % 50_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (i === rows / 10) {
      globalThis.gc?.();
      heapAtTenth = process.memoryUsage().heapUsed;
    }
  }
  const fed = performance.now();
  const proposal = table.conclude();
  const totalMs = performance.now() - start;
  const totalCpuMs = cpuMs() - startCpu;
  globalThis.gc?.();
  const heapAtEnd = process.memoryUsage().heapUsed;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const genStart = performance.now();
  const genStartCpu = cpuMs();
  let checksum = 0;
  for (const row of generatedRows(rows)) checksum += row[0]!.length;
  const generationMs = performance.now() - genStart;
  const generationCpuMs = cpuMs() - genStartCpu;
  if (checksum === 0) throw new Error('generated no rows');

  return {
    rows,
    columns: GENERATED_COLUMNS.length,
    totalMs,
    generationMs,
    totalCpuMs,
    generationCpuMs,
    concludeMs: totalMs - (fed - start),
    heapAtTenthMiB: heapAtTenth / MiB,
    heapAtEndMiB: heapAtEnd / MiB,
    peakRssMiB: peakRss / MiB,
    proposal,
  };
}

export const describeProposal = (p: TableProposal) =>
  p.columns.map(
    (c) =>
      `${c.column}: ${c.identifier ? 'identifier' : describeDataType(c.dataType)}${c.format.kind === 'temporal' ? ` ${c.format.pattern ?? c.format.choices.join(' | ')}` : ''}`,
  );
