/**
 * `pnpm bench:ontology [embedded|real]`: imports a generated ontology of 500 object types with 20 properties
 * each and 1,000 link types, then times what the workbench does with it: loading the model (what the
 * object-type page and the graph fetch), one edit of an object type, and an export. Prints a markdown table
 * for docs/benchmarks.md. Browser-side figures (graph render, fps) come from `pnpm bench:ontology-graph`.
 */
import { loadavg, cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openBenchStack, type BenchMode } from '../write-path/bench-stack';
import { generatedOntology } from './generated-ontology';

const TYPES = 500;
const PROPERTIES = 20;
const LINKS = 1_000;
const ROUNDS = 40;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms`;
};

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

async function main() {
  const mode: BenchMode = process.argv[2] === 'real' ? 'real' : 'embedded';
  const stack = await openBenchStack(mode);
  const ontology = stack.system.ontology;
  const actor = { id: 'bench@spice.local' };
  const ontologyId = `bench-${stack.runId}`;
  const ref = { ontologyId, branch: 'main' };
  try {
    const load = loadavg()[0]!.toFixed(1);
    await ontology.createOntology({ ontologyId, displayName: 'Bench' }, actor);
    const document = generatedOntology(ontologyId, TYPES, PROPERTIES, LINKS);
    const [, importMs] = await timed(() => ontology.importOntology(ref, { format: 'json', content: document, mode: 'merge' }, actor));

    const loads: number[] = [];
    for (let i = 0; i < ROUNDS; i++) loads.push((await timed(() => ontology.model(ref)))[1]);

    const edits: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const view = await ontology.model(ref);
      const target = view.entities.objectType[(i * 37) % view.entities.objectType.length]!;
      edits.push((await timed(() => ontology.updateEntity(ref, 'objectType', { id: target.id, expectedSeq: target.version, patch: { description: `edit ${i}` } }, actor)))[1]);
    }
    const [jsonld, exportMs] = await timed(() => ontology.exportOntology(ref, 'jsonld'));
    const machine = `${cpus().length} vCPU ${cpus()[0]?.model.trim() ?? ''}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
    console.log(`\n### ${mode} (${stack.adapters}) — ${new Date().toISOString().slice(0, 10)}, ${machine}, load ${load}\n`);
    console.log('| what | figure |');
    console.log('|---|---|');
    console.log(`| import ${TYPES} object types × ${PROPERTIES} properties + ${LINKS} link types (JSON, one append, validated whole) | ${(importMs / 1000).toFixed(2)} s |`);
    console.log(`| load the model (object-type page / graph data), ${ROUNDS} loads | ${summary(loads)} |`);
    console.log(`| edit one object type (validate the whole ontology, append), ${ROUNDS} edits | ${summary(edits)} |`);
    console.log(`| export JSON-LD (${(jsonld.length / 2 ** 20).toFixed(1)} MiB) | ${exportMs.toFixed(0)} ms |`);
  } finally {
    await stack.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
