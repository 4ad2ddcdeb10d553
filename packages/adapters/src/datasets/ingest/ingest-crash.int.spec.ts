import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestPrefix, type IngestStep } from '@spice/domain';
import type { System } from '../../composition/composition-root';
import { forEachStack, type TestStack } from '../../write-path/support/test-stacks.int-support';

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = join(here, 'ingest-process-main.int-support.ts');
const REPO_ROOT = join(here, '../../../../..');
const ROWS = 500;
const CSV = ['id,name,tonnage', ...Array.from({ length: ROWS }, (_, i) => `S${i + 1},Ship ${i + 1},${1000 + i}`)].join('\n') + '\n';

/** Runs an ingest in a child process, kills it with SIGKILL at `step`, and returns the job it was working on. */
async function killIngestAt(stack: TestStack, datasetId: string, file: string, step: IngestStep): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, datasetId, file], {
    cwd: REPO_ROOT,
    env: { ...process.env, SPICE_TEST_CONFIG: JSON.stringify(stack.config()), SPICE_TEST_DIE_AT: step },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const jobId = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ingest process never reached ${step}:\n${output.join('\n')}`)), 120_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('@@ingest ')) return output.push(line);
      const marker = JSON.parse(line.slice('@@ingest '.length)) as { step: string; jobId?: string };
      clearTimeout(timer);
      if (marker.step === step) resolve(marker.jobId!);
      else reject(new Error(`the ingest process finished without stopping at ${step}`));
    });
    child.once('exit', (code) => reject(new Error(`the ingest process exited (${code}) before ${step}:\n${output.join('\n')}`)));
  });
  child.kill('SIGKILL');
  await exited;
  return jobId;
}

/** Runs the reconciler until it has dealt with the job (its lease must lapse first). */
async function reconcileUntilSettled(system: System, jobId: string) {
  for (let tries = 0; tries < 60; tries++) {
    await system.ingest.reconcile();
    const job = await system.ingest.job(jobId);
    if (['committed', 'abandoned', 'read', 'failed'].includes(job.phase)) return job;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the reconciler did not settle ${jobId}: ${(await system.ingest.job(jobId)).phase}`);
}

/** Every visible version is whole: its files are in the store and its rows read back. */
async function expectOnlyWholeVersions(system: System, datasetId: string) {
  const view = await system.datasets.dataset(datasetId);
  for (const version of view.versions) {
    expect(await system.objects.size(version.objects.data)).toBeGreaterThan(0);
    expect(await system.objects.size(version.objects.raw!)).toBe(CSV.length);
    const page = await system.datasetReads.preview({ userId: 'test', roles: [] }, { datasetId, ref: version.versionId, limit: 1 });
    expect(page.totalRows).toBe(ROWS);
  }
  return view.versions;
}

forEachStack('an ingest killed at any step never leaves half a version; the reconciler finishes or rolls it back', (stack) => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ingest-crash-'));
    file = join(dir, 'ships.csv');
    await writeFile(file, CSV);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const scenario = async (step: IngestStep, datasetId: string) => {
    const setup = await stack.open();
    await setup.datasets.createDataset({ datasetId, name: `Crash at ${step}` }, { id: 'test' });
    await stack.close(setup); // embedded: the child process opens the data directory next
    const jobId = await killIngestAt(stack, datasetId, file, step);
    const system = await stack.open();
    await expectOnlyWholeVersions(system, datasetId);
    return { system, jobId, job: await reconcileUntilSettled(system, jobId) };
  };

  it('mid-upload (job recorded, file not yet stored): rolled back, the partial upload deleted and the key freed', async () => {
    const datasetId = `crash-upload-${stack.run}`;
    const { system, job } = await scenario('receiving', datasetId);
    expect(job.phase).toBe('abandoned');
    expect(await expectOnlyWholeVersions(system, datasetId)).toEqual([]);
    expect(await system.objects.list(`${ingestPrefix(datasetId, job.jobId)}/`)).toEqual([]);
  });

  for (const step of ['reading', 'committing', 'data-stored', 'version-committed'] as const) {
    it(`at ${step}: completed into exactly one whole version`, async () => {
      const datasetId = `crash-${step}-${stack.run}`;
      const { system, job } = await scenario(step, datasetId);
      expect(job.phase).toBe('committed');
      const versions = await expectOnlyWholeVersions(system, datasetId);
      expect(versions.map((v) => [v.versionId, v.rowCount, v.source.jobId])).toEqual([[job.versionId, ROWS, job.jobId]]);
      const page = await system.datasetReads.preview({ userId: 'test', roles: [] }, { datasetId, ref: 'main', limit: 2 });
      expect(page.rows).toEqual([
        ['S1', 'Ship 1', 1000],
        ['S2', 'Ship 2', 1001],
      ]);
    });
  }
});
