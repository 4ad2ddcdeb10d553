/**
 * `pnpm bench:inference`: type inference's accuracy on the labelled corpus (per-type precision and recall, date
 * and currency formats, and whether parseValue reads what inference counted), then the time and memory to infer
 * 1,000,000 generated rows × 10 columns in one pass. Prints markdown for docs/benchmarks.md.
 * `pnpm bench:inference --rows 100000` runs a smaller throughput pass; `--mistakes` lists every miss.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { measureAccuracy, type AccuracyReport } from './accuracy';
import { LABELS, loadCorpus } from './corpus';
import { describeProposal, measureThroughput } from './throughput';

const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);
const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

function printAccuracy(report: AccuracyReport, showAll: boolean): void {
  const { results, perType } = report;
  const correct = results.filter((r) => r.correct).length;
  const files = new Set(results.map((r) => r.column.file)).size;
  console.log(
    `\n**Corpus:** ${results.length} labelled columns from ${files} files (${grouped(results.reduce((n, r) => n + r.column.values.length, 0))} values); inferred in ${report.milliseconds.toFixed(0)} ms.\n`,
  );
  console.log('| type | columns | proposed | precision | recall |');
  console.log('|---|---|---|---|---|');
  for (const t of perType)
    console.log(
      `| ${t.label} | ${t.support} | ${t.predicted} | ${pct(t.truePositives, t.predicted)} | ${pct(t.truePositives, t.support)} |`,
    );
  const macro =
    perType.filter((t) => t.predicted > 0).reduce((s, t) => s + t.truePositives / t.predicted, 0) /
    perType.filter((t) => t.predicted > 0).length;
  console.log(
    `| **all** | ${results.length} | | macro ${(100 * macro).toFixed(1)}% | accuracy **${pct(correct, results.length)}** |`,
  );

  const withFormat = results.filter((r) => r.formatCorrect !== null);
  const formatRight = withFormat.filter((r) => r.formatCorrect).length;
  console.log(
    `\nFormats (date/timestamp pattern or "ambiguous", currency, point layout) of the correctly typed columns that name one: ${formatRight} of ${withFormat.length} right.`,
  );
  const parsedChecked = results.filter((r) => r.parsed !== null);
  const disagreeing = parsedChecked.filter((r) => r.parsed !== r.proposal.matchCount);
  console.log(
    `parseValue with each proposal reads exactly the values inference counted in ${parsedChecked.length - disagreeing.length} of ${parsedChecked.length} columns (the others are ambiguous dates, read only once the user picks the order).`,
  );
  for (const r of disagreeing)
    console.log(
      `- parse mismatch ${r.column.file}/${r.column.name}: inference counted ${r.proposal.matchCount}, parseValue read ${r.parsed}`,
    );

  const confusion = new Map<string, number>();
  for (const r of results.filter((x) => !x.correct))
    confusion.set(
      `${r.column.expected} → ${r.predicted}`,
      (confusion.get(`${r.column.expected} → ${r.predicted}`) ?? 0) + 1,
    );
  console.log(
    `\nMisses by kind: ${[...confusion]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ×${n}`)
      .join(', ')}.`,
  );
  const misses = results.filter((r) => !r.correct || r.formatCorrect === false);
  for (const r of showAll ? misses : misses.slice(0, 40))
    console.log(
      `- ${r.column.file}/${r.column.name}: expected ${r.column.expected}${r.column.format ? ` (${r.column.format})` : ''}, proposed ${r.predicted}${r.proposal.format.kind === 'temporal' ? ` (${r.proposal.format.pattern ?? 'ambiguous'})` : ''} — ${r.proposal.reasons[0]}`,
    );
}

function main(): void {
  const rows = Number(argument('--rows') ?? 1_000_000);
  const machine = `${cpus().length} vCPU ${cpus()[0]?.model.trim() ?? ''}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(
    `### Type inference — ${new Date().toISOString().slice(0, 10)}, ${machine}, load ${loadavg()[0]!.toFixed(1)}`,
  );
  const corpus = loadCorpus();
  const missing = LABELS.filter((l) => !corpus.some((c) => c.expected === l));
  if (missing.length) throw new Error(`the corpus has no column labelled ${missing.join(', ')}`);
  printAccuracy(measureAccuracy(corpus), process.argv.includes('--mistakes'));

  const t = measureThroughput(rows);
  const inferenceMs = t.totalMs - t.generationMs;
  const values = t.rows * t.columns;
  console.log(
    `\n**Throughput:** ${grouped(t.rows)} generated rows × ${t.columns} columns, fed row by row to one table inference.\n`,
  );
  const inferenceCpuMs = t.totalCpuMs - t.generationCpuMs;
  console.log('| what | wall | CPU |');
  console.log('|---|---|---|');
  console.log(
    `| generating and inferring | ${(t.totalMs / 1000).toFixed(1)} s | ${(t.totalCpuMs / 1000).toFixed(1)} s |`,
  );
  console.log(
    `| generating the rows alone | ${(t.generationMs / 1000).toFixed(1)} s | ${(t.generationCpuMs / 1000).toFixed(1)} s |`,
  );
  console.log(
    `| inference (difference) | ${(inferenceMs / 1000).toFixed(1)} s | ${(inferenceCpuMs / 1000).toFixed(1)} s — ${grouped(values / (inferenceCpuMs / 1000))} values/s, ${grouped(t.rows / (inferenceCpuMs / 1000))} rows/s of CPU |`,
  );
  console.log(`| conclude() for all columns | ${t.concludeMs.toFixed(1)} ms | |`);
  console.log(
    `| heap in use after ${grouped(t.rows / 10)} rows / after all rows${globalThis.gc ? '' : ' (no --expose-gc: includes garbage)'} | ${t.heapAtTenthMiB.toFixed(1)} MiB / ${t.heapAtEndMiB.toFixed(1)} MiB | |`,
  );
  console.log(`| peak RSS of the process | ${t.peakRssMiB.toFixed(0)} MiB | |`);
  console.log(`\nProposed: ${describeProposal(t.proposal).join('; ')}.`);
}

main();
